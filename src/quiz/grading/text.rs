//! The rules for typed answers, in the order the module docs give.

use super::glossary::{Glossary, ItemTerms};
use super::words::{
    GENERIC, NEGATING, NEGATIONS, abbreviates, has_number, in_list, is_version_like, key, same_word, without_flags,
};
use super::{Graded, Why};

/// How answers are written around a term: `X (note)`, `X, note`, a
/// header's `Name: value`, a request's path.
mod forms;

/// Command-line programs: after one of these, the rest of an answer may be
/// its arguments ("docker build -t app .").
const COMMANDS: &[&str] = &[
    "docker",
    "kubectl",
    "git",
    "terraform",
    "helm",
    "npm",
    "npx",
    "yarn",
    "pip",
    "cargo",
    "go",
    "curl",
    "psql",
    "pg",
    "make",
    "ssh",
    "openssl",
    "aws",
    "gcloud",
    "az",
    "ansible",
    "systemctl",
    "journalctl",
    "podman",
    "mvn",
    "gradle",
    "pytest",
    "python",
    "node",
    "redis",
    "mysql",
    "kill",
    "ps",
    "ls",
    "grep",
    "tail",
    "ss",
    "dig",
    "ping",
    "tcpdump",
    "strace",
    "lsof",
    "chmod",
    "chown",
];

