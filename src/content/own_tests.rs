//! A server's own items: drafts, their TOML, translations and likeness.

use super::*;

fn cats() -> Vec<String> {
    vec!["apis".into(), "databases".into()]
}

fn draft() -> Draft {
    Draft {
        prompt: "Which HTTP method changes only some fields of a resource?".into(),
        options: "PUT\nPATCH\n\nPOST\n".into(),
        answer: "b)".into(),
        explanation: "PATCH applies a partial change.".into(),
        category: " APIs ".into(),
        discussion: false,
    }
}

#[test]
fn a_draft_becomes_an_item_and_its_toml_parses_back_to_it() {
    let item = draft().check("suggestion-1", &cats()).unwrap();
    assert_eq!(item.kind, ItemKind::Choice { choices: vec!["PUT".into(), "PATCH".into(), "POST".into()], answer: 1 });
    assert_eq!((item.category.as_str(), item.topic), ("apis", None));
    let text = to_toml(&item, "suggestion-1");
    let (pack, errors) = parse_server_pack("x.toml", &text, &cats());
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    assert_eq!(pack.items, vec![item.clone()]);
    assert_eq!(Draft::from_item(&item).check("suggestion-1", &cats()).unwrap(), item);
    // A typed question: no letter, the lines are accepted answers.
    let typed = Draft { answer: String::new(), options: "PATCH\nHTTP PATCH".into(), ..draft() };
    let item = typed.check("s", &cats()).unwrap();
    assert_eq!(item.kind, ItemKind::Text { accept: vec!["PATCH".into(), "HTTP PATCH".into()], reject: vec![] });
}

const TRANSLATED: &str = r#"
[[item]]
id = "our-queue"
category = "apis"
difficulty = "medium"
kind = "text"
prompt = "Which queue does our billing service read its jobs from?"
accept = ["billing jobs"]
explanation = "The billing jobs queue, with its dead-letter queue beside it."
[item.translations.es-ES]
prompt = "¿De qué cola lee sus trabajos nuestro servicio de facturación?"
accept = ["cola de facturación"]
explanation = "La cola de facturación, con su cola de mensajes fallidos al lado."

[[item]]
id = "our-verb"
category = "apis"
difficulty = "easy"
kind = "choice"
prompt = "Which HTTP method do our clients use for a partial update?"
choices = ["PUT", "PATCH", "POST"]
answer = "B"
explanation = "PATCH sends only the fields that change."
[item.translations.es-ES]
prompt = "¿Qué método HTTP usan nuestros clientes para una actualización parcial?"
choices = ["PUT", "PATCH", "POST"]
answer = "B"
explanation = "PATCH envía solo los campos que cambian."
"#;

#[test]
fn an_own_items_translations_are_read_shown_graded_and_written_back() {
    let (pack, errors) = parse_server_pack("ours.toml", TRANSLATED, &cats());
    assert!(errors.is_empty(), "{errors:?}");
    let queue = &pack.items[0];
    assert_eq!(queue.translations.len(), 1);
    let es = queue.own_in_lang(crate::i18n::Lang::EsEs).unwrap();
    assert!(es.prompt.starts_with("¿De qué cola"), "{es:?}");
    assert_eq!(es.right_answer(), "cola de facturación");
    assert!(queue.own_in_lang(crate::i18n::Lang::De).is_none(), "no German: shown as written");
    // Graded against both languages' wordings, accents optional.
    let glossary = crate::quiz::grading::Glossary::default();
    for (answer, right) in [("billing jobs", true), ("cola de facturacion", true), ("la cola", false)] {
        let graded = crate::quiz::grading::grade(&queue.graded_kind(), &queue.prompt, answer, &glossary);
        assert_eq!(graded, Ok(right), "{answer}");
    }
    // Stored and exported as written: the text parses back to the same items.
    let text: String = pack.items.iter().map(|i| to_toml(i, &i.id)).collect::<Vec<_>>().join("\n");
    let (again, errors) = parse_server_pack("again.toml", &text, &cats());
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    assert_eq!(again.items, pack.items);
    assert_eq!(from_stored(&to_toml(queue, "our-queue"), "g1:our-queue").unwrap().translations, queue.translations);
}

#[test]
fn a_broken_translation_in_an_own_item_names_its_language_and_field() {
    let broken = TRANSLATED
        .replacen("[item.translations.es-ES]", "[item.translations.xx]", 1)
        .replace("answer = \"B\"\nexplanation = \"PATCH envía", "answer = \"C\"\nexplanation = \"PATCH envía");
    let (_, errors) = parse_server_pack("ours.toml", &broken, &cats());
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|e| e.contains("item `our-queue`: field `translations.xx`: `xx` is not one of")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|e| e
            .contains("item `our-verb`: field `translations.es-ES.answer`: is `C`; the source's right letter is B")),
        "{shown:?}"
    );
    // The bank's own packs keep translations in files of their own.
    let (_, errors) = crate::content::parse_pack("apis.toml", &TRANSLATED.replace("category", "topic = 1\ncategory"));
    assert!(errors.iter().any(|e| e.field.as_deref() == Some("translations")), "{errors:?}");
}

#[test]
fn each_problem_names_its_field() {
    let bad = Draft {
        prompt: "  ".into(),
        options: "PUT\nput".into(),
        answer: "C".into(),
        explanation: String::new(),
        category: "cooking".into(),
        discussion: false,
    };
    let errors = bad.check("s", &cats()).unwrap_err();
    let fields: HashSet<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        HashSet::from([Field::Prompt, Field::Options, Field::Answer, Field::Explanation, Field::Category]),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.field == Field::Category && e.message.en().contains("apis, databases")));
    let word = Draft { answer: "PATCH".into(), ..draft() };
    assert_eq!(word.check("s", &cats()).unwrap_err()[0].field, Field::Answer);
    let long = Draft { prompt: "x".repeat(301), ..draft() };
    assert!(long.check("s", &cats()).unwrap_err()[0].message.en().contains("301 characters"));
}

