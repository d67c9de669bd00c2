//! The bank in Spanish: every bundled item translated and checked against
//! its source, typed answers graded in both languages with or without
//! accents, and a broken translation refused with file, item and field.

use quizmaster::content::tells::{MAX_SCORE, Scores};
use quizmaster::content::translation::in_language;
use quizmaster::content::{Bank, ItemKind, Source};
use quizmaster::i18n::Lang;
use quizmaster::quiz::grading::grade;

fn bundled() -> Bank {
    Bank::from_sources(&Bank::bundled_sources()).expect("the bundled bank and its translations are valid")
}

#[test]
fn every_bundled_item_is_translated_into_spanish_and_the_translation_gives_nothing_away() {
    let bank = bundled();
    let mut spanish = Vec::new();
    for item in bank.live() {
        let text = bank.text_in(&item.id, Lang::EsEs).unwrap_or_else(|| panic!("{} has no Spanish text", item.id));
        assert_ne!(text.prompt, item.prompt, "{}: the prompt is translated", item.id);
        match &item.kind {
            ItemKind::Choice { choices, .. } => assert_eq!(text.choices.len(), choices.len(), "{}", item.id),
            ItemKind::Discussion { notes } => {
                assert_eq!(text.notes.len(), notes.len(), "{}", item.id);
                assert!(text.notes.iter().zip(notes).all(|(es, en)| es != en), "{}: the notes are translated", item.id);
            }
            ItemKind::Text { .. } => {}
        }
        if !item.is_discussion() {
            assert_ne!(text.explanation, item.explanation, "{}: the explanation is translated", item.id);
        }
        spanish.push(in_language(item, text));
    }
    assert_eq!(bank.translated(Lang::EsEs), bank.live().count());
    // The same no-knowledge strategies as the English bank, on the Spanish one.
    let scores = Scores::of(&spanish);
    assert!(scores.items > 250, "{} choice items scored", scores.items);
    assert!(scores.too_high().is_empty(), "a script beats chance (max {MAX_SCORE}): {:?}", scores.too_high());
}

#[test]
fn a_spanish_answer_is_graded_right_with_or_without_accents_and_its_opposite_wrong() {
    let bank = bundled();
    let item = bank.get("async-word").expect("the async item");
    let check = |answer: &str| grade(&item.kind, &item.prompt, answer, bank.glossary());
    for right in ["asíncrono", "asincrono", "Programación asíncrona", "programacion asincrona", "asynchronous"] {
        assert_eq!(check(right), Ok(true), "{right}");
    }
    for wrong in ["sincrónico", "sincronico", "síncrono", "sincrono", "programación síncrona", "synchronous"] {
        assert_eq!(check(wrong), Ok(false), "{wrong}");
    }
    // The Spanish wordings of another, the English one still right.
    let item = bank.get("nosql-key-value-word").expect("the key-value item");
    for right in ["clave-valor", "clave valor", "almacen clave valor", "key-value"] {
        assert_eq!(grade(&item.kind, &item.prompt, right, bank.glossary()), Ok(true), "{right}");
    }
    assert_eq!(grade(&item.kind, &item.prompt, "orientado a documentos", bank.glossary()), Ok(false));
}

/// A bad translation file is refused: each problem named with its file,
/// item and field, and the bank does not load.
#[test]
fn a_broken_translation_is_refused_naming_file_item_and_field() {
    let mut sources = Bank::bundled_sources();
    sources.retain(|s| !s.name.contains("/es-ES/"));
    let broken = r#"
lang = "es-ES"
title = "APIs"

[[item]]
id = "http-patch-partial"
answer = "C"
prompt = "¿Qué método HTTP actualiza solo parte de un recurso?"
choices = ["PUT", "PATCH", "POST", "GET"]
explanation = "PATCH aplica un cambio parcial."

[[item]]
id = "no-such-item"
prompt = "¿Qué?"
explanation = "Nada."

[[item]]
id = "http-post-creates"
answer = "D"
prompt = "¿Qué método crea un recurso?"
choices = ["GET", "PUT", "POST"]
explanation = "POST crea."

[[item]]
id = "http-405-allow-header"
answer = "A"
prompt = "Sin el bloque de código"
choices = ["a", "b", "c", "d"]
explanation = ""
"#;
    sources.push(Source { name: "content/es-ES/apis.toml".into(), text: broken.into() });
    sources.push(Source { name: "content/xx/apis.toml".into(), text: "lang = \"xx\"\n".into() });
    let errors = Bank::from_sources(&sources).expect_err("refused");
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let has = |item: &str, field: &str, words: &str| {
        assert!(
            errors.iter().any(|e| e.file == "content/es-ES/apis.toml"
                && e.item.as_deref() == Some(item)
                && e.field.as_deref() == Some(field)
                && e.message.contains(words)),
            "{item} {field} `{words}` in {shown:#?}"
        );
    };
    has("`http-patch-partial`", "answer", "right letter is B");
    has("`no-such-item`", "id", "no item with this id");
    has("`http-post-creates`", "choices", "has 3; the source has 4");
    has("`http-405-allow-header`", "prompt", "code blocks differ");
    has("`http-405-allow-header`", "explanation", "missing or empty");
    assert!(shown.iter().any(|e| e.contains("content/xx/apis.toml") && e.contains("lang `xx`")), "{shown:#?}");
}
