//! The question bank: the pack model, the loader and its validator.
//!
//! Packs are TOML files, one per category, each a list of `[[item]]` tables.
//! Loading checks every item and reports every problem at once, each naming
//! the file, the item and the field.

pub mod code;
mod loader;
pub mod own;
pub mod tells;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

pub use loader::{ContentError, Pack, parse_pack, parse_server_pack};

use crate::quiz::grading::{Glossary, normalise};

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

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// Multiple choice; `answer` is the index of the right choice.
    Choice { choices: Vec<String>, answer: usize },
    /// A short answer; any entry of `accept` is right, and every entry of
    /// `reject` is wrong even where a typo would otherwise be forgiven.
    Text { accept: Vec<String>, reject: Vec<String> },
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
}

impl Item {
    /// The right answer as shown to players: `B) Durability` or the first accepted text.
    pub fn right_answer(&self) -> String {
        match &self.kind {
            ItemKind::Choice { choices, answer } => {
                format!("{}) {}", letter(*answer), choices[*answer])
            }
            ItemKind::Text { accept, .. } => accept[0].clone(),
        }
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
        }
    }
}

/// The letter for a choice index: 0 -> 'A'.
pub fn letter(index: usize) -> char {
    char::from(b'A' + u8::try_from(index).unwrap_or(25).min(25))
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
        for source in sources {
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
        bank.glossary = glossary_of(&bank.items);
        bank.categories = bank.live().map(|i| i.category.clone()).collect();
        bank.categories.sort();
        bank.categories.dedup();
        if errors.is_empty() { Ok(bank) } else { Err(errors) }
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

    /// Problems worth a look that do not stop the bank from loading (see [`lint`]).
    pub fn warnings(&self) -> Vec<ContentError> {
        self.live_with_files()
            .flat_map(|(item, file)| {
                lint(item).into_iter().map(move |(field, message)| {
                    ContentError::item(file, &format!("`{}`", item.id), Some(field), message)
                })
            })
            .collect()
    }

    fn live_with_files(&self) -> impl Iterator<Item = (&Item, &str)> {
        self.items.iter().zip(&self.files).filter(|(i, _)| !i.retired).map(|(i, f)| (i, f.as_str()))
    }

    /// A human summary of the items that may be asked: packs, items per
    /// category, kind, difficulty and topic, and how often the right answer
    /// is the only longest choice.
    pub fn summary(&self) -> String {
        let live: Vec<&Item> = self.live().collect();
        let retired = self.items.len() - live.len();
        let packs: BTreeSet<&String> = self.files.iter().collect();
        let mut out = format!("{} items in {} packs", live.len(), packs.len());
        if retired > 0 {
            out.push_str(&format!(" (and {retired} retired, kept for questions already asked)"));
        }
        out.push('\n');
        let mut count = |title: &str, key: &dyn Fn(&Item) -> String| {
            let mut m: BTreeMap<String, usize> = BTreeMap::new();
            for i in &live {
                *m.entry(key(i)).or_default() += 1;
            }
            out.push_str(&format!("{title}:\n"));
            for (k, v) in m {
                out.push_str(&format!("  {k:<28} {v:>4}  {:>3}%\n", percent(v, live.len())));
            }
        };
        count("by category", &|i| self.title(&i.category));
        count("by kind", &|i| i.kind_name().to_string());
        count("by difficulty", &|i| i.difficulty.to_string());
        let mut per_topic: BTreeMap<u8, usize> = BTreeMap::new();
        for topic in live.iter().filter_map(|i| i.topic) {
            *per_topic.entry(topic).or_default() += 1;
        }
        let fewest = per_topic.iter().min_by_key(|(_, n)| **n);
        if let Some((topic, n)) = fewest {
            out.push_str(&format!(
                "topics: {} covered, fewest items {n} (topic {topic}), most {}\n",
                per_topic.len(),
                per_topic.values().max().unwrap_or(&0)
            ));
        }
        let code = live.iter().filter(|i| i.shows_code()).count();
        out.push_str(&format!("items showing code: {code} ({}%)\n", percent(code, live.len())));
        let scores = tells::Scores::of(live.iter().copied());
        out.push_str(&format!(
            "tells: a no-knowledge script's score on {} choice items (chance 25%, limit {:.0}%):\n",
            scores.items,
            tells::MAX_SCORE * 100.0
        ));
        for (name, score) in scores.all() {
            out.push_str(&format!("  {:>5.1}%  {name}\n", score * 100.0));
        }
        for (file, pack) in self.packs() {
            let s = tells::Scores::of(pack);
            if s.items >= tells::MIN_ITEMS
                && let Some((name, score)) = s.all().into_iter().max_by(|a, b| a.1.total_cmp(&b.1))
            {
                out.push_str(&format!("  {file}: highest {:.1}% ({name})\n", score * 100.0));
            }
        }
        out.push_str(&format!("near-duplicate pairs: {}\n", self.near_duplicates().len()));
        let gaps: Vec<(usize, usize)> = live.iter().filter_map(|i| length_gap(i)).collect();
        let only_longest = gaps.iter().filter(|(r, w)| r > w).count();
        out.push_str(&format!(
            "right answer is the only longest choice: {only_longest} of {} choice items ({}%)\n",
            gaps.len(),
            percent(only_longest, gaps.len())
        ));
        out
    }
}

impl Bank {
    /// The live items of each pack file, in file order.
    fn packs(&self) -> BTreeMap<&str, Vec<&Item>> {
        let mut packs: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
        for (item, file) in self.live_with_files() {
            packs.entry(file).or_default().push(item);
        }
        packs
    }

    /// Pairs of live items that ask the same question: the same right
    /// answer and alike prompts (see [`own::similar`]).
    pub fn near_duplicates(&self) -> Vec<(&Item, &Item)> {
        let live: Vec<&Item> = self.live().collect();
        let mut out = Vec::new();
        for (n, item) in live.iter().enumerate() {
            for other in own::similar(item, live[n + 1..].iter().copied()) {
                out.push((*item, other));
            }
        }
        out
    }

    /// What fails `check-content` although every item is valid: a script
    /// that beats chance by reading option shapes (the whole bank, or a pack
    /// with enough choice items to score), and near-duplicate pairs.
    pub fn quality_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut scored = vec![("the whole bank".to_string(), tells::Scores::of(self.live()))];
        scored.extend(self.packs().into_iter().map(|(file, items)| (file.to_string(), tells::Scores::of(items))));
        for (name, scores) in scored.iter().filter(|(_, s)| s.items >= tells::MIN_ITEMS) {
            for (strategy, score) in scores.too_high() {
                out.push(format!(
                    "{name}: picking {strategy} scores {:.1}% on {} choice items, above the {:.0}% limit",
                    score * 100.0,
                    scores.items,
                    tells::MAX_SCORE * 100.0
                ));
            }
        }
        for (a, b) in self.near_duplicates() {
            out.push(format!("`{}` and `{}` ask the same question: the same answer and alike prompts", a.id, b.id));
        }
        out
    }
}

