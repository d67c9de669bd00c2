//! Parsing and validating one pack. Every problem becomes a [`ContentError`]
//! naming the file, the item and the field; parsing carries on past errors so
//! one run reports them all.

use std::collections::HashSet;
use std::fmt;

use toml::{Table, Value};

use super::Item;
use super::check::ItemCheck;

/// One problem in the content, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// The item's id, or `#N (line L)` when it has none.
    pub item: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl ContentError {
    pub fn file(file: &str, message: String) -> Self {
        Self { file: file.to_string(), item: None, field: None, message }
    }

    pub fn item(file: &str, item: &str, field: Option<&str>, message: String) -> Self {
        Self { file: file.to_string(), item: Some(item.to_string()), field: field.map(str::to_string), message }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ": item {item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A parsed pack: its display title and its valid items.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// Parses one pack's TOML. Returns the pack and the errors found.
pub fn parse_pack(file: &str, text: &str) -> (Pack, Vec<ContentError>) {
    parse_with(file, text, None)
}

/// Parses a pack for one server (see [`crate::content::own`]): `topic` may
/// be left out, and every category must be one of `categories` (any, when
/// it is empty: an item stored before the bank changed still reads).
pub fn parse_server_pack(file: &str, text: &str, categories: &[String]) -> (Pack, Vec<ContentError>) {
    parse_with(file, text, Some(categories))
}

/// Checks one item's table as a server's item would be (a suggestion's
/// form, made into a table): the item, or its errors.
pub fn check_server_item(
    file: &str,
    name: &str,
    table: &Table,
    categories: &[String],
) -> Result<Item, Vec<ContentError>> {
    let mut check = ItemCheck { file, name: name.to_string(), table, server: Some(categories), errors: Vec::new() };
    match check.run() {
        Some(item) if check.errors.is_empty() => Ok(item),
        _ => Err(check.errors),
    }
}

fn parse_with(file: &str, text: &str, server: Option<&[String]>) -> (Pack, Vec<ContentError>) {
    let table: Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            return (Pack::default(), vec![syntax_error(file, text, &e)]);
        }
    };
    let mut errors = Vec::new();
    for key in table.keys().filter(|k| !matches!(k.as_str(), "item" | "title")) {
        errors.push(ContentError::file(
            file,
            format!("unknown top-level key `{key}` (a pack holds a `title` and [[item]] tables)"),
        ));
    }
    let title = match table.get("title") {
        None => None,
        Some(Value::String(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Some(Value::String(_)) => {
            errors.push(ContentError::file(file, "`title` is empty: give the pack's display title".into()));
            None
        }
        Some(other) => {
            errors.push(ContentError::file(file, format!("`title` must be a string, found {}", other.type_str())));
            None
        }
    };
    let entries = match table.get("item") {
        None => {
            errors.push(ContentError::file(file, "no [[item]] tables: a pack needs at least one item".into()));
            return (Pack { title, items: Vec::new() }, errors);
        }
        Some(Value::Array(a)) => a.as_slice(),
        Some(_) => {
            errors.push(ContentError::file(file, "`item` must be an array of tables ([[item]])".into()));
            return (Pack { title, items: Vec::new() }, errors);
        }
    };
    let headers = item_header_lines(text);
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for (n, entry) in entries.iter().enumerate() {
        let fallback = match headers.get(n) {
            Some(line) => format!("#{} (line {line})", n + 1),
            None => format!("#{}", n + 1),
        };
        let Value::Table(t) = entry else {
            errors.push(ContentError::item(file, &fallback, None, "must be a table".into()));
            continue;
        };
        let mut check = ItemCheck { file, name: fallback, table: t, server, errors: Vec::new() };
        if let Some(item) = check.run() {
            if seen.insert(item.id.clone()) {
                items.push(item);
            } else {
                check.err(Some("id"), format!("duplicate id `{}` within this file", item.id));
            }
        }
        errors.append(&mut check.errors);
    }
    (Pack { title, items }, errors)
}

/// A TOML syntax error, placed as precisely as the text allows: the line and
/// column, the item whose `[[item]]` header comes before it, and the key on
/// that line.
fn syntax_error(file: &str, text: &str, e: &toml::de::Error) -> ContentError {
    let msg = e.message().trim();
    let Some(offset) = e.span().map(|s| s.start) else {
        return ContentError::file(file, format!("TOML syntax error: {msg}"));
    };
    let (line, col) = line_col(text, offset);
    let message = format!("TOML syntax error at line {line}, column {col}: {msg}");
    let headers = item_header_lines(text);
    let Some(n) = headers.iter().rposition(|&h| h <= line) else {
        return ContentError::file(file, message);
    };
    let item = format!("#{} (line {})", n + 1, headers[n]);
    let key = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.split_once('='))
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    ContentError::item(file, &item, key, message)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn item_header_lines(text: &str) -> Vec<usize> {
    text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("[[item]]")).map(|(i, _)| i + 1).collect()
}
