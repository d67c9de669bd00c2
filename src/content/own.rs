//! A server's own items: members' suggestions (the fields of a form) and
//! packs imported for one server. They follow the bundled packs' rules with
//! two differences: `topic` may be left out (it names a seed topic), and the
//! category must be one the bank already has, so channel filters and the
//! practice categories take them in.

use crate::i18n::Msg;
use crate::msg;
use std::collections::HashSet;

use toml::{Table, Value};

use super::loader::check_server_item;
use super::{Item, ItemKind, letter, parse_server_pack};
use crate::quiz::grading::normalise;

/// The fields of the suggestion form, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Prompt,
    /// The choices, one per line; or the accepted answers, one per line.
    Options,
    /// The right choice's letter; empty for a typed answer.
    Answer,
    Explanation,
    Category,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Prompt, Field::Options, Field::Answer, Field::Explanation, Field::Category];

    /// The field's name in forms and in the console's `name: value` lines.
    pub fn id(self) -> &'static str {
        match self {
            Field::Prompt => "prompt",
            Field::Options => "options",
            Field::Answer => "answer",
            Field::Explanation => "explanation",
            Field::Category => "category",
        }
    }

    pub fn parse(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The fields a form shows: a discussion has its prompt, its notes (in
    /// `Options`, one per line) and its category, and nothing to grade.
    pub fn of(discussion: bool) -> &'static [Field] {
        if discussion { &[Field::Prompt, Field::Options, Field::Category] } else { &Field::ALL }
    }

    /// The most a member may type in it: above the longest in the bundled
    /// bank (250, 380, 377), and small enough that the question, the reveal
    /// and the review card fit a Discord message (2,000 characters).
    pub fn max_chars(self) -> usize {
        match self {
            Field::Prompt => 300,
            Field::Options => 500,
            Field::Answer => 10,
            Field::Explanation => 600,
            Field::Category => 64,
        }
    }
}

/// A suggestion as typed, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub prompt: String,
    pub options: String,
    pub answer: String,
    pub explanation: String,
    pub category: String,
    /// An open prompt to talk over, its notes in `options`; `answer` and
    /// `explanation` are not asked for.
    pub discussion: bool,
}

/// What is wrong with one field of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: Msg,
}

impl Draft {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Prompt => &self.prompt,
            Field::Options => &self.options,
            Field::Answer => &self.answer,
            Field::Explanation => &self.explanation,
            Field::Category => &self.category,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        *match field {
            Field::Prompt => &mut self.prompt,
            Field::Options => &mut self.options,
            Field::Answer => &mut self.answer,
            Field::Explanation => &mut self.explanation,
            Field::Category => &mut self.category,
        } = value;
    }

    /// The form filled in with an item, to edit it.
    pub fn from_item(item: &Item) -> Draft {
        let (options, answer) = match &item.kind {
            ItemKind::Choice { choices, answer } => (choices.join("\n"), letter(*answer).to_string()),
            ItemKind::Text { accept, .. } => (accept.join("\n"), String::new()),
            ItemKind::Discussion { notes } => (notes.join("\n"), String::new()),
        };
        Draft {
            prompt: item.prompt.clone(),
            options,
            answer,
            explanation: item.explanation.clone(),
            category: item.category.clone(),
            discussion: item.is_discussion(),
        }
    }

    /// The item this draft describes, checked by the pack rules (the same
    /// messages a pack gets), or every problem, each naming its field.
    /// A letter in `answer` makes a multiple-choice question of the lines in
    /// `options`; an empty `answer` makes them the accepted answers to a
    /// typed one; a discussion makes them its notes. The item's id is `id`.
    pub fn check(&self, id: &str, categories: &[String]) -> Result<Item, Vec<FieldError>> {
        let too_long: Vec<FieldError> = Field::of(self.discussion)
            .iter()
            .copied()
            .filter_map(|f| {
                let n = self.get(f).chars().count();
                (n > f.max_chars())
                    .then(|| FieldError { field: f, message: msg!("field-too-long", len = n, max = f.max_chars()) })
            })
            .collect();
        if !too_long.is_empty() {
            return Err(too_long);
        }
        let lines: Vec<Value> = self
            .options
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Value::String(l.to_string()))
            .collect();
        let answer = self.answer.trim().trim_end_matches([')', '.']).trim().to_ascii_uppercase();
        let mut t = Table::new();
        let mut put = |k: &str, v: Value| drop(t.insert(k.to_string(), v));
        put("id", Value::String(id.to_string()));
        put("difficulty", Value::String("medium".into()));
        put("category", Value::String(self.category.trim().to_lowercase()));
        put("prompt", Value::String(self.prompt.clone()));
        if self.discussion {
            put("kind", Value::String("discussion".into()));
            put("notes", Value::Array(lines));
        } else if answer.is_empty() {
            put("explanation", Value::String(self.explanation.clone()));
            put("kind", Value::String("text".into()));
            put("accept", Value::Array(lines));
        } else if answer.len() == 1 && answer.as_bytes()[0].is_ascii_uppercase() {
            put("explanation", Value::String(self.explanation.clone()));
            put("kind", Value::String("choice".into()));
            put("choices", Value::Array(lines));
            put("answer", Value::String(answer));
        } else {
            return Err(vec![FieldError {
                field: Field::Answer,
                message: msg!("field-not-a-letter", given = self.answer.trim()),
            }]);
        }
        check_server_item("suggestion", id, &t, categories).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| FieldError {
                    field: match e.field.as_deref() {
                        Some("prompt") => Field::Prompt,
                        Some("answer") => Field::Answer,
                        Some("explanation") => Field::Explanation,
                        Some("category") => Field::Category,
                        _ => Field::Options,
                    },
                    message: pack_rule(e.message),
                })
                .collect()
        })
    }
}

