//! Known technical terms, so that a typo is forgiven only when it does not
//! land on (or next to) a different real term: "R-tree" is not a typo of
//! "B-tree", and "connection poll" is not a typo of "connection pool".
//!
//! Terms come in groups of wordings that mean the same thing. A term is
//! *different* for an item when no group it belongs to shares a wording with
//! the item's accepted answers. The curated groups live in `glossary.txt`
//! (one group a line, wordings separated by `|`); a loaded bank adds each
//! text item's accepted wordings as a group and each reject entry alone.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::words::key;

const CURATED: &str = include_str!("glossary.txt");

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Group numbers by term key.
    groups: HashMap<String, Vec<usize>>,
    /// Term keys by length in characters, for typo lookups.
    by_len: HashMap<usize, Vec<String>>,
    next_group: usize,
    /// Groups numbered below this are the curated ones.
    curated: usize,
}

impl Glossary {
    /// The curated terms alone (shared, built once).
    pub fn curated() -> &'static Glossary {
        static CURATED_GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        CURATED_GLOSSARY.get_or_init(|| {
            let mut g = Glossary::default();
            for line in CURATED.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                g.add_group(line.split('|'));
            }
            g.curated = g.next_group;
            g
        })
    }

    /// Adds a group of wordings that mean one thing.
    pub fn add_group<'a>(&mut self, wordings: impl IntoIterator<Item = &'a str>) {
        let group = self.next_group;
        self.next_group += 1;
        for w in wordings {
            let k = key(w);
            if k.is_empty() {
                continue;
            }
            let groups = self.groups.entry(k.clone()).or_default();
            if groups.is_empty() {
                self.by_len.entry(k.chars().count()).or_default().push(k);
            }
            groups.push(group);
        }
    }

    /// The groups of the item's accepted wordings.
    fn groups_of(&self, accept: &[String]) -> HashSet<usize> {
        accept.iter().filter_map(|a| self.groups.get(a)).flatten().copied().collect()
    }

    /// What the grader needs to know of one item's answers.
    pub fn for_item<'a>(&'a self, accept: &'a [String]) -> ItemTerms<'a> {
        ItemTerms { glossary: self, accept, own: self.groups_of(accept) }
    }
}

/// The glossary as one item sees it: which terms are different from its answer.
pub struct ItemTerms<'a> {
    glossary: &'a Glossary,
    /// The item's accepted wordings, as keys.
    accept: &'a [String],
    own: HashSet<usize>,
}

impl ItemTerms<'_> {
    /// Whether `term` (a key) is a known term that means something else.
    pub fn is_other(&self, term: &str) -> bool {
        if self.accept.iter().any(|a| a == term) {
            return false;
        }
        match self.glossary.groups.get(term) {
            Some(groups) => groups.iter().all(|g| !self.own.contains(g)),
            None => false,
        }
    }

    /// Whether `term` is a curated term that means something else: the
    /// test for a note in brackets, where item lists' everyday words
    /// ("default", "init") would refuse too much.
    pub fn is_curated_other(&self, term: &str) -> bool {
        self.is_other(term)
            && self.glossary.groups.get(term).is_some_and(|groups| groups.iter().any(|g| *g < self.glossary.curated))
    }

    /// A different known term at most one typo from `given` (a key), if any.
    pub fn other_near(&self, given: &str) -> Option<&str> {
        let len = given.chars().count();
        (len.saturating_sub(1)..=len + 1)
            .filter_map(|l| self.glossary.by_len.get(&l))
            .flatten()
            .find(|t| t.as_str() != given && self.is_other(t) && strsim::osa_distance(t, given) <= 1)
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_other_unless_it_shares_a_group_with_the_answer() {
        let mut g = Glossary::curated().clone();
        g.add_group(["authorization", "authz", "authorisation"]);
        let accept = vec![key("authorization")];
        let terms = g.for_item(&accept);
        assert!(!terms.is_other("authorisation"), "a synonym from the same group");
        assert!(terms.is_other("authentication"));
        assert!(!terms.is_other("authorisaton"), "unknown words are not terms");
        let accept = vec![key("B-tree")];
        let terms = g.for_item(&accept);
        assert!(terms.is_other("r tree") && terms.is_other("t tree"));
        assert!(terms.other_near("x tree").is_some(), "one typo from R-tree and T-tree");
        assert_eq!(terms.other_near("b tre"), None, "near the answer itself only");
    }
}
