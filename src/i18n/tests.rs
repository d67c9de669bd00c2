//! The catalogue against the code: every file parses, every message the code
//! names exists and takes exactly the arguments the code passes, and no
//! message sits unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// The variables every message may read without the code passing them.
const AMBIENT: &[&str] = &["admin"];

/// A message as the catalogue has it: the variables it reads (ambient ones
/// aside) and the messages it refers to.
#[derive(Default)]
struct Entry {
    vars: BTreeSet<String>,
    refs: BTreeSet<String>,
    /// Characters of its plain text (outside placeables).
    text_len: usize,
    /// Its plain text, every variant's, to compare across languages.
    text: String,
}

fn walk_pattern(p: &ast::Pattern<String>, e: &mut Entry) {
    for el in &p.elements {
        match el {
            ast::PatternElement::Placeable { expression } => walk_expression(expression, e),
            ast::PatternElement::TextElement { value } => {
                e.text_len += value.chars().count();
                e.text.push_str(value);
            }
        }
    }
}

fn walk_expression(x: &ast::Expression<String>, e: &mut Entry) {
    match x {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, e);
            for v in variants {
                walk_pattern(&v.value, e);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, e),
    }
}

fn walk_inline(x: &ast::InlineExpression<String>, e: &mut Entry) {
    match x {
        ast::InlineExpression::VariableReference { id } if !AMBIENT.contains(&id.name.as_str()) => {
            e.vars.insert(id.name.clone());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            e.refs.insert(id.name.clone());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
            for a in &arguments.positional {
                walk_inline(a, e);
            }
            for a in &arguments.named {
                walk_inline(&a.value, e);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, e),
        _ => {}
    }
}

/// Each language's messages by id.
fn catalogue() -> BTreeMap<&'static str, BTreeMap<String, Entry>> {
    let mut out: BTreeMap<&str, BTreeMap<String, Entry>> = BTreeMap::new();
    for (tag, file, text) in LOCALES {
        let resource = fluent_syntax::parser::parse((*text).to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/{file} does not parse: {errors:?}"));
        let messages = out.entry(tag).or_default();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut e = Entry::default();
                    let value = m.value.as_ref().unwrap_or_else(|| panic!("{tag}/{file}: {} has no value", m.id.name));
                    walk_pattern(value, &mut e);
                    assert!(m.attributes.is_empty(), "{tag}/{file}: {} has attributes; use separate ids", m.id.name);
                    let id = m.id.name.clone();
                    assert!(messages.insert(id.clone(), e).is_none(), "{tag}: {id} is defined twice");
                }
                ast::Entry::Junk { content } => panic!("locales/{tag}/{file} has junk: {content}"),
                _ => {}
            }
        }
    }
    out
}

/// Every `msg!("id", name = …)` in `src/`: (file, id, argument names).
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    fn visit(dir: &Path, out: &mut Vec<(String, String, BTreeSet<String>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src is readable").filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("i18n/tests.rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                // Comment lines (the macro's own documentation) are not uses.
                let code: String =
                    text.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")).collect();
                for (id, args) in scan(&code) {
                    out.push((path.display().to_string(), id, args));
                }
            }
        }
    }
    let mut out = Vec::new();
    visit(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    // The command table names its words by id: each command's and option's.
    for sub in crate::command::TABLE {
        for id in std::iter::once(sub.about).chain(sub.opts.iter().map(|o| o.about)) {
            out.push(("src/command/table.rs".to_string(), id.to_string(), BTreeSet::new()));
        }
    }
    out
}

/// The uses of `msg!` in `code`: each id and the names of its arguments.
fn scan(code: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("msg!(") {
        rest = &rest[at + "msg!(".len()..];
        let body = rest.trim_start();
        let Some(after_quote) = body.strip_prefix('"') else {
            // The macro's definition (`$id:literal`), not a use.
            continue;
        };
        let id: String = after_quote.chars().take_while(|c| *c != '"').collect();
        let mut args = BTreeSet::new();
        // Top-level `name = value` pairs up to the closing parenthesis.
        let (mut depth, mut in_str, mut escaped, mut part) = (0i32, false, false, String::new());
        for c in after_quote[id.len() + 1..].chars() {
            if in_str {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '"') => in_str = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ')' => break,
                ',' if depth == 0 => {
                    if let Some((name, _)) = part.split_once('=') {
                        args.insert(name.trim().to_string());
                    }
                    part.clear();
                    continue;
                }
                _ => {}
            }
            if depth == 0 {
                part.push(c);
            }
        }
        if let Some((name, _)) = part.split_once('=') {
            args.insert(name.trim().to_string());
        }
        out.push((id, args));
    }
    out
}