/// What may give an item's answer away, by field: a right choice longer
/// than 1.25 times the longest wrong one (players pick it by its length), or
/// a prompt that spells out an accepted answer.
pub fn lint(item: &Item) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some((right, longest_wrong)) = length_gap(item)
        && right * 4 > longest_wrong * 5
    {
        out.push((
            "choices",
            format!(
                "the right answer is {right} characters, more than 1.25 times the longest wrong one \
                 ({longest_wrong}): players can pick it by its length"
            ),
        ));
    }
    if let Some(given_away) = answer_in_prompt(item) {
        out.push(("prompt", format!("the prompt contains the accepted answer \"{given_away}\"")));
    }
    out
}

/// An accepted wording of a text item that its prompt spells out.
fn answer_in_prompt(item: &Item) -> Option<&str> {
    let ItemKind::Text { accept, .. } = &item.kind else { return None };
    let prompt = format!(" {} ", normalise(&item.prompt));
    accept.iter().map(String::as_str).find(|a| {
        let a = normalise(a);
        a.len() > 2 && prompt.contains(&format!(" {a} "))
    })
}

/// A choice item's right answer length and its longest wrong option's, in characters.
fn length_gap(item: &Item) -> Option<(usize, usize)> {
    let ItemKind::Choice { choices, answer } = &item.kind else { return None };
    let len = |s: &String| s.chars().count();
    let longest_wrong = choices.iter().enumerate().filter(|(i, _)| i != answer).map(|(_, c)| len(c)).max()?;
    Some((len(&choices[*answer]), longest_wrong))
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

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
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
