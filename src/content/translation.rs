//! Items in another language. A pack file with a top-level `lang` (such as
//! `content/es-ES/databases.toml`) translates items of the other packs: per
//! item its `id`, the `prompt`, the `explanation`, and the `choices` with
//! the same `answer` letter or the typed answer's `accept` and `reject`
//! wordings. Each is checked against the item it translates: the id exists,
//! the letter and the number of choices are the same, no field is missing
//! or empty, code blocks are the source's byte for byte, and the same
//! content lint (length tells, an answer given away) holds in the language.
//!
//! A server's own item carries its translations inside it instead, as
//! `[item.translations.es-ES]` tables with the same fields and checks (see
//! [`parse_inline`]); a server's pack with a `lang` translates the items
//! the server already has, its approved suggestions among them.

use std::collections::HashMap;

use toml::{Table, Value};

use super::loader::ContentError;
use super::{Item, ItemKind, letter, quality};
use crate::i18n::Lang;
use crate::quiz::grading::normalise;

/// One item's words in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemText {
    pub prompt: String,
    pub explanation: String,
    /// A choice item's choices, in the source's order (empty for a typed one).
    pub choices: Vec<String>,
    /// A typed item's right and near-miss wordings in this language.
    pub accept: Vec<String>,
    pub reject: Vec<String>,
    /// A discussion's notes, in the source's order (empty for the others).
    pub notes: Vec<String>,
}

/// A parsed translation file: its language and each item's words, by id.
#[derive(Debug, Default)]
pub struct Translation {
    pub lang: Option<Lang>,
    pub items: Vec<(String, ItemText)>,
}

/// Whether a pack file is a translation (it names its `lang`).
pub fn is_translation(table: &Table) -> bool {
    table.contains_key("lang")
}

/// Reads the translation in `table` (from `file`) against the items it
/// translates, found by id with `source`.
pub fn parse<'a>(
    file: &str,
    table: &Table,
    source: impl Fn(&str) -> Option<&'a Item>,
) -> (Translation, Vec<ContentError>) {
    let mut errors = Vec::new();
    let mut out = Translation::default();
    for key in table.keys().filter(|k| !matches!(k.as_str(), "lang" | "title" | "item")) {
        errors.push(ContentError::file(
            file,
            format!("unknown top-level key `{key}` (a translation holds `lang`, `title` and [[item]] tables)"),
        ));
    }
    out.lang = match table.get("lang").and_then(Value::as_str) {
        Some(tag) => match Lang::ALL.into_iter().find(|l| l.tag() == tag && *l != Lang::EnUs) {
            Some(lang) => Some(lang),
            None => {
                let known: Vec<&str> = Lang::ALL[1..].iter().map(|l| l.tag()).collect();
                errors.push(ContentError::file(file, format!("lang `{tag}` is not one of {}", known.join(", "))));
                None
            }
        },
        None => {
            errors.push(ContentError::file(file, "lang must be a language tag such as \"es-ES\"".into()));
            None
        }
    };
    let items = table.get("item").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut seen = HashMap::new();
    for (n, value) in items.iter().enumerate() {
        let Some(t) = value.as_table() else {
            errors.push(ContentError::file(file, format!("item #{} must be a table", n + 1)));
            continue;
        };
        let Some(id) = t.get("id").and_then(Value::as_str) else {
            errors.push(ContentError::item(file, &format!("#{}", n + 1), Some("id"), "missing".into()));
            continue;
        };
        let name = format!("`{id}`");
        if seen.insert(id.to_string(), n).is_some() {
            errors.push(ContentError::item(file, &name, Some("id"), "translated twice in this file".into()));
            continue;
        }
        let Some(item) = source(id) else {
            errors.push(ContentError::item(file, &name, Some("id"), "no item with this id to translate".into()));
            continue;
        };
        let mut check = Check { file, name: &name, prefix: String::new(), table: t, errors: Vec::new() };
        if let Some(text) = check.item(item) {
            out.items.push((id.to_string(), text));
        }
        errors.append(&mut check.errors);
    }
    (out, errors)
}

/// Reads an own item's `translations` table (`{ "es-ES" = { prompt = … } }`)
/// against the item, each language checked like a translation file's
/// item; errors name the field as `translations.es-ES.prompt`.
pub fn parse_inline(file: &str, name: &str, item: &Item, value: &Value) -> (Vec<(Lang, ItemText)>, Vec<ContentError>) {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let Some(by_tag) = value.as_table() else {
        let message = format!("must be a table of languages ([item.translations.es-ES]), found {}", value.type_str());
        return (out, vec![ContentError::item(file, name, Some("translations"), message)]);
    };
    for (tag, value) in by_tag {
        let field = format!("translations.{tag}");
        let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == tag && *l != Lang::EnUs) else {
            let known: Vec<&str> = Lang::ALL[1..].iter().map(|l| l.tag()).collect();
            let message = format!("`{tag}` is not one of {}", known.join(", "));
            errors.push(ContentError::item(file, name, Some(&field), message));
            continue;
        };
        let Some(table) = value.as_table() else {
            errors.push(ContentError::item(file, name, Some(&field), "must be a table".into()));
            continue;
        };
        let mut check = Check { file, name, prefix: format!("{field}."), table, errors: Vec::new() };
        if let Some(text) = check.item(item) {
            out.push((lang, text));
        }
        errors.append(&mut check.errors);
    }
    (out, errors)
}