#[test]
fn the_scanner_reads_ids_and_argument_names() {
    let code = r#"let m = msg!("a-b", first = x.join(", "), n = f(1, 2)); msg!("c"); msg!( "d" , s = "x)y", );"#;
    let found = scan(code);
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        found,
        vec![("a-b".into(), names(&["first", "n"])), ("c".into(), names(&[])), ("d".into(), names(&["s"]))]
    );
}

#[test]
fn every_message_the_code_names_exists_with_its_arguments_and_none_is_unused() {
    let catalogue = catalogue();
    let source = catalogue.get("en-US").expect("the en-US catalogue ships");
    let uses = uses();
    assert!(uses.len() > 100, "only {} uses of msg! found: is the scanner reading src/?", uses.len());
    let mut problems = Vec::new();
    for (file, id, args) in &uses {
        match source.get(id) {
            None => problems.push(format!("{file}: {id} is not in locales/en-US")),
            Some(entry) if &entry.vars != args => {
                problems.push(format!("{file}: {id} is given {args:?}, the catalogue reads {:?}", entry.vars))
            }
            Some(_) => {}
        }
    }
    let used: BTreeSet<&str> = uses
        .iter()
        .map(|(_, id, _)| id.as_str())
        .chain(source.values().flat_map(|e| e.refs.iter().map(String::as_str)))
        .collect();
    for id in source.keys() {
        if !used.contains(id.as_str()) {
            problems.push(format!("locales/en-US: {id} is never used"));
        }
    }
    for (tag, messages) in &catalogue {
        // Discord takes descriptions of at most 100 characters, in every language.
        for (id, entry) in messages.iter().filter(|(id, _)| id.starts_with("cmd-") || id.starts_with("opt-")) {
            if entry.text_len > 100 {
                problems.push(format!("locales/{tag}: {id} is {} characters; Discord takes 100", entry.text_len));
            }
        }
        // Every language says everything the source says.
        for id in source.keys().filter(|id| !messages.contains_key(*id)) {
            problems.push(format!("locales/{tag}: {id} is missing"));
        }
        for (id, entry) in messages {
            match source.get(id) {
                None => problems.push(format!("locales/{tag}: {id} is not in en-US")),
                Some(s) if !entry.vars.is_subset(&s.vars) => {
                    problems.push(format!("locales/{tag}: {id} reads {:?}, en-US gives {:?}", entry.vars, s.vars))
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Messages that read the same in every language: names, and words that
/// are typed as they are.
const SAME_EVERYWHERE: &[&str] = &["language-name"];

/// Messages a language may write as en-US does, because its speakers say
/// it that way too (a loanword, a command, a brand).
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    // Only the command's own words around the problem.
    ("de", "bad-player"),
    ("es-ES", "bad-player"),
    ("pt-BR", "bad-player"),
    // The modal's title after sending: the game's name.
    ("de", "form-done"),
    ("es-ES", "form-done"),
    ("fr", "form-done"),
    ("pt-BR", "form-done"),
    // Loanwords German gamers use as they are.
    ("de", "page-streaks"),
    ("de", "stats-streak"),
    ("fr", "stats-discussions"),
    ("de", "sorry"),
    // The same word in French.
    ("fr", "field-prompt"),
    ("fr", "page-col-points"),
    ("fr", "sort-points"),
    ("fr", "stats-points"),
    // The same word, and the same abbreviation, in Portuguese.
    ("pt-BR", "help-admins-only"),
    ("pt-BR", "points"),
];

#[test]
fn no_message_is_left_in_english_by_accident() {
    let catalogue = catalogue();
    let source = &catalogue["en-US"];
    let mut problems = Vec::new();
    for (tag, messages) in catalogue.iter().filter(|(tag, _)| **tag != "en-US") {
        for (id, entry) in messages {
            let english = &source[id];
            let allowed = SAME_EVERYWHERE.contains(&id.as_str()) || SAME_AS_ENGLISH.contains(&(*tag, id.as_str()));
            let has_words = english.text.chars().any(char::is_alphabetic);
            if has_words && entry.text == english.text && !allowed {
                problems.push(format!("locales/{tag}: {id} reads as in en-US: {:?}", entry.text));
            }
            if SAME_EVERYWHERE.contains(&id.as_str()) && entry.text != english.text {
                problems.push(format!("locales/{tag}: {id} must read as in en-US"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn messages_format_with_plurals_lists_and_nested_messages() {
    let m = crate::msg!("review-outlook", cards = 1, due_now = 0, later_today = 2);
    assert!(Lang::EnUs.tr(&m).starts_with("1 card in your review queue."), "{}", Lang::EnUs.tr(&m));
    let m = crate::msg!("review-outlook", cards = 3, due_now = 0, later_today = 2);
    assert!(Lang::EnUs.tr(&m).starts_with("3 cards in your review queue."));
    // An id the catalogue lacks shows as itself, never as nothing.
    assert_eq!(Lang::EnUs.tr(&Msg::new("no-such-message", vec![])), "no-such-message");
}

#[test]
fn a_locale_tag_finds_the_language_by_its_language_subtag() {
    for (tag, lang) in [
        ("en-US", Some(Lang::EnUs)),
        ("en-GB", Some(Lang::EnUs)),
        ("de", Some(Lang::De)),
        ("de-AT", Some(Lang::De)),
        ("es-ES", Some(Lang::EsEs)),
        ("es-419", Some(Lang::EsEs)),
        ("es_MX", Some(Lang::EsEs)),
        ("fr-CA", Some(Lang::Fr)),
        ("pt-PT", Some(Lang::PtBr)),
        ("PT-br", Some(Lang::PtBr)),
        ("ja-JP", Some(Lang::Ja)),
        ("ko", None),
        ("", None),
    ] {
        assert_eq!(Lang::negotiate(tag), lang, "{tag}");
    }
}

#[test]
fn a_browser_gets_the_first_of_its_languages_we_speak() {
    assert_eq!(Lang::from_accept_language("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::from_accept_language("ko-KR,ko;q=0.9,pt-PT;q=0.8"), Some(Lang::PtBr));
    assert_eq!(Lang::from_accept_language("ko-KR,zh;q=0.5"), None);
    assert_eq!(Lang::from_accept_language(""), None);
}

#[test]
fn every_language_says_every_message_in_its_own_words() {
    for lang in Lang::ALL {
        let b = bundle(lang);
        for (tag, _, text) in LOCALES.iter().filter(|(tag, _, _)| *tag == "en-US") {
            let resource = fluent_syntax::parser::parse((*text).to_string()).expect("en-US parses");
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    assert!(b.has_message(&m.id.name), "{}: {} is missing ({tag})", lang.tag(), m.id.name);
                }
            }
        }
    }
    let help = |lang: Lang| lang.tr(&crate::msg!("help-title"));
    assert_eq!(help(Lang::EnUs), "Quizmaster commands");
    assert_eq!(help(Lang::De), "Quizmaster-Befehle");
    assert_eq!(help(Lang::Ja), "Quizmaster のコマンド");
    // Plural rules are the language's own: French counts 0 as one.
    let cards = |lang: Lang, n: i64| lang.tr(&crate::msg!("review-outlook", cards = n, due_now = 0, later_today = 0));
    assert!(cards(Lang::De, 1).starts_with("1 Karte in") && cards(Lang::De, 2).starts_with("2 Karten in"));
    assert!(cards(Lang::Fr, 0).starts_with("0 carte dans") && cards(Lang::Fr, 2).starts_with("2 cartes dans"));
}

#[test]
fn numbers_and_dates_read_as_each_language_writes_them() {
    use chrono::TimeZone;
    let figures = |lang: Lang| (lang.number(12_345), lang.number(1_234), lang.number(-1_000_000), lang.number(999));
    assert_eq!(figures(Lang::EnUs), ("12,345".into(), "1,234".into(), "-1,000,000".into(), "999".into()));
    assert_eq!(figures(Lang::De), ("12.345".into(), "1.234".into(), "-1.000.000".into(), "999".into()));
    assert_eq!(figures(Lang::EsEs).0, "12.345");
    assert_eq!(figures(Lang::EsEs).1, "1234", "Spanish groups from five digits");
    assert_eq!(figures(Lang::Fr).0, "12\u{202F}345");
    // Through Fluent: counts in messages are grouped, plural rules still apply.
    let answered = |lang: Lang| lang.tr(&crate::msg!("chart-day", day = "Mo", answered = 12_000, right = 1));
    assert!(answered(Lang::EnUs).contains("12,000 answered"), "{}", answered(Lang::EnUs));
    assert!(answered(Lang::De).contains("12.000"), "{}", answered(Lang::De));
    let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let dates: Vec<String> = Lang::ALL.iter().map(|l| l.date(day)).collect();
    assert_eq!(dates, ["2026-12-07", "07.12.2026", "07/12/2026", "07/12/2026", "07/12/2026", "2026年12月7日"]);
    assert_eq!(Lang::De.day(day, false), "Mo, 7. Dez");
    assert_eq!(Lang::Ja.day(day, true), "2026年12月7日(月)");
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
    assert!(Lang::Fr.when(at, chrono_tz::Europe::Paris).contains("07/12/2026 09:00 CET (08:00 UTC)"));
}
