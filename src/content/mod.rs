//! The question bank: the pack model, the loader and its validator.
//!
//! Packs are TOML files, one per category, each a list of `[[item]]` tables.
//! Loading checks every item and reports every problem at once, each naming
//! the file, the item and the field.

mod check;
pub mod code;
mod loader;
pub mod own;
mod quality;
pub mod tells;
pub mod translation;

pub use quality::lint;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::quiz::item::{ItemKind, letter};
pub use loader::{ContentError, Pack, parse_pack, parse_server_pack};

use crate::i18n::Lang;
use crate::quiz::grading::Glossary;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_content.rs"));
}

/// How hard an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "easy" => Some(Self::Easy),
            "medium" => Some(Self::Medium),
            "hard" => Some(Self::Hard),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Easy => "easy",
            Self::Medium => "medium",
            Self::Hard => "hard",
        }
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One quiz question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// The seed topic (1-45) the item was written from; a server's own
    /// items may have none.
    pub topic: Option<u8>,
    /// A category slug such as `databases`.
    pub category: String,
    pub difficulty: Difficulty,
    pub prompt: String,
    pub kind: ItemKind,
    pub explanation: String,
    /// Kept so that questions already asked can still be graded and revealed,
    /// but never asked again.
    pub retired: bool,
    /// A server's own item's words in other languages (`[item.translations.<tag>]`).
    /// Always empty for the bank's items: their translations are the bank's.
    pub translations: Vec<(Lang, translation::ItemText)>,
}

impl Item {
    /// The right answer as shown to players: `B) Durability` or the first accepted text.
    pub fn right_answer(&self) -> String {
        match &self.kind {
            ItemKind::Choice { choices, answer } => {
                format!("{}) {}", letter(*answer), choices[*answer])
            }
            ItemKind::Text { accept, .. } => accept[0].clone(),
            // No right answer: what a strong one covers.
            ItemKind::Discussion { notes } => notes.join(" · "),
        }
    }

    /// Whether this is an open prompt to talk over rather than a question to grade.
    pub fn is_discussion(&self) -> bool {
        matches!(self.kind, ItemKind::Discussion { .. })
    }

    /// What a typed answer is graded against: its wordings in every
    /// language it has. (The bank's items have theirs merged in at load.)
    pub fn graded_kind(&self) -> std::borrow::Cow<'_, ItemKind> {
        match &self.kind {
            ItemKind::Text { accept, reject } if !self.translations.is_empty() => {
                let (mut accept, mut reject) = (accept.clone(), reject.clone());
                for (_, text) in &self.translations {
                    accept.extend(text.accept.iter().filter(|a| !accept.contains(a)).cloned().collect::<Vec<_>>());
                    reject.extend(text.reject.iter().filter(|r| !reject.contains(r)).cloned().collect::<Vec<_>>());
                }
                std::borrow::Cow::Owned(ItemKind::Text { accept, reject })
            }
            kind => std::borrow::Cow::Borrowed(kind),
        }
    }

    /// A server's own item as a reader of `lang` sees it, if it is translated into it.
    pub fn own_in_lang(&self, lang: Lang) -> Option<Item> {
        let (_, text) = self.translations.iter().find(|(l, _)| *l == lang)?;
        Some(translation::apply(self, text))
    }

    /// Whether the prompt or an option shows code.
    pub fn shows_code(&self) -> bool {
        code::has_code(&self.prompt)
            || matches!(&self.kind, ItemKind::Choice { choices, .. } if choices.iter().any(|c| code::has_code(c)))
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ItemKind::Choice { .. } => "choice",
            ItemKind::Text { .. } => "text",
            ItemKind::Discussion { .. } => "discussion",
        }
    }
}

/// A display name made from a category slug, for packs without a `title`:
/// `general-concepts` -> `General Concepts`.
pub fn slug_title(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A validated set of items, addressable by id.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    items: Vec<Item>,
    by_id: HashMap<String, usize>,
    /// Category slugs, sorted; fixed once the bank is loaded.
    categories: Vec<String>,
    /// Display titles by category slug, from the packs' `title`.
    titles: HashMap<String, String>,
    /// The file each item came from, by position.
    files: Vec<String>,
    /// The curated terms and every text item's answers, for the grader.
    glossary: Glossary,
    /// Items in other languages, by language and id.
    translations: HashMap<(Lang, String), translation::ItemText>,
    /// Category titles in other languages, from the translations' `title`.
    translated_titles: HashMap<(Lang, String), String>,
}

