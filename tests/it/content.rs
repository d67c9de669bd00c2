//! The bundled question bank and the pack validator.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use quizmaster::content::{Bank, ItemKind, Source, letter};
use quizmaster::quiz::grading::{GradeError, grade};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> Bank {
    Bank::from_sources(&Bank::bundled_sources()).expect("the bundled bank is valid")
}

/// `quizmaster check-content` on the bundled packs.
fn check_content() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_quizmaster"))
        .current_dir(manifest())
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .args(["check-content", "content/"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

#[test]
fn check_content_summary_meets_the_bank_targets() {
    let stdout = check_content();
    let items: usize = stdout.split_whitespace().next().and_then(|n| n.parse().ok()).expect("item count first");
    assert!(items >= 225, "{stdout}");
    for title in [
        "General Concepts",
        "Databases",
        "APIs",
        "Security",
        "Performance and Scalability",
        "DevOps and Deployment",
        "Testing",
        "Miscellaneous",
    ] {
        assert!(stdout.contains(&format!("  {title} ")), "{title} missing from {stdout}");
    }
    let text_line = stdout.lines().find(|l| l.trim_start().starts_with("text ")).expect("a text line");
    let texts: usize = text_line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(texts >= 60, "{stdout}");
    let hard_line = stdout.lines().find(|l| l.trim_start().starts_with("hard ")).expect("a hard line");
    let hard: usize = hard_line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(hard * 4 >= items, "at least 25% hard: {stdout}");
    // "right answer is the only longest choice: N of M choice items (P%)"
    let longest = stdout.lines().find(|l| l.starts_with("right answer is the only longest")).expect("longest line");
    let figures: Vec<usize> = longest.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse().ok()).collect();
    let (only_longest, choice_items) = (figures[0], figures[1]);
    assert!(only_longest * 10 <= choice_items * 3, "at most 30%: {longest}");
    assert!(!stdout.contains("warning"), "no right answer gives itself away by length: {stdout}");
}

/// A year of questions: at least 400 items, every seed topic at least 8,
/// 30% typed answers, 30% hard, 60 showing code; no tell a script can
/// read (every no-knowledge strategy at most 35% on choice items, see
/// `content::tells`) and no near-duplicate pair.
#[test]
fn the_bank_is_a_year_of_questions_with_no_tells() {
    let bank = bundled();
    let live: Vec<_> = bank.live().filter(|i| !i.is_discussion()).collect();
    assert!(live.len() >= 400, "{} live items", live.len());
    let mut per_topic: BTreeMap<u8, usize> = BTreeMap::new();
    for item in &live {
        *per_topic.entry(item.topic.expect("bundled items name their topic")).or_default() += 1;
    }
    let thin: Vec<u8> = (1..=45).filter(|t| per_topic.get(t).copied().unwrap_or(0) < 8).collect();
    assert!(thin.is_empty(), "topics with fewer than 8 items: {thin:?}");
    assert_eq!(bank.categories().len(), 8);
    let texts = live.iter().filter(|i| matches!(i.kind, ItemKind::Text { .. })).count();
    assert!(texts * 10 >= live.len() * 3, "{texts} of {} text items", live.len());
    let hard = live.iter().filter(|i| i.difficulty == quizmaster::content::Difficulty::Hard).count();
    assert!(hard * 10 >= live.len() * 3, "{hard} of {} hard", live.len());
    let code = live.iter().filter(|i| i.shows_code()).count();
    assert!(code >= 60, "{code} items show code");
    assert!(bank.warnings().is_empty(), "{:#?}", bank.warnings());
    assert_eq!(bank.quality_problems(), Vec::<String>::new());
    let scores = quizmaster::content::tells::Scores::of(bank.live());
    assert!(scores.items >= 200, "{} choice items scored", scores.items);
    for (strategy, score) in scores.all() {
        assert!(score <= quizmaster::content::tells::MAX_SCORE, "{strategy}: {score}");
    }
}

#[test]
fn every_text_item_takes_its_usual_wordings_and_refuses_its_near_misses() {
    let bank = bundled();
    for item in bank.live() {
        let ItemKind::Text { accept, reject } = &item.kind else { continue };
        // The grader takes tails, notes, plurals, flags and abbreviations
        // itself: the list holds distinct wordings only, one or more.
        assert!(!accept.is_empty(), "{}: an accepted wording", item.id);
        assert!(!reject.is_empty(), "{}: at least one near-miss", item.id);
        for a in accept {
            for given in [a.clone(), a.to_uppercase(), format!("the {a}."), format!("  {}!", a.to_lowercase())] {
                assert_eq!(
                    grade(&item.kind, &item.prompt, &given, bank.glossary()),
                    Ok(true),
                    "{} accepts {given:?}",
                    item.id
                );
            }
        }
        for r in reject {
            for given in [r.clone(), r.to_lowercase(), format!("a {r}")] {
                assert_eq!(
                    grade(&item.kind, &item.prompt, &given, bank.glossary()),
                    Ok(false),
                    "{} refuses {given:?}",
                    item.id
                );
            }
        }
    }
}

#[test]
fn every_item_grades_its_own_answer_right_and_every_other_letter_wrong() {
    let bank = bundled();
    let mut checked = 0;
    for item in bank.live() {
        match &item.kind {
            ItemKind::Choice { choices, answer } => {
                for i in 0..choices.len() {
                    let l = letter(i);
                    for given in [l.to_string(), l.to_ascii_lowercase().to_string(), format!(" {l} ")] {
                        assert_eq!(
                            grade(&item.kind, &item.prompt, &given, bank.glossary()),
                            Ok(i == *answer),
                            "{} answer {given:?}",
                            item.id
                        );
                    }
                }
                let past = letter(choices.len()).to_string();
                assert!(
                    grade(&item.kind, &item.prompt, &past, bank.glossary()).is_err(),
                    "{}: {past} is out of range",
                    item.id
                );
            }
            ItemKind::Text { accept, .. } => {
                for a in accept {
                    assert_eq!(
                        grade(&item.kind, &item.prompt, a, bank.glossary()),
                        Ok(true),
                        "{} accepts {a:?}",
                        item.id
                    );
                    assert_eq!(
                        grade(&item.kind, &item.prompt, &a.to_uppercase(), bank.glossary()),
                        Ok(true),
                        "{} accepts {a:?} in capitals",
                        item.id
                    );
                }
                assert_eq!(grade(&item.kind, &item.prompt, "banana bread", bank.glossary()), Ok(false), "{}", item.id);
            }
            ItemKind::Discussion { .. } => {
                assert_eq!(grade(&item.kind, &item.prompt, "it depends", bank.glossary()), Err(GradeError::NotGraded));
            }
        }
        checked += 1;
    }
    assert_eq!(checked, bank.live().count());
}

#[test]
fn right_letters_are_spread_evenly_and_choices_are_distinct() {
    let bank = bundled();
    let mut per_letter: BTreeMap<char, usize> = BTreeMap::new();
    let mut choice_items = 0;
    for item in bank.live() {
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

/// Short enough to read under a reveal: a hard item's says why each
/// tempting wrong option is wrong, so up to five sentences, and 600 characters.
#[test]
fn explanations_are_one_to_five_sentences() {
    for item in bundled().items().iter().filter(|i| !i.is_discussion()) {
        let sentences = item.explanation.matches(". ").count() + 1;
        assert!((1..=5).contains(&sentences), "{}: {} sentences", item.id, sentences);
        assert!(item.explanation.chars().count() <= 600, "{}: over 600 characters", item.id);
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
    let covered: HashSet<u8> = bundled().items().iter().filter_map(|i| i.topic).collect();
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
        ("reject-accepted", "pack.toml", "`pool-or-poll`", "field `reject`", "\"Pooling!\" would be graded right"),
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

fn grade_cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_quizmaster"))
        .current_dir(manifest())
        .env("QUIZMASTER__LOG__LEVEL", "warn")
        .arg("grade")
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn grade_says_correct_or_wrong_and_why() {
    let bank = bundled();
    let item = bank.live().find(|i| matches!(&i.kind, ItemKind::Text { .. })).expect("a text item");
    let ItemKind::Text { accept, reject } = &item.kind else { unreachable!() };
    let (code, out, _) = grade_cli(&[&item.id, &accept[0].to_uppercase()]);
    assert_eq!((code, out.trim()), (0, format!("correct: matches the accepted wording \"{}\"", accept[0]).as_str()));
    let words: Vec<&str> = reject[0].split_whitespace().collect();
    let mut args = vec![item.id.as_str()];
    args.extend(words);
    let (code, out, _) = grade_cli(&args);
    assert_eq!((code, out.trim()), (0, format!("wrong: matches the reject entry \"{}\"", reject[0]).as_str()));

    let choice = bank.live().find(|i| matches!(&i.kind, ItemKind::Choice { .. })).expect("a choice item");
    let (code, out, _) = grade_cli(&[&choice.id, "z"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("wrong: cannot be graded"), "{out}");

    let (code, _, err) = grade_cli(&["no-such-item", "anything"]);
    assert_eq!(code, 2);
    assert!(err.contains("there is no item `no-such-item`"), "{err}");
}

/// The wordings players really type, against the bundled items they answer.
#[test]
fn common_wordings_are_graded_as_a_player_expects() {
    let bank = bundled();
    let cases: &[(&str, &str, bool)] = &[
        ("rate-limit-status", "HTTP 429", true),
        ("rate-limit-status", "429 Too Many Requests", true),
        ("rate-limit-status", "status code 429", true),
        ("rate-limit-status", "too many requests", true),
        ("rate-limit-status", "HTTP 503", false),
        ("rate-limit-status", "429 Service Unavailable", false),
        ("https-default-port", "port 443", true),
        ("https-default-port", "443", true),
        ("https-default-port", "port 80", false),
        ("https-default-port", "8443", false),
        ("ci-pipeline", "CI/CD pipeline", true),
        ("ci-pipeline", "a build pipeline", true),
        ("ci-pipeline", "runner", false),
        ("pool-word", "database connection pooling", true),
        ("pool-word", "Connection Pool", true),
        ("pool-word", "polling", false),
        ("pool-word", "connection polling", false),
        ("xss-name", "Cross-Site Scripting (XSS)", true),
        ("xss-name", "XSS", true),
        ("xss-name", "cross site scripting", true),
        ("xss-name", "CSRF", false),
        ("xss-name", "Cross-Site Request Forgery (CSRF)", false),
        ("sharding-word", "database sharding", true),
        ("sharding-word", "sharding", true),
        ("sharding-word", "shardnig", true),
        ("sharding-word", "replication", false),
        ("async-word", "asynchronous", true),
        ("async-word", "asyncronous", true),
        ("async-word", "synchronous", false),
        ("idempotent-word", "idempotence", true),
        ("idempotent-word", "idempotant", true),
        ("idempotent-word", "safe", false),
        ("jwt-bearer-header", "the Authorization header", true),
        ("jwt-bearer-header", "Authentication", false),
    ];
    for (id, answer, want) in cases {
        let item = bank.get(id).unwrap_or_else(|| panic!("no item {id}"));
        assert_eq!(grade(&item.kind, &item.prompt, answer, bank.glossary()), Ok(*want), "{id}: {answer:?}");
    }
}

#[test]
fn give_away_lengths_and_prompts_are_warned_about_by_item_and_field() {
    let text = r#"
title = "Performance and Scalability"

[[item]]
id = "long-right"
topic = 17
category = "performance-and-scalability"
difficulty = "easy"
kind = "choice"
prompt = "What is API rate limiting for?"
choices = ["Capping how many requests a client may make in a time window, to share capacity fairly", "Compressing responses", "Caching", "Logging"]
answer = "A"
explanation = "It caps requests per client."

[[item]]
id = "told-you"
topic = 30
category = "performance-and-scalability"
difficulty = "easy"
kind = "text"
prompt = "Connection pooling keeps connections open for reuse. What is it called?"
accept = ["connection pooling", "pooling", "pool"]
reject = ["polling"]
explanation = "Opening a connection is slow."
"#;
    let bank = Bank::from_sources(&[Source { name: "p.toml".into(), text: text.into() }]).expect("loads");
    let warnings: Vec<String> = bank.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("p.toml: item `long-right`: field `choices`: the right answer is 86 characters"));
    assert!(warnings[1].starts_with("p.toml: item `told-you`: field `prompt`: the prompt contains"));
    assert!(bank.summary().contains("right answer is the only longest choice: 1 of 1 choice items (100%)"));
    assert_eq!(bank.title("performance-and-scalability"), "Performance and Scalability");
}

/// Discussion prompts: at least 60, from every category of the seed, each
/// with a few notes of what a strong answer covers, none drawn as a quiz.
#[test]
fn the_bank_holds_discussion_prompts_from_every_category() {
    let bank = bundled();
    let talks: Vec<_> = bank.live().filter(|i| i.is_discussion()).collect();
    assert!(talks.len() >= 60, "{} discussion prompts", talks.len());
    let categories: HashSet<&str> = talks.iter().map(|i| i.category.as_str()).collect();
    assert_eq!(categories.len(), 8, "{categories:?}");
    for item in &talks {
        let ItemKind::Discussion { notes } = &item.kind else { unreachable!() };
        assert!((3..=5).contains(&notes.len()), "{}: {} notes", item.id, notes.len());
        assert!(item.prompt.chars().count() <= 300, "{}: a long prompt", item.id);
        assert!(item.id.starts_with("talk-"), "{}", item.id);
    }
}
