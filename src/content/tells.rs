//! Tells: how far a player who knows nothing gets by reading the shapes of
//! the options. Each strategy below is a rule a script could follow; the
//! check scores it on a set of choice items and fails a bank where any rule,
//! or any pair of rules, beats chance by much.
//!
//! A rule names a set of candidates (the options it cannot tell apart) and
//! the script picks among them at random, so an item counts `1/len` when the
//! right option is among them: a rule that never decides scores chance.

use crate::content::{Item, ItemKind};
use crate::quiz::grading::normalise;

/// The most any strategy may score on choice items, as a share (chance is 1/4).
pub const MAX_SCORE: f64 = 0.35;

/// Fewer choice items than this in a pack are too few to score it alone.
pub const MIN_ITEMS: usize = 10;

/// Words that join two claims in one option.
const CONJUNCTIONS: &[&str] = &["and", "or", "but", "while"];

/// Words that make a claim absolute; test writers put them in wrong options.
const ABSOLUTES: &[&str] =
    &["always", "never", "only", "all", "none", "every", "must", "cannot", "guaranteed", "completely", "entirely"];

/// Words too common to count as overlap with the prompt.
const COMMON: &[&str] = &[
    "the", "and", "for", "are", "but", "not", "you", "your", "with", "that", "this", "from", "what", "which", "when",
    "does", "into", "than", "then", "they", "them", "its", "has", "have", "can", "will", "one", "each", "should",
];

/// One no-knowledge rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Longest,
    SecondLongest,
    Shortest,
    OnlyConjunction,
    FewestAbsolutes,
    PromptOverlap,
}

impl Rule {
    pub const ALL: [Rule; 6] = [
        Rule::Longest,
        Rule::SecondLongest,
        Rule::Shortest,
        Rule::OnlyConjunction,
        Rule::FewestAbsolutes,
        Rule::PromptOverlap,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Longest => "the longest option",
            Rule::SecondLongest => "the second-longest option",
            Rule::Shortest => "the shortest option",
            Rule::OnlyConjunction => "the option(s) with a conjunction",
            Rule::FewestAbsolutes => "the fewest absolute words",
            Rule::PromptOverlap => "the most words shared with the prompt",
        }
    }

    /// The options this rule cannot tell apart, narrowed from `among`
    /// (all of `among` when the rule does not decide).
    fn pick(self, prompt: &str, choices: &[String], among: &[usize]) -> Vec<usize> {
        let len = |i: &usize| choices[*i].chars().count();
        match self {
            Rule::Longest => best_by(among, |i| len(i) as i64),
            Rule::Shortest => best_by(among, |i| -(len(i) as i64)),
            Rule::SecondLongest => {
                let mut lengths: Vec<usize> = among.iter().map(len).collect();
                lengths.sort_unstable_by(|a, b| b.cmp(a));
                lengths.dedup();
                match lengths.get(1) {
                    Some(&second) => among.iter().copied().filter(|i| len(i) == second).collect(),
                    None => among.to_vec(),
                }
            }
            Rule::OnlyConjunction => {
                let with: Vec<usize> =
                    among.iter().copied().filter(|i| count_words(&choices[*i], CONJUNCTIONS) > 0).collect();
                if with.is_empty() { among.to_vec() } else { with }
            }
            Rule::FewestAbsolutes => best_by(among, |i| -(count_words(&choices[*i], ABSOLUTES) as i64)),
            Rule::PromptOverlap => {
                let prompt_words = content_words(prompt);
                best_by(among, |i| {
                    content_words(&choices[*i]).iter().filter(|w| prompt_words.contains(w)).count() as i64
                })
            }
        }
    }
}

/// A strategy: one rule, or a rule whose ties are broken by a second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strategy(pub Rule, pub Option<Rule>);

impl Strategy {
    /// The chance (0 to 1) that a script following this strategy gets the item right.
    pub fn chance(self, item: &Item) -> Option<f64> {
        let ItemKind::Choice { choices, answer } = &item.kind else { return None };
        let prompt = prose(&item.prompt);
        let all: Vec<usize> = (0..choices.len()).collect();
        let mut picked = self.0.pick(&prompt, choices, &all);
        if let Some(second) = self.1 {
            picked = second.pick(&prompt, choices, &picked);
        }
        Some(if picked.contains(answer) { 1.0 / picked.len() as f64 } else { 0.0 })
    }

    pub fn name(self) -> String {
        match self.1 {
            None => self.0.name().to_string(),
            Some(second) => format!("{}, then {}", self.0.name(), second.name()),
        }
    }
}

/// Every strategy's score on the choice items among `items`, as a share.
#[derive(Debug, Clone)]
pub struct Scores {
    /// How many choice items were scored.
    pub items: usize,
    /// Each single rule's score, in [`Rule::ALL`] order.
    pub rules: Vec<(Rule, f64)>,
    /// The best pair of rules and its score.
    pub best_pair: Option<(Strategy, f64)>,
}

