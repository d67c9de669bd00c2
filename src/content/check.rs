//! The checks one item of a pack goes through: its fields, kinds, lists and
//! code, each problem naming the field.

use std::collections::HashSet;

use toml::{Table, Value};

use super::loader::ContentError;
use super::{Difficulty, Item, ItemKind, letter};
use crate::quiz::grading::{Glossary, explain, normalise};

/// Fields an item may have.
const ITEM_FIELDS: &[&str] = &[
    "id",
    "topic",
    "category",
    "difficulty",
    "prompt",
    "kind",
    "choices",
    "answer",
    "accept",
    "reject",
    "explanation",
    "notes",
    "retired",
];
/// What a discussion item's notes hold: a few points, each a chat line.
const NOTES: std::ops::RangeInclusive<usize> = 2..=6;
const NOTE_CHARS: usize = 240;
const MIN_CHOICES: usize = 3;
const MAX_CHOICES: usize = 5;
const TOPICS: std::ops::RangeInclusive<i64> = 1..=45;

pub(super) struct ItemCheck<'a> {
    pub(super) file: &'a str,
    pub(super) name: String,
    pub(super) table: &'a Table,
    /// For a server's own item: the bank's categories, one of which it must use.
    pub(super) server: Option<&'a [String]>,
    pub(super) errors: Vec<ContentError>,
}

impl ItemCheck<'_> {
    pub(super) fn err(&mut self, field: Option<&str>, message: String) {
        self.errors.push(ContentError::item(self.file, &self.name, field, message));
    }

    pub(super) fn run(&mut self) -> Option<Item> {
        // The id first, so every later message can name the item by it.
        let id = self.string("id");
        if let Some(id) = &id {
            if is_slug(id) {
                self.name = format!("`{id}`");
            } else {
                self.err(Some("id"), format!("`{id}` is not a slug (lowercase letters, digits and single dashes)"));
            }
        }
        let own = |k: &str| k == "translations" && self.server.is_some();
        let unknown: Vec<String> =
            self.table.keys().filter(|k| !ITEM_FIELDS.contains(&k.as_str()) && !own(k)).cloned().collect();
        for key in unknown {
            let message = if key == "translations" {
                "a bundled item's translations are files of their own, such as content/es-ES/apis.toml".into()
            } else {
                format!("unknown field (allowed: {})", ITEM_FIELDS.join(", "))
            };
            self.err(Some(&key), message);
        }
        // Outer `None`: a bad topic; inner: none given, as a server's item may.
        let topic = if self.server.is_some() && !self.table.contains_key("topic") {
            Some(None)
        } else {
            self.topic().map(Some)
        };
        let category = self.string("category");
        if let Some(c) = &category
            && !is_slug(c)
        {
            self.err(Some("category"), format!("`{c}` is not a slug such as `databases`"));
        }
        let category = match (category, self.server) {
            (Some(c), Some(known)) if is_slug(&c) && !known.is_empty() && !known.contains(&c) => {
                self.err(Some("category"), format!("`{c}` is not one of the bank's categories: {}", known.join(", ")));
                None
            }
            (c, _) => c,
        };
        let difficulty = self.string("difficulty").and_then(|d| {
            let parsed = Difficulty::parse(&d);
            if parsed.is_none() {
                self.err(Some("difficulty"), format!("`{d}` is not one of easy, medium, hard"));
            }
            parsed
        });
        let prompt = self.string("prompt");
        let kind = self.kind();
        // A discussion has notes instead of an explanation (as declared,
        // so that bad notes are not also reported as a missing explanation).
        let explanation = if self.table.get("kind").and_then(Value::as_str) == Some("discussion") {
            self.forbid("explanation", "discussion");
            Some(String::new())
        } else {
            self.string("explanation")
        };
        self.check_code(prompt.as_deref(), explanation.as_deref(), kind.as_ref());
        let retired = match self.table.get("retired") {
            None => false,
            Some(Value::Boolean(b)) => *b,
            Some(other) => {
                self.err(Some("retired"), format!("must be true or false, found {}", other.type_str()));
                false
            }
        };
        let id = id.filter(|i| is_slug(i))?;
        let category = category.filter(|c| is_slug(c))?;
        let mut item = Item {
            id,
            topic: topic?,
            category,
            difficulty: difficulty?,
            prompt: prompt?,
            kind: kind?,
            explanation: explanation?,
            retired,
            translations: Vec::new(),
        };
        if let Some(value) = self.table.get("translations").filter(|_| self.server.is_some()) {
            let (translations, mut errors) = super::translation::parse_inline(self.file, &self.name, &item, value);
            self.errors.append(&mut errors);
            item.translations = translations;
        }
        Some(item)
    }

    /// A required, non-empty string field.
    fn string(&mut self, field: &str) -> Option<String> {
        match self.table.get(field) {
            None => {
                self.err(Some(field), "missing".into());
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.err(Some(field), "is empty".into());
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(other) => {
                self.err(Some(field), format!("must be a string, found {}", other.type_str()));
                None
            }
        }
    }

    fn topic(&mut self) -> Option<u8> {
        match self.table.get("topic") {
            None => {
                self.err(Some("topic"), "missing".into());
                None
            }
            Some(Value::Integer(n)) if TOPICS.contains(n) => u8::try_from(*n).ok(),
            Some(Value::Integer(n)) => {
                self.err(Some("topic"), format!("{n} is outside the seed topics 1-45"));
                None
            }
            Some(other) => {
                self.err(Some("topic"), format!("must be an integer 1-45, found {}", other.type_str()));
                None
            }
        }
    }

    /// A non-empty list of non-empty strings.
    fn string_list(&mut self, field: &str) -> Option<Vec<String>> {
        match self.table.get(field) {
            None => {
                self.err(Some(field), "missing".into());
                None
            }
            Some(Value::Array(a)) => {
                let mut out = Vec::new();
                for (i, v) in a.iter().enumerate() {
                    match v {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        Value::String(_) => self.err(Some(field), format!("entry {} is empty", i + 1)),
                        other => self
                            .err(Some(field), format!("entry {} must be a string, found {}", i + 1, other.type_str())),
                    }
                }
                if a.is_empty() {
                    self.err(Some(field), "is empty: list at least one".into());
                    return None;
                }
                (out.len() == a.len()).then_some(out)
            }
            Some(other) => {
                self.err(Some(field), format!("must be a list of strings, found {}", other.type_str()));
                None
            }
        }
    }

    fn forbid(&mut self, field: &str, kind: &str) {
        if self.table.contains_key(field) {
            self.err(Some(field), format!("not allowed on a `{kind}` item"));
        }
    }

    fn kind(&mut self) -> Option<ItemKind> {
        match self.string("kind")?.as_str() {
            "choice" => {
                self.forbid("notes", "choice");
                self.forbid("accept", "choice");
                self.forbid("reject", "choice");
                let choices = self.string_list("choices");
                let answer = self.string("answer");
                let choices = choices?;
                let mut ok = true;
                if !(MIN_CHOICES..=MAX_CHOICES).contains(&choices.len()) {
                    self.err(
                        Some("choices"),
                        format!("has {} choices; a choice item needs {MIN_CHOICES} to {MAX_CHOICES}", choices.len()),
                    );
                    ok = false;
                }
                let mut seen = HashSet::new();
                for c in &choices {
                    if !seen.insert(normalise(c)) {
                        self.err(
                            Some("choices"),
                            format!("duplicate choice \"{c}\" (the same once case and punctuation are ignored)"),
                        );
                        ok = false;
                    }
                }
                let answer = answer?;
                let last = letter(choices.len().saturating_sub(1));
                let index = match answer.as_bytes() {
                    [b] if b.is_ascii_uppercase() => usize::from(b - b'A'),
                    _ => {
                        self.err(Some("answer"), format!("`{answer}` is not a capital letter A-{last}"));
                        return None;
                    }
                };
                if index >= choices.len() {
                    self.err(
                        Some("answer"),
                        format!("letter {answer} is out of range: there are {} choices (A-{last})", choices.len()),
                    );
                    return None;
                }
                ok.then_some(ItemKind::Choice { choices, answer: index })
            }
            "text" => {
                self.forbid("notes", "text");
                self.forbid("choices", "text");
                self.forbid("answer", "text");
                let accept = self.string_list("accept");
                let reject =
                    if self.table.contains_key("reject") { self.string_list("reject") } else { Some(Vec::new()) };
                let (accept, reject) = (accept?, reject?);
                for (field, list) in [("accept", &accept), ("reject", &reject)] {
                    if let Some(bad) = list.iter().find(|a| normalise(a).is_empty()) {
                        self.err(Some(field), format!("\"{bad}\" has no letters or digits left after normalising"));
                        return None;
                    }
                }
                let kind = ItemKind::Text { accept, reject };
                self.check_lists(&kind);
                Some(kind)
            }
            "discussion" => {
                for field in ["choices", "answer", "accept", "reject"] {
                    self.forbid(field, "discussion");
                }
                let notes = self.string_list("notes")?;
                if !NOTES.contains(&notes.len()) {
                    let (min, max) = (NOTES.start(), NOTES.end());
                    self.err(Some("notes"), format!("has {} notes; a discussion needs {min} to {max}", notes.len()));
                    return None;
                }
                if let Some(long) = notes.iter().find(|n| n.chars().count() > NOTE_CHARS) {
                    let n = long.chars().count();
                    self.err(Some("notes"), format!("a note has {n} characters; keep each to {NOTE_CHARS}"));
                    return None;
                }
                Some(ItemKind::Discussion { notes })
            }
            other => {
                self.err(Some("kind"), format!("`{other}` is not one of choice, text, discussion"));
                None
            }
        }
    }
}