/// Where pack text comes from: a file name (for messages) and its contents.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Bank {
    /// The packs compiled into the binary.
    pub fn bundled_sources() -> Vec<Source> {
        bundled::BUNDLED
            .iter()
            .map(|(name, text)| Source { name: (*name).to_string(), text: (*text).to_string() })
            .collect()
    }

    /// Every `*.toml` file directly in each directory, in name order.
    pub fn dir_sources(dirs: &[PathBuf]) -> Result<Vec<Source>, Vec<ContentError>> {
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for dir in dirs {
            match read_dir_sorted(dir) {
                Ok(paths) => {
                    for path in paths {
                        match std::fs::read_to_string(&path) {
                            Ok(text) => sources.push(Source { name: path.display().to_string(), text }),
                            Err(e) => errors
                                .push(ContentError::file(&path.display().to_string(), format!("cannot read: {e}"))),
                        }
                    }
                }
                Err(e) => {
                    errors.push(ContentError::file(&dir.display().to_string(), format!("cannot read directory: {e}")))
                }
            }
        }
        if errors.is_empty() { Ok(sources) } else { Err(errors) }
    }

    /// Parses and validates all sources together (ids must be unique across them).
    pub fn from_sources(sources: &[Source]) -> Result<Bank, Vec<ContentError>> {
        let mut errors = Vec::new();
        let mut bank = Bank::default();
        let mut first_seen: HashMap<String, String> = HashMap::new();
        let mut translations = Vec::new();
        for source in sources {
            if let Ok(table) = toml::from_str::<toml::Table>(&source.text)
                && translation::is_translation(&table)
            {
                translations.push((source.name.as_str(), table));
                continue;
            }
            let (pack, mut errs) = parse_pack(&source.name, &source.text);
            errors.append(&mut errs);
            if let Some(title) = &pack.title {
                for category in pack.items.iter().filter(|i| !i.retired).map(|i| &i.category) {
                    match bank.titles.get(category) {
                        Some(other) if other != title => errors.push(ContentError::file(
                            &source.name,
                            format!("title \"{title}\" differs from \"{other}\", given to category `{category}` by another pack"),
                        )),
                        Some(_) => {}
                        None => drop(bank.titles.insert(category.clone(), title.clone())),
                    }
                }
            }
            for item in pack.items {
                if let Some(other) = first_seen.get(&item.id) {
                    errors.push(ContentError::item(
                        &source.name,
                        &format!("`{}`", item.id),
                        Some("id"),
                        format!("duplicate id: already used in {other}"),
                    ));
                    continue;
                }
                first_seen.insert(item.id.clone(), source.name.clone());
                bank.by_id.insert(item.id.clone(), bank.items.len());
                bank.items.push(item);
                bank.files.push(source.name.clone());
            }
        }
        if bank.items.is_empty() && errors.is_empty() {
            errors.push(ContentError::file("content", "the question bank is empty: no items were found".into()));
        }
        for (file, table) in &translations {
            errors.append(&mut bank.add_translation(file, table));
        }
        bank.glossary = glossary_of(&bank.items);
        bank.categories = bank.live().map(|i| i.category.clone()).collect();
        bank.categories.sort();
        bank.categories.dedup();
        if errors.is_empty() { Ok(bank) } else { Err(errors) }
    }

    /// Adds a translation file's items; a typed item is graded against the
    /// wordings of every language it has.
    fn add_translation(&mut self, file: &str, table: &toml::Table) -> Vec<ContentError> {
        let (parsed, errors) = translation::parse(file, table, |id| self.get(id));
        let Some(lang) = parsed.lang else { return errors };
        let title = table.get("title").and_then(toml::Value::as_str);
        for (id, text) in parsed.items {
            if let (Some(title), Some(item)) = (title, self.get(&id)) {
                self.translated_titles.insert((lang, item.category.clone()), title.to_string());
            }
            if let Some(&i) = self.by_id.get(&id)
                && let ItemKind::Text { accept, reject } = &mut self.items[i].kind
            {
                accept.extend(text.accept.iter().cloned());
                reject.extend(text.reject.iter().cloned());
            }
            self.translations.insert((lang, id), text);
        }
        errors
    }

    /// An item's words in `lang`, if it has been translated.
    pub fn text_in(&self, id: &str, lang: Lang) -> Option<&translation::ItemText> {
        self.translations.get(&(lang, id.to_string()))
    }

    /// The item as a player reading `lang` sees it: its prompt, choices,
    /// explanation and right wording in that language (grading still takes
    /// every language's wordings). `None` where it has no translation.
    pub fn in_lang(&self, id: &str, lang: Lang) -> Option<Item> {
        Some(translation::apply(self.get(id)?, self.text_in(id, lang)?))
    }

    /// A category's title in `lang`: its translation's, else the source's.
    pub fn title_in(&self, category: &str, lang: Lang) -> String {
        match self.translated_titles.get(&(lang, category.to_string())) {
            Some(title) => title.clone(),
            None => self.title(category),
        }
    }

    /// How many items have a translation in `lang`.
    pub fn translated(&self, lang: Lang) -> usize {
        self.translations.keys().filter(|(l, _)| *l == lang).count()
    }

    /// The known terms the grader checks typos against.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.by_id.get(id).map(|&i| &self.items[i])
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Category slugs, sorted.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// What players see for a category: its pack's `title`, else one made from the slug.
    pub fn title(&self, category: &str) -> String {
        self.titles.get(category).cloned().unwrap_or_else(|| slug_title(category))
    }

    /// The items that may still be asked.
    pub fn live(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| !i.retired)
    }
}

/// The curated glossary with each text item's accepted wordings as a group
/// and each reject entry as a term of its own.
fn glossary_of(items: &[Item]) -> Glossary {
    let mut g = Glossary::curated().clone();
    for item in items {
        if let ItemKind::Text { accept, reject } = &item.kind {
            g.add_group(accept.iter().map(String::as_str));
            for r in reject {
                g.add_group([r.as_str()]);
            }
        }
    }
    g
}

fn read_dir_sorted(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    Ok(paths)
}