impl Scores {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> Scores {
        let choice: Vec<&Item> = items.into_iter().filter(|i| matches!(i.kind, ItemKind::Choice { .. })).collect();
        let score = |s: Strategy| {
            let total: f64 = choice.iter().filter_map(|i| s.chance(i)).sum();
            if choice.is_empty() { 0.0 } else { total / choice.len() as f64 }
        };
        let rules = Rule::ALL.iter().map(|&r| (r, score(Strategy(r, None)))).collect();
        let best_pair = Rule::ALL
            .iter()
            .flat_map(|&a| Rule::ALL.iter().filter(move |&&b| b != a).map(move |&b| Strategy(a, Some(b))))
            .map(|s| (s, score(s)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        Scores { items: choice.len(), rules, best_pair }
    }

    /// Each strategy with its score, singles first.
    pub fn all(&self) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = self.rules.iter().map(|(r, s)| (r.name().to_string(), *s)).collect();
        if let Some((pair, s)) = self.best_pair {
            out.push((format!("best pair: {}", pair.name()), s));
        }
        out
    }

    /// The strategies scoring above [`MAX_SCORE`].
    pub fn too_high(&self) -> Vec<(String, f64)> {
        self.all().into_iter().filter(|(_, s)| *s > MAX_SCORE + 1e-9).collect()
    }
}

/// The candidates in `among` with the highest key.
fn best_by(among: &[usize], key: impl Fn(&usize) -> i64) -> Vec<usize> {
    let Some(best) = among.iter().map(&key).max() else { return Vec::new() };
    among.iter().copied().filter(|i| key(i) == best).collect()
}

fn count_words(text: &str, words: &[&str]) -> usize {
    normalise(text).split(' ').filter(|w| words.contains(w)).count()
}

/// The words of a text worth comparing: normalised, longer than two letters, not common.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> =
        normalise(text).split(' ').filter(|w| w.len() > 2 && !COMMON.contains(w)).map(str::to_string).collect();
    words.sort();
    words.dedup();
    words
}

/// A prompt without its code blocks: overlap counts the question's words.
fn prose(prompt: &str) -> String {
    crate::content::code::split(prompt)
        .into_iter()
        .filter_map(|b| match b {
            crate::content::code::Block::Prose(p) => Some(p),
            crate::content::code::Block::Code { .. } => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Difficulty;

    fn item(prompt: &str, choices: &[&str], answer: usize) -> Item {
        Item {
            id: "x".into(),
            topic: Some(1),
            category: "apis".into(),
            difficulty: Difficulty::Easy,
            prompt: prompt.into(),
            kind: ItemKind::Choice { choices: choices.iter().map(|c| c.to_string()).collect(), answer },
            explanation: String::new(),
            retired: false,
            translations: Vec::new(),
        }
    }

    #[test]
    fn each_rule_picks_what_its_name_says() {
        let i = item("Which cache header?", &["aa", "bbbb", "cccccc", "dddddddd"], 3);
        assert_eq!(Strategy(Rule::Longest, None).chance(&i), Some(1.0));
        assert_eq!(Strategy(Rule::SecondLongest, None).chance(&i), Some(0.0));
        assert_eq!(Strategy(Rule::Shortest, None).chance(&i), Some(0.0));
        // No conjunction and no absolutes anywhere: the rule cannot decide.
        assert_eq!(Strategy(Rule::OnlyConjunction, None).chance(&i), Some(0.25));
        assert_eq!(Strategy(Rule::FewestAbsolutes, None).chance(&i), Some(0.25));

        let i = item(
            "Why does the cache miss?",
            &["It is always cold", "The key expired and was evicted", "Never warmed", "Only on Mondays"],
            1,
        );
        assert_eq!(Strategy(Rule::OnlyConjunction, None).chance(&i), Some(1.0));
        assert_eq!(Strategy(Rule::FewestAbsolutes, None).chance(&i), Some(1.0));
        let i = item("Why does the cache miss on deploy?", &["the deploy clears the cache", "x", "y", "z"], 0);
        assert_eq!(Strategy(Rule::PromptOverlap, None).chance(&i), Some(1.0));
    }

    #[test]
    fn a_pair_breaks_the_first_rules_ties_with_the_second() {
        // Two options tie for longest; only one of them has a conjunction.
        let i = item("?", &["aaaa and b", "aaaa or bbb", "cc", "d"], 1);
        assert_eq!(Strategy(Rule::Longest, None).chance(&i), Some(1.0));
        let i = item("?", &["aaaa and bb", "aaaaa xx bb", "cc", "d"], 0);
        assert_eq!(Strategy(Rule::Longest, None).chance(&i), Some(0.5));
        assert_eq!(Strategy(Rule::Longest, Some(Rule::OnlyConjunction)).chance(&i), Some(1.0));
    }

    #[test]
    fn a_bank_where_the_longest_wins_fails_and_a_balanced_one_passes() {
        let telling: Vec<Item> = (0..4).map(|_| item("?", &["a", "bb", "ccc", "the right one"], 3)).collect();
        let s = Scores::of(&telling);
        assert_eq!(s.items, 4);
        assert!(s.too_high().iter().any(|(n, v)| n == "the longest option" && *v == 1.0), "{:?}", s.all());
        let balanced: Vec<Item> = (0..4).map(|k| item("?", &["aaaa", "bbb", "cc", "d"], k)).collect();
        let s = Scores::of(&balanced);
        assert!(s.rules.iter().all(|(_, v)| (*v - 0.25).abs() < 1e-9), "{:?}", s.all());
    }
}
