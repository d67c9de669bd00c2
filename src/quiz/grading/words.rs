//! Text as the grader compares it: normalised words, the small word lists
//! the rules share, and abbreviations.

const ARTICLES: &[&str] = &["a", "an", "the"];

/// Lowercases, drops the accents of Latin letters (`replicación` reads as
/// `replicacion`, `ñ` as `n`), turns punctuation into spaces, collapses
/// whitespace and drops articles at either end: "  The Sharding! " -> "sharding".
pub fn normalise(s: &str) -> String {
    let cleaned: String =
        unaccented(s).map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && ARTICLES.contains(&words[0]) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| ARTICLES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// `s` without the marks on Latin letters (decomposed, the marks dropped,
/// composed again). Marks on other scripts stay (a Japanese voiced mark
/// changes the word).
fn unaccented(s: &str) -> std::vec::IntoIter<char> {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() {
        return s.chars().collect::<Vec<_>>().into_iter();
    }
    let mut latin = false;
    let kept: String = s
        .nfd()
        .filter(|&c| {
            if unicode_normalization::char::is_combining_mark(c) {
                return !latin;
            }
            latin = c.is_ascii_alphabetic();
            true
        })
        .collect();
    kept.nfc().collect::<Vec<_>>().into_iter()
}

/// Prefixes written with a hyphen that turn a term around ("non-blocking",
/// "anti-pattern"): joined to their word before normalising, so that
/// "non-blocking" is one word and never contains "blocking".
const JOINED_PREFIXES: &[&str] = &["non", "anti", "un"];

/// The grader's key for a text: hyphenated negating prefixes joined, then [`normalise`]d.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let lower = s.to_lowercase();
    let mut rest = lower.as_str();
    while !rest.is_empty() {
        let at_word_start = out.chars().last().is_none_or(|c| !c.is_alphanumeric());
        let joined = at_word_start
            .then(|| JOINED_PREFIXES.iter().find(|p| rest.strip_prefix(*p).is_some_and(|r| r.starts_with('-'))))
            .flatten();
        match joined {
            Some(p) => {
                out.push_str(p);
                rest = &rest[p.len() + 1..];
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    normalise(&out)
        .split(' ')
        .map(|w| match number_word(w) {
            Some(n) => n.to_string(),
            None => split_version(w),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Small numbers and ordinals written as words, as digits: "scale to zero"
/// is "scale to 0", "1st NF" and "first NF" are "1 nf". ("second" stays a
/// word: it is a unit too.)
fn number_word(w: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 19] = [
        ("zero", "0"),
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("first", "1"),
        ("third", "3"),
        ("fourth", "4"),
        ("1st", "1"),
        ("2nd", "2"),
        ("3rd", "3"),
        ("4th", "4"),
        ("5th", "5"),
    ];
    WORDS.iter().find(|(word, _)| *word == w).map(|(_, digits)| *digits)
}

/// A version glued to a name, apart: "vrrpv3" is "vrrp v3".
fn split_version(w: &str) -> String {
    match w.rfind('v') {
        Some(n)
            if n > 1
                && w[..n].chars().all(|c| c.is_ascii_alphabetic())
                && w.len() > n + 1
                && w[n + 1..].chars().all(|c| c.is_ascii_digit()) =>
        {
            format!("{} {}", &w[..n], &w[n..])
        }
        _ => w.to_string(),
    }
}

/// A word and what it may be without a plural ending: "shards" may be
/// "shard", "caches" "cache" or "cach", "anomalies" "anomaly".
fn forms(w: &str) -> Vec<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let mut out = vec![Cow::Borrowed(w)];
    if w.len() <= 3
        || w.chars().any(|c| c.is_ascii_digit())
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
    {
        return out;
    }
    if let Some(base) = w.strip_suffix("ies") {
        out.push(Cow::Owned(format!("{base}y")));
    }
    if let Some(base) = w.strip_suffix("es") {
        out.push(Cow::Borrowed(base));
    }
    if let Some(base) = w.strip_suffix('s') {
        out.push(Cow::Borrowed(base));
    }
    // Verb forms: "salting" and "salted" meet "salt", "scaled" "scale",
    // "stubbing" "stub".
    if w.len() > 5 {
        for suffix in ["ing", "ed"] {
            if let Some(base) = w.strip_suffix(suffix) {
                out.push(Cow::Owned(format!("{base}e")));
                // A doubled last letter ("stubb"), compared as characters:
                // bytes of one multibyte character may repeat too.
                let mut last = base.chars().rev();
                if let (Some(a), Some(b)) = (last.next(), last.next())
                    && a == b
                    && base.chars().count() > 2
                {
                    out.push(Cow::Borrowed(&base[..base.len() - a.len_utf8()]));
                }
                out.push(Cow::Borrowed(base));
            }
        }
    }
    out
}

/// Whether two words are the same once plurals are set aside.
pub fn same_word(a: &str, b: &str) -> bool {
    a == b || {
        let fb = forms(b);
        forms(a).iter().any(|x| fb.contains(x))
    }
}

/// Whether a word, or its singular, is in `list`.
pub fn in_list(word: &str, list: &[&str]) -> bool {
    forms(word).iter().any(|f| list.contains(&f.as_ref()))
}

/// Words that say the next term is not meant: "not blocking", "no salt".
pub const NEGATIONS: &[&str] = &["not", "no", "non", "never", "without", "un", "anti", "isn", "aren", "don", "doesn"];

/// Prefixes that turn a word into its opposite; never counted as a typo.
pub const NEGATING: &[&str] = &["a", "an", "un", "non", "in", "im", "dis", "de", "anti"];

/// Words that may qualify a right answer without changing it: "HTTP GET
/// method", "consistent hashing ring", "roughly 300 ms", "k8s Service".
#[rustfmt::skip]
pub const GENERIC: &[&str] = &[
    "roughly", "about", "around", "approximately", "approx", "circa", "nearly", "almost", "ca", "some", "ms",
    "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h",
    "hr", "hour", "hours", "day", "days", "b", "byte", "bytes", "kb", "kib", "mb", "mib", "gb", "gib", "percent",
    "pct", "x", "times", "rps", "qps", "method", "verb", "request", "requests", "header", "headers", "field",
    "attribute", "flag", "directive", "parameter", "param", "option", "setting", "pattern", "patterns",
    "antipattern", "object", "objects", "type", "types", "class", "code", "status", "response", "value", "values",
    "ring", "algorithm", "approach", "technique", "strategy", "principle", "property", "properties", "model",
    "layer", "mechanism", "protocol", "policy", "mode", "level", "error", "exception", "keyword", "clause",
    "statement", "command", "function", "call", "operation", "concept", "problem", "issue", "anomaly", "phenomenon",
    "attack", "vulnerability", "scheme", "style", "design", "architecture", "form", "format", "version", "number",
    "port", "test", "tests", "testing", "check", "rule", "process", "step", "phase", "component", "feature",
    "practice", "tool", "library", "framework", "http", "https", "tcp", "udp", "tls", "ssl", "oauth", "oauth2",
    "api", "rest", "sql", "k8s", "kubernetes", "docker", "linux", "unix", "io", "o", "postgres", "postgresql",
    "mysql", "redis", "nginx", "aws", "git", "rfc", "use", "using", "by", "via", "it", "its", "is", "called",
    "known", "as", "basically", "just", "i", "think", "would", "be", "say", "probably", "mostly", "usually",
    "typically", "e", "g", "eg", "ie", "etc", "semantics", "guarantee", "delivery", "expiration", "expiry", "max",
    "maximum", "implementation", "cors", "name", "term", "config", "configuration", "exactly", "the", "a", "an", "on", "in", "of", "for", "to",
    "with", "at", "my", "our", "your", "this", "that", "we", "you",
];

/// Words an abbreviation may skip: "Infrastructure as Code" is IaC, "Principle
/// of Least Privilege" is PoLP.
const SKIPPABLE: &[&str] = &["of", "as", "and", "the", "for", "in", "a", "an", "on", "by", "with"];

/// Whether `short` (one word) abbreviates the words of `long`: each word
/// gives the next letters of `short` a prefix of itself ("REST" from
/// REpresentational State Transfer, "SQLi" from SQL injection), every word
/// but a skippable one gives at least one, and the first word's initial
/// starts it. `strict` asks for initials only (one letter a word).
pub fn abbreviates(short: &str, long: &str, strict: bool) -> bool {
    let words: Vec<&str> = long.split(' ').collect();
    if words.len() < 2 || short.contains(' ') || short.len() < 2 || short.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    fn fit(short: &[u8], words: &[&str], strict: bool) -> bool {
        let Some((word, rest)) = words.split_first() else { return short.is_empty() };
        let w = word.as_bytes();
        let most = if strict { 1 } else { w.len() };
        let optional = SKIPPABLE.contains(word);
        let least = usize::from(!optional);
        (least..=most.min(short.len())).rev().any(|n| short[..n] == w[..n] && fit(&short[n..], rest, strict))
    }
    fit(short.as_bytes(), &words, strict)
}

/// Whether a word is a number or a version ("2", "v1", "v2"): an answer that
/// is not a number may still mention one ("OAuth 2.0", "cgroups v1").
pub fn is_version_like(word: &str) -> bool {
    let digits = word.strip_prefix('v').unwrap_or(word);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether a normalised text has a word that is only digits: an item whose
/// first accepted answer has one asks for a number.
pub fn has_number(s: &str) -> bool {
    s.split(' ').any(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
}

/// The text without command-line flags ("-t", "--force", "-out=plan") and
/// URL paths ("/users/7"), except the ones in `keep` (an accepted wording's own).
pub fn without_flags(raw: &str, keep: &[&str]) -> String {
    raw.split_whitespace()
        .filter(|t| {
            let flag =
                t.len() > 1 && t.starts_with('-') && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-');
            let path = t.len() > 1 && t.starts_with('/');
            !(flag || path) || keep.contains(t)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_keeps_inner_articles() {
        assert_eq!(normalise("The Single Responsibility Principle"), "single responsibility principle");
        assert_eq!(normalise("a"), "a");
        assert_eq!(normalise("one of a kind"), "one of a kind");
    }

    #[test]
    fn latin_accents_are_optional_and_other_scripts_keep_their_marks() {
        assert_eq!(normalise("Replicación"), normalise("replicacion"));
        assert_eq!(normalise("SEÑAL añadida"), "senal anadida");
        assert_eq!(normalise("Über-Schlüssel"), "uber schlussel");
        assert_eq!(normalise("ガベージ"), "ガベージ", "a voiced kana keeps its mark");
    }

    #[test]
    fn key_joins_hyphenated_negations_only() {
        assert_eq!(key("Non-blocking I/O"), "nonblocking i o");
        assert_eq!(key("distributed monolith anti-pattern"), "distributed monolith antipattern");
        assert_eq!(key("non blocking"), "non blocking");
        assert_eq!(key("in-memory cache"), "in memory cache");
        assert_eq!(key("canon-ical"), "canon ical");
        assert_eq!(key("scale to zero"), "scale to 0");
        assert_eq!(key("VRRPv3"), "vrrp v3");
        assert_eq!(key("v2"), "v2");
    }

    #[test]
    fn plurals_meet_their_singular() {
        for (a, b) in [("shards", "shard"), ("anomalies", "anomaly"), ("caches", "cache"), ("indexes", "index")] {
            assert!(same_word(a, b), "{a} {b}");
        }
        assert!(same_word("matches", "match") && same_word("indices", "indices"));
        assert!(!same_word("class", "clas") && !same_word("status", "statu") && same_word("k8s", "k8s"));
        assert!(!same_word("mongos", "mongod") && !same_word("cache", "cash"));
        assert!(same_word("salting", "salt") && same_word("scaled", "scale") && same_word("stubbing", "stub"));
        assert!(!same_word("polling", "pooling") && !same_word("sharing", "sharding"));
    }

    #[test]
    fn abbreviations_take_word_prefixes() {
        assert!(abbreviates("orm", "object relational mapping", true));
        assert!(abbreviates("rest", "representational state transfer", false));
        assert!(!abbreviates("rest", "representational state transfer", true));
        assert!(abbreviates("iac", "infrastructure as code", true));
        assert!(abbreviates("polp", "principle of least privilege", true));
        assert!(abbreviates("sqli", "sql injection", false));
        assert!(abbreviates("cors", "cross origin resource sharing", true));
        assert!(!abbreviates("csrf", "cross site scripting", false));
        assert!(!abbreviates("orm", "object mapping", false));
        assert!(!abbreviates("o", "object mapping", false));
    }

    #[test]
    fn flags_are_dropped_unless_kept() {
        assert_eq!(without_flags("docker build -t myapp .", &[]), "docker build myapp .");
        assert_eq!(without_flags("terraform plan -out=tfplan", &[]), "terraform plan");
        assert_eq!(without_flags("git push --force", &["--force"]), "git push --force");
        assert_eq!(without_flags("-1 and -", &[]), "-1 and -");
        assert_eq!(without_flags("PUT /users/7", &[]), "PUT");
    }
}
