//! What `check-content` reports beyond validity: the summary of the bank,
//! the lint that warns about one item, and the quality checks that fail a
//! bank (tells a script can read, near-duplicate pairs).

use std::collections::{BTreeMap, BTreeSet};

use super::{Bank, ContentError, Item, ItemKind, own, tells};
use crate::quiz::grading::normalise;

impl Bank {
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
        for lang in crate::i18n::Lang::ALL.into_iter().skip(1) {
            let done = live.iter().filter(|i| self.text_in(&i.id, lang).is_some()).count();
            if done > 0 {
                out.push_str(&format!("in {}: {done} of {} items translated\n", lang.tag(), live.len()));
            }
        }
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

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}