/// A pack rule's wording, shared with `check-content` and written for pack
/// authors in the source language, as a message.
pub fn pack_rule(rule: String) -> Msg {
    msg!("pack-rule", rule = rule)
}

/// One item as a `[[item]]` table of a pack, with `id` as its id: what a
/// server's item is stored as and exported as. Parsing it gives the item back.
pub fn to_toml(item: &Item, id: &str) -> String {
    let s = |v: &str| Value::String(v.to_string()).to_string();
    let list = |v: &[String]| Value::Array(v.iter().map(|x| Value::String(x.clone())).collect()).to_string();
    let mut out = format!("[[item]]\nid = {}\n", s(id));
    if let Some(topic) = item.topic {
        out.push_str(&format!("topic = {topic}\n"));
    }
    out.push_str(&format!(
        "category = {}\ndifficulty = {}\nkind = {}\nprompt = {}\n",
        s(&item.category),
        s(item.difficulty.as_str()),
        s(item.kind_name()),
        s(&item.prompt)
    ));
    match &item.kind {
        ItemKind::Choice { choices, answer } => {
            out.push_str(&format!("choices = {}\nanswer = \"{}\"\n", list(choices), letter(*answer)));
        }
        ItemKind::Text { accept, reject } => {
            out.push_str(&format!("accept = {}\n", list(accept)));
            if !reject.is_empty() {
                out.push_str(&format!("reject = {}\n", list(reject)));
            }
        }
        ItemKind::Discussion { notes } => out.push_str(&format!("notes = {}\n", list(notes))),
    }
    if !item.is_discussion() {
        out.push_str(&format!("explanation = {}\n", s(&item.explanation)));
    }
    if item.retired {
        out.push_str("retired = true\n");
    }
    // Tables last: every key after a table header would belong to it.
    for (lang, text) in &item.translations {
        out.push_str(&format!("[item.translations.{}]\nprompt = {}\n", lang.tag(), s(&text.prompt)));
        match &item.kind {
            ItemKind::Choice { answer, .. } => {
                out.push_str(&format!("choices = {}\nanswer = \"{}\"\n", list(&text.choices), letter(*answer)));
            }
            ItemKind::Text { .. } => {
                out.push_str(&format!("accept = {}\n", list(&text.accept)));
                if !text.reject.is_empty() {
                    out.push_str(&format!("reject = {}\n", list(&text.reject)));
                }
            }
            ItemKind::Discussion { .. } => out.push_str(&format!("notes = {}\n", list(&text.notes))),
        }
        if !item.is_discussion() {
            out.push_str(&format!("explanation = {}\n", s(&text.explanation)));
        }
    }
    out
}

/// A stored own item read back (any category), named `id`; the first
/// problem found if it no longer reads.
pub fn from_stored(text: &str, id: &str) -> Result<Item, String> {
    let (pack, errors) = parse_server_pack("stored item", text, &[]);
    if let Some(e) = errors.first() {
        return Err(e.to_string());
    }
    let mut item = pack.items.into_iter().next().ok_or_else(|| "no item".to_string())?;
    item.id = id.to_string();
    Ok(item)
}

/// The normalised answers an item takes as right.
fn right_answers(item: &Item) -> HashSet<String> {
    match &item.kind {
        ItemKind::Choice { choices, answer } => std::iter::once(normalise(&choices[*answer])).collect(),
        ItemKind::Text { accept, .. } => accept.iter().map(|a| normalise(a)).collect(),
        ItemKind::Discussion { .. } => HashSet::new(),
    }
}

/// How alike two prompts must be (Sørensen–Dice over letter pairs of the
/// normalised text) for items with the same answer to count as one question.
const SIMILAR_PROMPTS: f64 = 0.5;

/// The items among `others` that ask the same question as `item`: one of
/// their right answers is the same once normalised, and their prompts are alike.
pub fn similar<'a>(item: &Item, others: impl IntoIterator<Item = &'a Item>) -> Vec<&'a Item> {
    let answers = right_answers(item);
    let prompt = normalise(&item.prompt);
    others
        .into_iter()
        .filter(|o| !o.retired && o.id != item.id)
        .filter(|o| !right_answers(o).is_disjoint(&answers))
        .filter(|o| strsim::sorensen_dice(&prompt, &normalise(&o.prompt)) >= SIMILAR_PROMPTS)
        .collect()
}

#[cfg(test)]
#[path = "own_tests.rs"]
mod tests;
