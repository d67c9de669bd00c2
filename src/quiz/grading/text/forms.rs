//! How engineers write an answer around its term: `X (Y)` with a note or
//! an abbreviation, `X, note`, a header's `Name: value`, a request's URL
//! path. Each either decides the verdict or leaves it to the word rules.

use super::super::glossary::ItemTerms;
use super::super::words::{abbreviates, key};
use super::super::{Graded, Why};
use super::{Answer, NOTE_FILLER, right, typo_close, wrong};

impl Answer<'_> {
    /// `X (Y)`: decided when both parts fit together, or one of them is wrong by name.
    pub(super) fn brackets(&self, raw: &str, terms: &ItemTerms) -> Option<Graded> {
        let (outer, rest) = raw.trim().split_once('(')?;
        let inner = rest.trim_end().strip_suffix(')')?;
        let (o, i) = (key(outer), key(inner));
        if o.is_empty() || i.is_empty() {
            return None;
        }
        let (go, gi) = (self.whole(outer, &o, terms, false), self.whole(inner, &i, terms, false));
        let named = |g: &Graded| match &g.why {
            Why::Exact(s) | Why::Typo(s) | Why::Number(s) | Why::Qualified(s) | Why::Command(s) => s.clone(),
            Why::Abbreviation(s) | Why::Note(s) => s.clone(),
            _ => String::new(),
        };
        let pairs = |short: &str, long: &str| abbreviates(short, long, false);
        Some(match (go.correct, gi.correct) {
            (true, true) => right(Why::Both(named(&go), named(&gi))),
            (true, false) if pairs(&i, &o) => right(Why::Abbreviation(named(&go))),
            (false, _) if matches!(go.why, Why::Rejected(_) | Why::OtherTerm(_)) => go,
            // A right abbreviation with the user's own expansion: right only
            // when the item names no expansion of its own to compare with
            // ("Server Name Identification (SNI)" is not Server Name Indication).
            (false, true)
                if (pairs(&o, &i) || pairs(&i, &o))
                    && !self.accept.iter().any(|(a, _)| a.contains(' ') && (pairs(&i, a) || pairs(&o, a))) =>
            {
                right(Why::Abbreviation(named(&gi)))
            }
            (true, false) => match self.names_wrong(&i, terms) {
                Some(wrong_term) => wrong_term,
                None => right(Why::Note(named(&go))),
            },
            (_, false) if matches!(gi.why, Why::Rejected(_) | Why::OtherTerm(_)) => gi,
            _ => return None,
        })
    }

    /// A note or a header's value that is itself a wrong answer: a reject
    /// entry or a different known term, alone or with generic words only.
    /// A note that merely mentions one ("safe to retry") names nothing.
    fn names_wrong(&self, note: &str, terms: &ItemTerms) -> Option<Graded> {
        let bare: Vec<&str> = note.split(' ').filter(|w| !NOTE_FILLER.contains(w)).collect();
        let bare = bare.join(" ");
        if bare.is_empty() {
            return None;
        }
        if let Some((_, r)) = self.reject.iter().find(|(r, _)| *r == bare || typo_close(r, &bare)) {
            return Some(wrong(Why::Rejected((*r).to_string())));
        }
        terms.is_curated_other(&bare).then(|| wrong(Why::OtherTerm(bare.clone())))
    }

    /// `X, note` or `X; note`: right when `X` is right on its own and the
    /// note names no wrong answer ("GET, it's safe and idempotent"; not "GET, POST").
    pub(super) fn trailing_note(&self, raw: &str, terms: &ItemTerms) -> Option<Graded> {
        let (head, note) = raw.split_once([',', ';'])?;
        let (h, n) = (key(head), key(note));
        if h.is_empty() || n.is_empty() {
            return None;
        }
        let g = self.whole(head, &h, terms, false);
        if !g.correct {
            return None;
        }
        Some(self.names_wrong(&n, terms).unwrap_or(g))
    }

    /// An accepted URL path, compared as written: a path in the answer
    /// decides ("GET /v2/users/7" is right, "/v2//users/7" is not).
    pub(super) fn path(&self, raw: &str) -> Option<Graded> {
        if self.paths.is_empty() {
            return None;
        }
        // Any accepted wording given exactly as written is right, whatever
        // it holds (a bracket that would read as a note below, or a path
        // inside another wording: `!!/777` beside an accepted `/x`).
        if let Some((_, a)) = self.accept.iter().find(|(_, a)| a.trim() == raw.trim()) {
            return Some(right(Why::Exact((*a).to_string())));
        }
        let as_path = |t: &str| match t.split_once("://") {
            Some((_, rest)) => rest.find('/').map(|n| rest[n..].to_string()),
            None => t.starts_with('/').then(|| t.to_string()),
        };
        // A note in brackets may mention other paths.
        let outside: String = {
            let mut depth = 0usize;
            raw.chars()
                .filter(|c| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        _ => return depth == 0,
                    }
                    false
                })
                .collect()
        };
        let tokens: Vec<&str> = outside
            .split_whitespace()
            .map(|t| t.trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | ',' | ';' | '.' | '!' | '?')))
            .collect();
        let found: Vec<String> = tokens.iter().filter_map(|t| as_path(t)).collect();
        let [given] = found.as_slice() else {
            return (!found.is_empty()).then(|| wrong(Why::NoMatch));
        };
        let others_harmless = tokens
            .iter()
            .filter(|t| as_path(t).is_none())
            .all(|t| key(t).split(' ').all(|w| w.is_empty() || self.harmless(w)));
        Some(match self.paths.iter().find(|p| p.eq_ignore_ascii_case(given)) {
            Some(p) if others_harmless => right(Why::Exact((*p).to_string())),
            _ => wrong(Why::NoMatch),
        })
    }

    /// `Name: value`, as a header is written: right when the name is an
    /// accepted wording and the value names no wrong answer, or when the
    /// value is right on its own ("Cache-Control: no-store").
    pub(super) fn header(&self, raw: &str, terms: &ItemTerms) -> Option<Graded> {
        let (name, value) = raw.trim().split_once(':')?;
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || value.trim().is_empty() {
            return None;
        }
        if let Some(a) = self.exact(&key(name), terms) {
            return Some(self.names_wrong(&key(value), terms).unwrap_or_else(|| right(Why::Qualified(a.to_string()))));
        }
        let v = self.whole(value, &key(value), terms, false);
        if v.correct {
            return Some(v);
        }
        // Attributes after `;`, as Set-Cookie writes them: one right, none wrong.
        let parts: Vec<String> = value.split(';').map(key).filter(|p| !p.is_empty()).collect();
        let right_part = parts.iter().map(|p| self.whole(p, p, terms, false)).find(|g| g.correct)?;
        Some(parts.iter().find_map(|p| self.names_wrong(p, terms)).unwrap_or(right_part))
    }
}