#[test]
fn a_reworded_question_with_the_same_answer_is_similar_and_another_answer_is_not() {
    let old = Draft {
        prompt: "Which HTTP method updates only some fields of a resource?".into(),
        options: "PUT\nPATCH\nPOST".into(),
        ..draft()
    }
    .check("old", &cats())
    .unwrap();
    let new = draft().check("new", &cats()).unwrap();
    assert_eq!(similar(&new, [&old]).len(), 1);
    let other_answer = Draft { answer: "A".into(), ..draft() }.check("new", &cats()).unwrap();
    assert!(similar(&other_answer, [&old]).is_empty());
    let other_prompt = Draft { prompt: "Name the verb for a partial update in REST APIs today.".into(), ..draft() }
        .check("new", &cats())
        .unwrap();
    assert!(similar(&other_prompt, [&old]).is_empty());
}

const TALK: &str = r#"
[[item]]
id = "our-talk"
category = "apis"
difficulty = "medium"
kind = "discussion"
prompt = "Would you version our public API in the URL or in a header? Defend it."
notes = ["URLs are easy to see in logs and to cache.", "Headers keep one URL per resource.", "Either way, say how long an old version lives."]
[item.translations.es-ES]
prompt = "¿Versionarías nuestra API pública en la URL o en una cabecera? Defiéndelo."
notes = ["La URL se ve en los logs y se cachea fácil.", "Una cabecera deja una sola URL por recurso.", "En ambos casos, di cuánto vive una versión vieja."]
"#;

#[test]
fn a_discussion_has_notes_instead_of_an_answer_and_round_trips() {
    let (pack, errors) = parse_server_pack("talk.toml", TALK, &cats());
    assert!(errors.is_empty(), "{errors:?}");
    let talk = &pack.items[0];
    assert!(talk.is_discussion());
    let ItemKind::Discussion { notes } = &talk.kind else { unreachable!() };
    assert_eq!(notes.len(), 3);
    let es = talk.own_in_lang(crate::i18n::Lang::EsEs).unwrap();
    assert!(matches!(&es.kind, ItemKind::Discussion { notes } if notes[0].starts_with("La URL")), "{es:?}");
    let glossary = crate::quiz::grading::Glossary::default();
    let graded = crate::quiz::grading::grade(&talk.kind, &talk.prompt, "URL", &glossary);
    assert_eq!(graded, Err(crate::quiz::grading::GradeError::NotGraded));
    let text = to_toml(talk, "our-talk");
    assert!(!text.contains("explanation"), "{text}");
    let (again, errors) = parse_server_pack("again.toml", &text, &cats());
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    assert_eq!(again.items, pack.items);
}

#[test]
fn a_discussion_with_an_answer_or_too_few_notes_is_refused_by_field() {
    let shown = |text: &str| -> Vec<String> {
        parse_server_pack("talk.toml", text, &cats()).1.iter().map(ToString::to_string).collect()
    };
    let with_answer = TALK.replacen("notes = [", "answer = \"A\"\nexplanation = \"Because.\"\nnotes = [", 1);
    let errors = shown(&with_answer);
    for field in ["answer", "explanation"] {
        let wanted = format!("item `our-talk`: field `{field}`: not allowed on a `discussion` item");
        assert!(errors.iter().any(|e| e.contains(&wanted)), "{field}: {errors:?}");
    }
    let one_note = TALK.replacen(
        "notes = [\"URLs are easy to see in logs and to cache.\", \"Headers keep one URL per resource.\", ",
        "notes = [",
        1,
    );
    let errors = shown(&one_note);
    assert!(errors.iter().any(|e| e.contains("field `notes`: has 1 notes; a discussion needs 2 to 6")), "{errors:?}");
    let short_es = TALK.replacen("\"La URL se ve en los logs y se cachea fácil.\", ", "", 1);
    let errors = shown(&short_es);
    assert!(
        errors.iter().any(|e| e.contains("field `translations.es-ES.notes`: has 2; the source has 3")),
        "{errors:?}"
    );
}

#[test]
fn a_discussion_draft_becomes_a_discussion_and_its_problems_name_the_notes() {
    let talk = Draft {
        prompt: "Monolith or services for a team of five?".into(),
        options: "Deploy cadence decides.\n\nA modular monolith keeps seams cheap.\n".into(),
        // Left from a quiz draft: a discussion asks for neither.
        answer: "B".into(),
        explanation: "Ignored.".into(),
        category: "apis".into(),
        discussion: true,
    };
    let item = talk.check("talk-1", &cats()).unwrap();
    let ItemKind::Discussion { notes } = &item.kind else { panic!("{item:?}") };
    assert_eq!(notes, &["Deploy cadence decides.", "A modular monolith keeps seams cheap."]);
    assert!(item.explanation.is_empty());
    // Back to the form it came from, and through it unchanged.
    let again = Draft::from_item(&item);
    assert!(again.discussion);
    assert_eq!(again.check("talk-1", &cats()).unwrap(), item);
    assert_eq!(Field::of(true), &[Field::Prompt, Field::Options, Field::Category]);

    let one = Draft { options: "Only one point.".into(), ..talk };
    let errors = one.check("talk-1", &cats()).unwrap_err();
    assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), [Field::Options], "{errors:?}");
}