/// One text item's answers, ready to grade against.
pub(super) struct Answer<'a> {
    /// Accepted wordings as (key, as written), most words first.
    accept: Vec<(String, &'a str)>,
    reject: Vec<(String, &'a str)>,
    accept_keys: Vec<String>,
    /// Flags the accepted wordings spell out ("--force"), kept when flags are dropped.
    flags: Vec<&'a str>,
    /// Whether the item asks for a number.
    numeric: bool,
    /// Accepted URL paths, compared as written ("/v2/users/7" is not "/v2//users/7").
    paths: Vec<&'a str>,
    /// The prompt's words, which may stand beside a right answer ("bcrypt cost").
    prompt: Vec<String>,
    glossary: &'a Glossary,
}

fn right(why: Why) -> Graded {
    Graded { correct: true, why }
}

fn wrong(why: Why) -> Graded {
    Graded { correct: false, why }
}

impl<'a> Answer<'a> {
    pub(super) fn new(accept: &'a [String], reject: &'a [String], prompt: &str, glossary: &'a Glossary) -> Self {
        let mut keyed: Vec<(String, &str)> = accept.iter().map(|a| (key(a), a.as_str())).collect();
        let numeric = keyed.first().is_some_and(|(k, _)| has_number(k));
        keyed.sort_by_key(|(k, _)| std::cmp::Reverse(k.split(' ').count()));
        Answer {
            accept_keys: keyed.iter().map(|(k, _)| k.clone()).collect(),
            accept: keyed,
            reject: reject.iter().map(|r| (key(r), r.as_str())).filter(|(k, _)| !k.is_empty()).collect(),
            flags: accept.iter().flat_map(|a| a.split_whitespace()).filter(|t| t.starts_with(['-', '/'])).collect(),
            numeric,
            // A path is one word: an accepted wording with spaces in it is
            // matched as words, whatever it starts with.
            paths: accept
                .iter()
                .map(|a| a.trim())
                .filter(|a| a.starts_with('/') && !a.contains(char::is_whitespace))
                .collect(),
            prompt: key(prompt).split(' ').filter(|w| w.len() > 1).map(str::to_string).collect(),
            glossary,
        }
    }

    pub(super) fn grade(&self, raw: &str) -> Graded {
        let terms = self.glossary.for_item(&self.accept_keys);
        self.whole(raw, &key(raw), &terms, true)
    }

    fn whole(&self, raw: &str, given: &str, terms: &ItemTerms, brackets: bool) -> Graded {
        if let Some(g) = self.path(raw) {
            return g;
        }
        if let Some(a) = self.exact(given, terms) {
            return right(Why::Exact(a.to_string()));
        }
        let unflagged = key(&without_flags(raw, &self.flags));
        if unflagged != given
            && let Some(a) = self.exact(&unflagged, terms)
        {
            return right(Why::Command(a.to_string()));
        }
        if brackets && let Some(g) = self.brackets(raw, terms) {
            return g;
        }
        if brackets && let Some(g) = self.header(raw, terms) {
            return g;
        }
        if brackets && let Some(g) = self.trailing_note(raw, terms) {
            return g;
        }
        if let Some(r) = self.rejected(given) {
            return wrong(Why::Rejected(r.to_string()));
        }
        if self.numeric && given.chars().any(|c| c.is_ascii_digit()) {
            return self.by_number(given);
        }
        if let Some(g) = self.contained(given, terms).or_else(|| self.contained(&unflagged, terms)) {
            return g;
        }
        if !given.contains(' ')
            && let Some((_, a)) = self.accept.iter().find(|(a, _)| abbreviates(given, a, true))
        {
            return right(Why::Abbreviation((*a).to_string()));
        }
        self.typo(given, terms)
    }

    /// The accepted wording equal to `given`, also once spaces are ignored ("loadbalancer").
    /// (Plurals set aside only when the answer is not itself another term:
    /// "mongo" is not "mongos".)
    fn exact(&self, given: &str, terms: &ItemTerms) -> Option<&str> {
        let squeezed = given.replace(' ', "");
        let words: Vec<&str> = given.split(' ').collect();
        let plural = |a: &str| !terms.is_other(given) && occurrences(&words, a).first() == Some(&(0, words.len()));
        self.accept.iter().find(|(a, _)| a == given || a.replace(' ', "") == squeezed || plural(a)).map(|(_, w)| *w)
    }

    /// The reject entry the answer names: exactly, one typo away, or as whole
    /// words that no negation turns around and no right wording takes in.
    fn rejected(&self, given: &str) -> Option<&str> {
        let words: Vec<&str> = given.split(' ').collect();
        let covered: Vec<(usize, usize)> = self.accept.iter().flat_map(|(a, _)| occurrences(&words, a)).collect();
        self.reject
            .iter()
            .find(|(r, _)| {
                r == given
                    || typo_close(r, given)
                    || occurrences(&words, r).into_iter().any(|(s, e)| {
                        let negated = s > 0 && NEGATIONS.contains(&words[s - 1]);
                        let inside_right = covered.iter().any(|&(cs, ce)| cs <= s && e <= ce && (cs, ce) != (s, e));
                        !negated && !inside_right
                    })
            })
            .map(|(_, w)| *w)
    }

    /// A word that may stand beside a right wording without changing it.
    fn harmless(&self, word: &str) -> bool {
        if NEGATIONS.contains(&word) || CONJUNCTIONS.contains(&word) || self.reject.iter().any(|(r, _)| r == word) {
            return false;
        }
        in_list(word, GENERIC)
            || (!self.numeric && is_version_like(word))
            || self.accept.iter().any(|(a, _)| a.split(' ').any(|w| same_word(w, word)))
            || self.prompt.iter().any(|w| same_word(w, word))
    }

    /// Whether the words beside a right wording leave it right: each one
    /// harmless, or a negation followed by a wrong answer ("declarative, not
    /// imperative").
    fn extras_ok(&self, words: &[&str], terms: &ItemTerms) -> bool {
        let mut n = 0;
        while n < words.len() {
            let w = words[n];
            if NEGATIONS.contains(&w)
                && let Some(len) = (1..=3).rev().find(|len| {
                    words.get(n + 1..n + 1 + len).is_some_and(|phrase| {
                        let phrase = phrase.join(" ");
                        self.reject.iter().any(|(r, _)| *r == phrase) || terms.is_other(&phrase)
                    })
                })
            {
                n += 1 + len;
                continue;
            }
            if !self.harmless(w) {
                return false;
            }
            n += 1;
        }
        true
    }

    /// An accepted wording inside the answer, qualified only by harmless
    /// words (or followed by a command's arguments), and not negated.
    fn contained(&self, given: &str, terms: &ItemTerms) -> Option<Graded> {
        let words: Vec<&str> = given.split(' ').collect();
        let typed_command = words.first().is_some_and(|w| COMMANDS.contains(w));
        let mut negated = None;
        for (a, written) in &self.accept {
            for (s, e) in occurrences(&words, a) {
                if s > 0 && NEGATIONS.contains(&words[s - 1]) {
                    negated = Some(*written);
                    continue;
                }
                // "p99.9" is not "p99": digits after a word ending in one continue it.
                let all_digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
                if e < words.len() && all_digits(words[e]) && words[e - 1].ends_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let command = typed_command || a.split(' ').next().is_some_and(|w| COMMANDS.contains(&w));
                let arguments_ok = || !words[e..].iter().any(|w| self.rejected(w).is_some());
                if command && (typed_command || self.extras_ok(&words[..s], terms)) && arguments_ok() {
                    return Some(right(Why::Command((*written).to_string())));
                }
                if self.extras_ok(&words[..s], terms) && self.extras_ok(&words[e..], terms) {
                    return Some(right(Why::Qualified((*written).to_string())));
                }
            }
        }
        negated.map(|a| wrong(Why::Negated(a.to_string())))
    }

    /// For an item that asks for a number: the numbers must be an accepted
    /// wording's and the other words harmless ("HTTP 429", "roughly 300 ms").
    fn by_number(&self, given: &str) -> Graded {
        let given = split_units(given);
        let wanted = numbers(&given);
        let same: Vec<&(String, &str)> =
            self.accept.iter().filter(|(a, _)| numbers(&split_units(a)) == wanted).collect();
        if same.is_empty() {
            return wrong(Why::WrongNumber);
        }
        // A unit in the answer must be the accepted wording's: "900 minutes"
        // is not "900 seconds", and "300 ms" is not "300 requests".
        let units: Vec<&str> = given.split(' ').filter_map(unit).collect();
        let Some((_, written)) = same.iter().find(|(a, _)| {
            let theirs: Vec<&str> = split_units(a).split(' ').filter_map(unit).collect();
            units.iter().all(|u| theirs.contains(u))
        }) else {
            return wrong(Why::WrongUnit);
        };
        if given.split(' ').filter(|w| !w.chars().any(|c| c.is_ascii_digit())).all(|w| self.harmless(w)) {
            right(Why::Number((*written).to_string()))
        } else {
            wrong(Why::NoMatch)
        }
    }

    /// One typo from an accepted wording, unless it lands on or beside another term.
    fn typo(&self, given: &str, terms: &ItemTerms) -> Graded {
        for (a, written) in &self.accept {
            if has_number(a) || !typo_close(a, given) {
                continue;
            }
            if negation_of(a, given) {
                return wrong(Why::Opposite((*written).to_string()));
            }
            if terms.is_other(given) {
                return wrong(Why::OtherTerm(given.to_string()));
            }
            let (aw, gw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), given.split(' ').collect());
            if aw.len() == gw.len()
                && let Some(w) = aw.iter().zip(&gw).find(|(x, y)| x != y).map(|(_, y)| *y)
                && terms.is_other(w)
            {
                return wrong(Why::OtherTerm(w.to_string()));
            }
            if let Some(t) = terms.other_near(given) {
                return wrong(Why::OtherTerm(t.to_string()));
            }
            return right(Why::Typo((*written).to_string()));
        }
        wrong(Why::NoMatch)
    }
}

