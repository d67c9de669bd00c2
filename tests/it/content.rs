//! The bundled question bank and the pack validator.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use quizmaster::content::{Bank, ItemKind, Source, letter};
use quizmaster::quiz::grading::grade;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> Bank {
    Bank::from_sources(&Bank::bundled_sources()).expect("the bundled bank is valid")
}

#[test]
fn check_content_summary_meets_the_bank_targets() {
    let out = Command::new(env!("CARGO_BIN_EXE_quizmaster"))
        .current_dir(manifest())
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .args(["check-content", "content/"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let items: usize = stdout.split_whitespace().next().and_then(|n| n.parse().ok()).expect("item count first");
    assert!(items >= 100, "{stdout}");
    for category in [
        "general-concepts",
        "databases",
        "apis",
        "security",
        "performance-and-scalability",
        "devops-and-deployment",
        "testing",
        "miscellaneous",
    ] {
        assert!(stdout.contains(category), "{category} missing from {stdout}");
    }
    let text_line = stdout.lines().find(|l| l.trim_start().starts_with("text ")).expect("a text line");
    let texts: usize = text_line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(texts >= 20, "{stdout}");
}

#[test]
fn every_seed_topic_has_at_least_two_items() {
    let bank = bundled();
    let mut per_topic: BTreeMap<u8, usize> = BTreeMap::new();
    for item in bank.items() {
        *per_topic.entry(item.topic).or_default() += 1;
    }
    let thin: Vec<u8> = (1..=45).filter(|t| per_topic.get(t).copied().unwrap_or(0) < 2).collect();
    assert!(thin.is_empty(), "topics with fewer than 2 items: {thin:?}");
    assert_eq!(bank.categories().len(), 8);
}

#[test]
fn every_item_grades_its_own_answer_right_and_every_other_letter_wrong() {
    let bank = bundled();
    let mut checked = 0;
    for item in bank.items() {
        match &item.kind {
            ItemKind::Choice { choices, answer } => {
                for i in 0..choices.len() {
                    let l = letter(i);
                    for given in [l.to_string(), l.to_ascii_lowercase().to_string(), format!(" {l} ")] {
                        assert_eq!(grade(&item.kind, &given), Ok(i == *answer), "{} answer {given:?}", item.id);
                    }
                }
                let past = letter(choices.len()).to_string();
                assert!(grade(&item.kind, &past).is_err(), "{}: {past} is out of range", item.id);
            }
            ItemKind::Text { accept } => {
                for a in accept {
                    assert_eq!(grade(&item.kind, a), Ok(true), "{} accepts {a:?}", item.id);
                    assert_eq!(grade(&item.kind, &a.to_uppercase()), Ok(true), "{} accepts {a:?} in capitals", item.id);
                }
                assert_eq!(grade(&item.kind, "banana bread"), Ok(false), "{}", item.id);
            }
        }
        checked += 1;
    }
    assert_eq!(checked, bank.len());
}

#[test]
fn right_letters_are_spread_evenly_and_choices_are_distinct() {
    let bank = bundled();
    let mut per_letter: BTreeMap<char, usize> = BTreeMap::new();
    let mut choice_items = 0;
    for item in bank.items() {
        if let ItemKind::Choice { choices, answer } = &item.kind {
            choice_items += 1;
            *per_letter.entry(letter(*answer)).or_default() += 1;
            let distinct: HashSet<String> = choices.iter().map(|c| c.to_lowercase()).collect();
            assert_eq!(distinct.len(), choices.len(), "{}", item.id);
        }
    }
    let even = choice_items as f64 / 4.0;
    for l in ['A', 'B', 'C', 'D'] {
        let n = per_letter.get(&l).copied().unwrap_or(0) as f64;
        assert!((n - even).abs() <= even * 0.2, "letter {l}: {n} of {choice_items}, {per_letter:?}");
    }
}

#[test]
fn explanations_are_one_to_three_sentences() {
    for item in bundled().items() {
        let sentences = item.explanation.matches(". ").count() + 1;
        assert!((1..=3).contains(&sentences), "{}: {} sentences", item.id, sentences);
        assert!(item.explanation.ends_with('.'), "{}", item.id);
    }
}

/// Where the shared seed lives; absent on a user's fresh clone.
fn seed_path() -> Option<PathBuf> {
    let path = std::env::var_os("QUIZMASTER_SEED")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("../shared/seed/backend-interview-questions.md"));
    path.exists().then_some(path)
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn the_bank_covers_the_seed_in_its_own_words() {
    let Some(path) = seed_path() else {
        eprintln!("skipped: the seed file (../shared/seed) is not here, so seed coverage and wording were not checked");
        return;
    };
    let seed = std::fs::read_to_string(&path).unwrap();
    let topics: HashSet<u8> =
        seed.lines().filter_map(|l| l.strip_prefix("### ")).filter_map(|l| l.split('.').next()?.parse().ok()).collect();
    assert_eq!(topics.len(), 45, "the seed's numbered questions");
    let covered: HashSet<u8> = bundled().items().iter().map(|i| i.topic).collect();
    assert!(topics.is_subset(&covered));

    // No run of eight words from the seed appears in any item: facts carry
    // over, sentences do not.
    const RUN: usize = 8;
    let seed_words = words(&seed);
    let seed_runs: HashSet<&[String]> = seed_words.windows(RUN).collect();
    for item in bundled().items() {
        let mut text = format!("{} {}", item.prompt, item.explanation);
        if let ItemKind::Choice { choices, .. } = &item.kind {
            text.push(' ');
            text.push_str(&choices.join(" "));
        }
        let w = words(&text);
        if let Some(run) = w.windows(RUN).find(|r| seed_runs.contains(r)) {
            panic!("{} repeats the seed's words: {:?}", item.id, run.join(" "));
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures/broken").join(name)
}

fn errors_of(dir: &Path) -> Vec<String> {
    let sources = Bank::dir_sources(&[dir.to_path_buf()]).expect("fixture dir readable");
    match Bank::from_sources(&sources) {
        Ok(_) => panic!("{} loaded without errors", dir.display()),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn each_broken_pack_is_reported_with_file_item_and_field() {
    // (fixture, file, item, field, what is wrong)
    let cases = [
        ("unknown-key", "pack.toml", "`has-unknown-key`", "field `hint`", "unknown field"),
        ("missing-field", "pack.toml", "`no-prompt`", "field `prompt`", "missing"),
        ("empty-field", "pack.toml", "`empty-explanation`", "field `explanation`", "is empty"),
        ("duplicate-id", "b.toml", "`twice`", "field `id`", "already used in"),
        ("answer-out-of-range", "pack.toml", "`answer-e`", "field `answer`", "out of range"),
        ("duplicate-choices", "pack.toml", "`same-choice`", "field `choices`", "duplicate choice"),
        ("empty-accept", "pack.toml", "`nothing-accepted`", "field `accept`", "is empty"),
        ("topic-out-of-range", "pack.toml", "`topic-46`", "field `topic`", "outside the seed topics 1-45"),
        ("syntax-error", "pack.toml", "item #1 (line 1)", "field `difficulty`", "TOML syntax error at line 5"),
    ];
    for (name, file, item, field, what) in cases {
        let errors = errors_of(&fixture(name));
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let e = &errors[0];
        for needle in [&format!("{name}/{file}") as &str, item, field, what] {
            assert!(e.contains(needle), "{name}: {e:?} lacks {needle:?}");
        }
    }
}

#[test]
fn validation_reports_every_error_not_just_the_first() {
    let text = r#"
[[item]]
id = "one"
topic = 0
category = "testing"
difficulty = "trivial"
kind = "choice"
prompt = "?"
choices = ["a", "b"]
answer = "C"
explanation = "x"

[[item]]
topic = 3
category = "testing"
difficulty = "easy"
kind = "text"
prompt = "?"
accept = [""]
explanation = "x"
"#;
    let errors = Bank::from_sources(&[Source { name: "many.toml".into(), text: text.into() }]).unwrap_err();
    let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let want = [
        "item `one`: field `topic`",
        "item `one`: field `difficulty`",
        "item `one`: field `choices`",
        "item #2 (line 13): field `id`: missing",
        "item #2 (line 13): field `accept`: entry 1 is empty",
    ];
    for w in want {
        assert!(all.iter().any(|e| e.contains(w)), "{w:?} not in {all:#?}");
    }
}

#[test]
fn the_bot_refuses_to_start_on_a_bad_bank_and_prints_the_list() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_quizmaster"))
        .current_dir(dir.path())
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .env("QUIZMASTER__CONTENT__DIRS", fixture("answer-out-of-range"))
        .arg("run")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("item `answer-e`: field `answer`"), "{stderr}");
    assert!(!dir.path().join("quizmaster.db").exists(), "nothing opened before the bank was checked");
}
