//! Parsing and validating one pack. Every problem becomes a [`ContentError`]
//! naming the file, the item and the field; parsing carries on past errors so
//! one run reports them all.

use std::collections::HashSet;
use std::fmt;

use toml::{Table, Value};

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
    "retired",
];
const MIN_CHOICES: usize = 3;
const MAX_CHOICES: usize = 5;
const TOPICS: std::ops::RangeInclusive<i64> = 1..=45;

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

struct ItemCheck<'a> {
    file: &'a str,
    name: String,
    table: &'a Table,
    /// For a server's own item: the bank's categories, one of which it must use.
    server: Option<&'a [String]>,
    errors: Vec<ContentError>,
}

impl ItemCheck<'_> {
    fn err(&mut self, field: Option<&str>, message: String) {
        self.errors.push(ContentError::item(self.file, &self.name, field, message));
    }

    fn run(&mut self) -> Option<Item> {
        // The id first, so every later message can name the item by it.
        let id = self.string("id");
        if let Some(id) = &id {
            if is_slug(id) {
                self.name = format!("`{id}`");
            } else {
                self.err(Some("id"), format!("`{id}` is not a slug (lowercase letters, digits and single dashes)"));
            }
        }
        let unknown: Vec<String> = self.table.keys().filter(|k| !ITEM_FIELDS.contains(&k.as_str())).cloned().collect();
        for key in unknown {
            self.err(Some(&key), format!("unknown field (allowed: {})", ITEM_FIELDS.join(", ")));
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
        let explanation = self.string("explanation");
        let kind = self.kind();
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
        Some(Item {
            id,
            topic: topic?,
            category,
            difficulty: difficulty?,
            prompt: prompt?,
            kind: kind?,
            explanation: explanation?,
            retired,
        })
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
            other => {
                self.err(Some("kind"), format!("`{other}` is not one of choice, text"));
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
        if let Some(ItemKind::Choice { choices, .. }) = kind {
            fields.extend(choices.iter().map(|c| ("choices", c.as_str(), false)));
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