/// Words a note may wrap around a wrong answer: "(a Deployment)", "(or HEAD)".
const NOTE_FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "or",
    "maybe",
    "also",
    "like",
    "perhaps",
    "possibly",
    "method",
    "header",
    "pattern",
    "type",
    "object",
    "flag",
    "attribute",
    "value",
    "field",
    "code",
    "status",
];

/// Words that join two answers: a hedge is never harmless.
const CONJUNCTIONS: &[&str] = &["or", "and", "but", "vs", "versus", "nor", "either"];

/// A unit word as one spelling: "milliseconds" and "ms" are the same unit.
fn unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "ms" | "msec" | "millisecond" | "milliseconds" => "ms",
        "s" | "sec" | "secs" | "second" | "seconds" => "s",
        "min" | "mins" | "minute" | "minutes" => "min",
        "h" | "hr" | "hrs" | "hour" | "hours" => "h",
        "d" | "day" | "days" => "d",
        "b" | "byte" | "bytes" => "b",
        "kb" | "kib" | "kilobytes" => "kb",
        "mb" | "mib" | "megabytes" => "mb",
        "gb" | "gib" | "gigabytes" => "gb",
        "percent" | "pct" => "%",
        _ => return None,
    })
}

/// Where `phrase`'s words stand together in `words`, as (start, end) spans.
fn occurrences(words: &[&str], phrase: &str) -> Vec<(usize, usize)> {
    let p: Vec<&str> = phrase.split(' ').collect();
    if phrase.is_empty() || p.len() > words.len() {
        return Vec::new();
    }
    (0..=words.len() - p.len())
        .filter(|&s| words[s..s + p.len()].iter().zip(&p).all(|(w, x)| same_word(w, x)))
        .map(|s| (s, s + p.len()))
        .collect()
}

/// At most one typo apart, for wordings long enough to have one.
fn typo_close(accepted: &str, given: &str) -> bool {
    accepted.chars().count() > 5 && strsim::osa_distance(accepted, given) <= 1
}

/// Whether one is the other with a negating prefix on one of its words.
fn negation_of(a: &str, b: &str) -> bool {
    let (aw, bw): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    aw.len() == bw.len()
        && aw.iter().zip(&bw).all(|(x, y)| {
            x == y || NEGATING.iter().any(|p| x.strip_prefix(p) == Some(*y) || y.strip_prefix(p) == Some(*x))
        })
}

/// "300ms" as "300 ms", so a number and its unit are two words.
fn split_units(s: &str) -> String {
    s.split(' ')
        .map(|w| match w.find(|c: char| !c.is_ascii_digit()) {
            Some(n) if n > 0 && w[n..].chars().all(|c| c.is_alphabetic()) => format!("{} {}", &w[..n], &w[n..]),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The numbers in a normalised text, in order.
fn numbers(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| w.chars().any(|c| c.is_ascii_digit())).collect()
}