impl ItemCheck<'_> {
    /// Code blocks only in the prompt, each closed, in a known language and
    /// short enough for a chat message; inline code paired everywhere.
    fn check_code(&mut self, prompt: Option<&str>, explanation: Option<&str>, kind: Option<&ItemKind>) {
        let mut fields: Vec<(&str, &str, bool)> = Vec::new();
        fields.extend(prompt.map(|p| ("prompt", p, true)));
        fields.extend(explanation.map(|e| ("explanation", e, false)));
        match kind {
            Some(ItemKind::Choice { choices, .. }) => {
                fields.extend(choices.iter().map(|c| ("choices", c.as_str(), false)))
            }
            Some(ItemKind::Discussion { notes }) => fields.extend(notes.iter().map(|n| ("notes", n.as_str(), false))),
            _ => {}
        }
        for (field, text, blocks) in fields {
            if let Err(message) = super::code::check(text, blocks) {
                self.err(Some(field), message);
            }
        }
    }

    /// Every accepted wording must grade right and every reject entry wrong;
    /// otherwise the two lists contradict each other.
    fn check_lists(&mut self, kind: &ItemKind) {
        let ItemKind::Text { accept, reject } = kind else { return };
        for a in accept {
            if let Ok(g) = explain(kind, "", a, Glossary::curated())
                && !g.correct
            {
                self.err(Some("accept"), format!("\"{a}\" would be graded wrong: it {g}"));
            }
        }
        for r in reject {
            if let Ok(g) = explain(kind, "", r, Glossary::curated())
                && g.correct
            {
                self.err(Some("reject"), format!("\"{r}\" would be graded right: it {g}"));
            }
        }
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