struct Check<'a> {
    file: &'a str,
    name: &'a str,
    /// Put before each field's name in errors: empty in a translation file.
    prefix: String,
    table: &'a Table,
    errors: Vec<ContentError>,
}

impl Check<'_> {
    fn err(&mut self, field: &str, message: String) {
        let field = format!("{}{field}", self.prefix);
        self.errors.push(ContentError::item(self.file, self.name, Some(&field), message));
    }

    fn text(&mut self, field: &str) -> Option<String> {
        match self.table.get(field).and_then(Value::as_str).map(str::trim) {
            Some(s) if !s.is_empty() => Some(s.to_string()),
            _ => {
                self.err(field, "missing or empty: every translated item has one".into());
                None
            }
        }
    }

    fn list(&mut self, field: &str, required: bool) -> Option<Vec<String>> {
        let Some(value) = self.table.get(field) else {
            if required {
                self.err(field, "missing: list at least one".into());
                return None;
            }
            return Some(Vec::new());
        };
        let list: Option<Vec<String>> = value
            .as_array()
            .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect())
            .filter(|l: &Vec<String>| l.iter().all(|s| !normalise(s).is_empty()));
        if list.as_ref().is_none_or(|l| required && l.is_empty()) {
            self.err(field, "must be a list of non-empty strings".into());
            return None;
        }
        list
    }

    fn item(&mut self, item: &Item) -> Option<ItemText> {
        let allowed: &[&str] = match item.kind {
            ItemKind::Choice { .. } => &["id", "prompt", "explanation", "choices", "answer"],
            ItemKind::Text { .. } => &["id", "prompt", "explanation", "accept", "reject"],
            ItemKind::Discussion { .. } => &["id", "prompt", "notes"],
        };
        // Inside an item, the id is the item's own.
        let allowed = if self.prefix.is_empty() { allowed } else { &allowed[1..] };
        let unknown: Vec<String> = self.table.keys().filter(|k| !allowed.contains(&k.as_str())).cloned().collect();
        for key in unknown {
            self.err(&key, format!("not allowed in a translation of a `{}` item", kind_name(&item.kind)));
        }
        let prompt = self.text("prompt");
        let explanation = if matches!(item.kind, ItemKind::Discussion { .. }) {
            Some(String::new())
        } else {
            self.text("explanation")
        };
        if let Some(p) = &prompt
            && code_blocks(p) != code_blocks(&item.prompt)
        {
            self.err("prompt", "its code blocks differ from the source's: keep them byte for byte".into());
        }
        let mut notes = Vec::new();
        let (choices, accept, reject) = match &item.kind {
            ItemKind::Choice { choices, answer } => {
                let right = letter(*answer).to_string();
                match self.table.get("answer").and_then(Value::as_str) {
                    Some(a) if a == right => {}
                    Some(other) => self.err("answer", format!("is `{other}`; the source's right letter is {right}")),
                    None => self.err("answer", format!("missing: the source's right letter is {right}")),
                }
                let translated = self.list("choices", true)?;
                if translated.len() != choices.len() {
                    self.err("choices", format!("has {}; the source has {}", translated.len(), choices.len()));
                    return None;
                }
                (translated, Vec::new(), Vec::new())
            }
            ItemKind::Text { .. } => (Vec::new(), self.list("accept", true)?, self.list("reject", false)?),
            ItemKind::Discussion { notes: source } => {
                notes = self.list("notes", true)?;
                if notes.len() != source.len() {
                    self.err("notes", format!("has {}; the source has {}", notes.len(), source.len()));
                    return None;
                }
                (Vec::new(), Vec::new(), Vec::new())
            }
        };
        let text = ItemText { prompt: prompt?, explanation: explanation?, choices, accept, reject, notes };
        for (field, message) in quality::lint(&in_language(item, &text)) {
            self.err(field, message);
        }
        if !self.errors.is_empty() {
            return None;
        }
        Some(text)
    }
}

fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Choice { .. } => "choice",
        ItemKind::Text { .. } => "text",
        ItemKind::Discussion { .. } => "discussion",
    }
}

/// The item as a player of the translation's language sees it.
pub fn in_language(item: &Item, text: &ItemText) -> Item {
    let kind = match &item.kind {
        ItemKind::Choice { answer, .. } => ItemKind::Choice { choices: text.choices.clone(), answer: *answer },
        ItemKind::Text { .. } => ItemKind::Text { accept: text.accept.clone(), reject: text.reject.clone() },
        ItemKind::Discussion { .. } => ItemKind::Discussion { notes: text.notes.clone() },
    };
    Item { prompt: text.prompt.clone(), explanation: text.explanation.clone(), kind, ..item.clone() }
}

/// The item as shown to a reader of the translation's language: its words
/// in that language, the translated wordings of a typed answer first (the
/// first is the one shown as right) and the others after them.
pub fn apply(item: &Item, text: &ItemText) -> Item {
    let mut shown = in_language(item, text);
    if let (ItemKind::Text { accept, .. }, ItemKind::Text { accept: source, .. }) = (&mut shown.kind, &item.kind) {
        accept.extend(source.iter().filter(|a| !text.accept.contains(a)).cloned());
    }
    shown
}

/// The fenced code blocks of a text, in order.
fn code_blocks(text: &str) -> Vec<&str> {
    text.split("```").skip(1).step_by(2).collect()
}
