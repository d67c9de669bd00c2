//! Suggestions and a server's own items, through the service and the
//! command line: who may approve, where own items are asked (their server
//! only), what forget-me leaves, the similar-question note, and packs in
//! and out (all or nothing, errors by file, item and field).

use chrono::{DateTime, Utc};
use quizmaster::command::{AdminCommand, Command, Review};
use quizmaster::content::own::Draft;
use quizmaster::ids::Platform;
use quizmaster::service::{Ctx, Service};
use tempfile::TempDir;

use crate::support::{at, count, plain};

fn ctx(guild: &str, user: &str, admin: bool, now: DateTime<Utc>) -> Ctx {
    Ctx {
        platform: Platform::Console,
        guild: guild.into(),
        channel: format!("{guild}-quiz"),
        user_id: user.to_lowercase(),
        user_name: user.into(),
        is_admin: admin,
        now,
        locale: Default::default(),
    }
}

fn draft(prompt: &str, options: &str, answer: &str) -> Draft {
    Draft {
        prompt: prompt.into(),
        options: options.into(),
        answer: answer.into(),
        explanation: "Because the protocol says so.".into(),
        category: "apis".into(),
        discussion: false,
    }
}

fn review(svc: &Service, c: &Ctx, r: Review) -> String {
    plain(&svc.handle(c, Command::Admin(AdminCommand::Review(r))))
}

#[test]
fn own_items_are_asked_in_their_server_only_and_forget_me_leaves_them_uncredited() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let now = at("2026-11-25 09:00");
    let ann = ctx("g1", "Ann", true, now);
    let bo = ctx("g1", "Bo", true, now);

    let saved = plain(&svc.handle(
        &ann,
        Command::SubmitSuggestion(draft("Which status code says a new resource was created?", "200\n201\n204", "B")),
    ));
    assert!(saved.contains("suggestion #1 is waiting"), "{saved}");
    // An admin of another server cannot touch it.
    let cy = ctx("g2", "Cy", true, now);
    for r in [Review::Approve(1), Review::Edit(1), Review::Reject { id: 1, reason: None }, Review::RejectForm(1)] {
        assert!(review(&svc, &cy, r).contains("no suggestion with that number"));
    }
    assert!(review(&svc, &cy, Review::Next).contains("No suggestions are waiting"));
    // An admin cannot approve their own suggestion; another admin can.
    assert!(review(&svc, &ann, Review::Approve(1)).contains("another admin has to approve it"));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM own_items"), 0);
    let card = review(&svc, &bo, Review::Next);
    assert!(card.contains("Suggestion #1 by Ann") && card.contains("Answer: B) 201"), "{card}");
    assert!(review(&svc, &bo, Review::Approve(1)).contains("Approved suggestion #1"));
    assert!(review(&svc, &bo, Review::Approve(1)).contains("no suggestion with that number"), "decided once");

    // One member's waiting suggestions are capped at ten.
    for n in 2..=11 {
        let d = draft(&format!("Filler question number {n} about HTTP status codes?"), "200\n201\n204", "A");
        assert!(plain(&svc.handle(&ann, Command::SubmitSuggestion(d))).contains("is waiting"));
    }
    let d = draft("One question too many about HTTP status codes?", "200\n201\n204", "A");
    assert!(plain(&svc.handle(&ann, Command::SubmitSuggestion(d))).contains("10 suggestions waiting"));
    for n in 2..=11 {
        review(&svc, &bo, Review::Reject { id: n, reason: None });
    }

    // A near copy of a bank item is flagged to the reviewer; the author is
    // not told (it would confirm a guess at an open question's answer).
    let copy = draft(
        "Which word describes an operation with the same effect whether it runs once or many times?",
        "idempotent",
        "",
    );
    let saved = plain(&svc.handle(&ann, Command::SubmitSuggestion(copy)));
    assert!(saved.contains("is waiting") && !saved.contains("close to"), "{saved}");
    assert!(review(&svc, &bo, Review::Next).contains("Note: it is close to `idempotent-word`"));

    // A new player's two practice questions from `apis` are its two items
    // (unseen ones first): in g1 the own one is among them, credited.
    assert_eq!(practise(&svc, &ctx("g1", "Eve", false, now)), (1, 1));
    assert_eq!(practise(&svc, &ctx("g2", "Fay", false, now)), (0, 0), "never in another server");
    // Daily questions from `apis`: g1's first two are its two items, the
    // own one credited at the question and the reveal; g2's never the own one.
    for (guild, who) in [("g1", &bo), ("g2", &ctx("g2", "Cy", true, now))] {
        svc.handle_text(who, "admin categories apis");
        let mut asked = 0;
        for day in ["2026-11-25", "2026-11-26"] {
            let c = Ctx { now: at(&format!("{day} 09:00")), ..who.clone() };
            let question = plain(&crate::support::post_now(&svc, &c));
            let reveal = plain(&crate::support::reveal_now(&svc, &c));
            if question.contains("Which status code") {
                asked += 1;
                assert!(question.contains("Suggested by Ann."), "{question}");
                assert!(reveal.contains("Answer: B) 201") && reveal.contains("Suggested by Ann."), "{reveal}");
            } else {
                assert!(question.contains("same effect") && !question.contains("Suggested by"), "{question}");
            }
        }
        assert_eq!(asked, usize::from(guild == "g1"), "{guild}");
    }

    // Forget-me: the items stay, credited to nobody.
    assert!(plain(&svc.handle_text(&ann, "forget-me confirm")).contains("Done"));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM own_items WHERE author_id IS NOT NULL"), 0);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE author_id IS NOT NULL"), 0);
    assert!(review(&svc, &bo, Review::Next).contains("No suggestions are waiting"), "hers were withdrawn");
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE state = 'pending'"), 0);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE state = 'rejected' AND item = ''"), 1);
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM suggestions WHERE state = 'rejected' AND item != ''"), 10);
    // Its number is not given to the next suggestion.
    let next =
        plain(&svc.handle(&bo, Command::SubmitSuggestion(draft("Which code is 404 Not Found?", "404\n410\n400", "A"))));
    assert!(next.contains("suggestion #13 is waiting"), "{next}");
    assert!(plain(&svc.handle_text(&ann, "suggestions")).contains("not suggested a question"));
    assert_eq!(practise(&svc, &ctx("g1", "Gil", false, now)), (1, 0), "asked, credited to nobody");
}

/// Two practice questions from `apis`, each answered: how many were the
/// own item, and how many of those credited its author.
fn practise(svc: &Service, who: &Ctx) -> (usize, usize) {
    let (mut own, mut credited) = (0, 0);
    for _ in 0..2 {
        let q = plain(&svc.handle_text(who, "play apis"));
        if q.contains("Which status code") {
            own += 1;
            credited += usize::from(q.contains("Suggested by Ann."));
            svc.handle_text(who, "answer b");
        } else {
            assert!(q.contains("same effect"), "{q}");
            svc.handle_text(who, "answer idempotent");
        }
    }
    (own, credited)
}

const GOOD_PACK: &str = r#"
[[item]]
id = "our-deploy-day"
category = "miscellaneous"
difficulty = "easy"
kind = "choice"
prompt = "On which weekday does this team never deploy?"
choices = ["Monday", "Wednesday", "Friday"]
answer = "C"
explanation = "Friday deploys leave nobody around to watch them."

[[item]]
id = "our-queue"
topic = 20
category = "apis"
difficulty = "medium"
kind = "text"
prompt = "Which queue does our billing service read its jobs from?"
accept = ["billing-jobs", "the billing-jobs queue"]
explanation = "billing-jobs, the one with the dead-letter queue beside it."
"#;

const BAD_ITEM: &str = r#"
[[item]]
id = "broken-one"
category = "cooking"
difficulty = "easy"
kind = "choice"
prompt = "Pick one."
choices = ["A thing", "Another thing", "A third thing"]
answer = "Z"
colour = "red"
explanation = "None."
"#;

/// A database in `dir` where server g1 has one approved suggestion
/// (`suggestion-1`), so the database knows it; and the command line on it
/// (the fixture's packs, not the bundled bank): success, stdout, stderr.
fn with_a_suggestion(dir: &std::path::Path) -> impl Fn(&[&str]) -> (bool, String, String) + '_ {
    let svc = crate::support::service(dir);
    let now = at("2026-11-25 09:00");
    svc.handle(
        &ctx("g1", "Ann", false, now),
        Command::SubmitSuggestion(draft("Which status code says a new resource was created?", "200\n201\n204", "B")),
    );
    review(&svc, &ctx("g1", "Bo", true, now), Review::Approve(1));
    drop(svc);
    let config = dir.join("quizmaster.toml");
    std::fs::write(&config, "[content]\nbundled = false\ndirs = [\"packs\"]\n").unwrap();
    let db = crate::support::db_path(dir);
    move |args: &[&str]| {
        let out = crate::support::quizmaster(dir)
            .args(["--config", config.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

#[test]
fn packs_import_all_or_nothing_and_an_export_imports_into_another_server() {
    let dir = TempDir::new().unwrap();
    let run = with_a_suggestion(dir.path());
    let own = |guild: &str| {
        count(
            dir.path(),
            &format!(
                "SELECT COUNT(*) FROM own_items o JOIN guilds g ON g.id = o.guild_id WHERE g.external_id = '{guild}'"
            ),
        )
    };

    // One bad item: nothing goes in, and each problem names file, item and field.
    let pack = dir.path().join("ours.toml");
    std::fs::write(&pack, format!("{GOOD_PACK}{BAD_ITEM}")).unwrap();
    let (ok, _, err) = run(&["pack", "import", pack.to_str().unwrap(), "--guild", "console:g1"]);
    assert!(!ok);
    let file = pack.display().to_string();
    for field in ["category", "answer", "colour"] {
        assert!(err.contains(&format!("{file}: item `broken-one`: field `{field}`")), "{field}: {err}");
    }
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(own("g1"), 1);

    std::fs::write(&pack, GOOD_PACK).unwrap();
    let (ok, out, err) = run(&["pack", "import", pack.to_str().unwrap(), "--guild", "console:g1"]);
    assert!(ok, "{err}");
    assert!(out.contains("2 items added"), "{out}");
    assert_eq!(own("g1"), 3);
    // Again: both ids are taken, so neither goes in a second time.
    let (ok, _, err) = run(&["pack", "import", pack.to_str().unwrap(), "--guild", "console:g1"]);
    assert!(!ok && err.contains("item `our-queue`: field `id`: console:g1 already has an item `our-queue`"), "{err}");
    assert_eq!(own("g1"), 3);

    // Out of g1 and into g2 (a server the database has not seen yet): refused
    // as a likely typo, then taken with --new; the same items.
    let exported = dir.path().join("g1.toml");
    let (ok, _, err) = run(&["pack", "export", "--guild", "console:g1", exported.to_str().unwrap()]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&exported).unwrap();
    for id in ["suggestion-1", "our-deploy-day", "our-queue"] {
        assert!(text.contains(&format!("id = \"{id}\"")), "{id}: {text}");
    }
    let (ok, _, err) = run(&["pack", "import", exported.to_str().unwrap(), "--guild", "console:g2"]);
    assert!(!ok && err.contains("console:g2 has never used the bot") && err.contains("--new"), "{err}");
    assert_eq!(own("g2"), 0);
    let (ok, out, err) = run(&["pack", "import", exported.to_str().unwrap(), "--guild", "console:g2", "--new"]);
    assert!(ok && out.contains("3 items added"), "{out}{err}");
    let (_, again, _) = run(&["pack", "export", "--guild", "console:g2"]);
    let body = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&text), "the items round-trip exactly");
    let (ok, _, err) = run(&["pack", "export", "--guild", "console:nowhere"]);
    assert!(!ok && err.contains("no server console:nowhere"), "{err}");
}

/// A suggestion a reviewer changed is credited to its author and its editor
/// wherever it is asked; an editor who asks to be forgotten leaves the
/// author's credit alone.
#[test]
fn an_edited_suggestion_is_credited_to_its_author_and_its_editor() {
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let now = at("2026-11-25 09:00");
    let (ann, bo, eve) = (ctx("g1", "Ann", false, now), ctx("g1", "Bo", true, now), ctx("g1", "Eve", false, now));
    let d = draft("Which status code says a new resource was created?", "200\n201\n204", "B");
    assert!(plain(&svc.handle(&ann, Command::SubmitSuggestion(d))).contains("is waiting"));
    let edited = draft("Which HTTP status code says a new resource was created?", "200\n201\n204", "B");
    assert!(review(&svc, &bo, Review::SubmitEdit { id: 1, draft: edited }).contains("Saved your changes"));
    assert!(review(&svc, &bo, Review::Approve(1)).contains("Approved suggestion #1"));
    let asked = (0..2).map(|_| {
        let q = plain(&svc.handle_text(&eve, "play apis"));
        svc.handle_text(&eve, "answer b");
        q
    });
    let own: Vec<String> = asked.filter(|q| q.contains("Which HTTP status code")).collect();
    assert_eq!(own.len(), 1, "{own:?}");
    assert!(own[0].contains("Suggested by Ann, edited by Bo."), "{}", own[0]);

    svc.handle_text(&bo, "forget-me confirm");
    let q = plain(&svc.handle_text(&ctx("g1", "Flo", false, now), "play apis"));
    let q =
        if q.contains("Which HTTP") { q } else { plain(&svc.handle_text(&ctx("g1", "Flo", false, now), "play apis")) };
    assert!(q.contains("Suggested by Ann.") && !q.contains("edited by"), "{q}");
}

/// A pack whose item carries its Spanish, and a translation pack for an
/// approved suggestion: a Spanish-speaking member sees both in Spanish and
/// is graded against either language; others see them as written.
#[test]
fn own_items_and_suggestions_carry_translations_into_the_members_language() {
    let dir = TempDir::new().unwrap();
    let now = at("2026-11-25 09:00");
    let run = with_a_suggestion(dir.path());
    let import = |text: &str| {
        let pack = dir.path().join("in.toml");
        std::fs::write(&pack, text).unwrap();
        let (ok, out, err) = run(&["pack", "import", pack.to_str().unwrap(), "--guild", "console:g1"]);
        (ok, format!("{out}{err}"))
    };
    let (ok, said) = import(TRANSLATED_PACK);
    assert!(ok && said.contains("1 items added"), "{said}");
    // The suggestion's Spanish, as a translation pack; a wrong letter first.
    let wrong = SUGGESTION_ES.replace("answer = \"B\"", "answer = \"C\"");
    let (ok, said) = import(&wrong);
    assert!(
        !ok && said.contains("item `suggestion-1`: field `answer`: is `C`; the source's right letter is B"),
        "{said}"
    );
    let (ok, said) = import(SUGGESTION_ES);
    assert!(ok && said.contains("1 of the own questions of console:g1 translated into es-ES"), "{said}");

    let svc = crate::support::service(dir.path());
    let spanish = |name: &str| Ctx {
        locale: quizmaster::service::Locale::from_tags(Some("es-MX"), None),
        ..ctx("g1", name, false, now)
    };
    let shown = |r: &quizmaster::reply::Reply| {
        quizmaster::reply::render(&r.body, &quizmaster::reply::PLAIN, r.lang.unwrap_or_default())
    };
    // Practice draws each apis question once before any comes back.
    let mut seen = Vec::new();
    for _ in 0..4 {
        let q = shown(&svc.handle_text(&spanish("Lu"), "play apis"));
        let answer = if q.contains("¿De qué cola") { "cola de facturacion" } else { "b" };
        seen.push((q, shown(&svc.handle_text(&spanish("Lu"), &format!("answer {answer}")))));
    }
    let queue = seen.iter().find(|(q, _)| q.contains("¿De qué cola")).expect("the pack's item in Spanish");
    assert!(queue.1.contains("¡Correcto!") && queue.1.contains("La cola de facturación, con"), "{}", queue.1);
    let code = seen.iter().find(|(q, _)| q.contains("¿Qué código de estado")).expect("the suggestion in Spanish");
    assert!(code.0.contains("Sugerida por Ann."), "the credit in Spanish: {}", code.0);
    assert!(code.1.contains("¡Correcto!") && code.1.contains("Así lo dice el protocolo"), "{}", code.1);

    // Graded against the English wording too; an English reader sees English.
    let english = ctx("g1", "Max", false, now);
    let mut asked = Vec::new();
    for _ in 0..4 {
        let q = plain(&svc.handle_text(&english, "play apis"));
        let answer = if q.contains("Which queue") { "billing jobs" } else { "b" };
        asked.push((q, plain(&svc.handle_text(&english, &format!("answer {answer}")))));
    }
    let queue = asked.iter().find(|(q, _)| q.contains("Which queue")).expect("the pack's item as written");
    assert!(queue.1.contains("Correct!"), "{}", queue.1);
    let q = shown(&svc.handle_text(&spanish("Pia"), "play apis"));
    let right = if q.contains("¿De qué cola") { "billing jobs" } else { "b" };
    let v = shown(&svc.handle_text(&spanish("Pia"), &format!("answer {right}")));
    assert!(v.contains("¡Correcto!"), "an English wording is right in Spanish too: {q}\n{v}");

    // The export carries both translations with their items.
    drop(svc);
    let (_, text, _) = run(&["pack", "export", "--guild", "console:g1"]);
    assert_eq!(text.matches("[item.translations.es-ES]").count(), 2, "{text}");
}

const TRANSLATED_PACK: &str = r#"
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
"#;

const SUGGESTION_ES: &str = r#"
lang = "es-ES"

[[item]]
id = "suggestion-1"
prompt = "¿Qué código de estado indica que se ha creado un recurso nuevo?"
choices = ["200", "201", "204"]
answer = "B"
explanation = "Así lo dice el protocolo."
"#;

/// `/quiz suggest discussion`: a form of three fields (the notes where the
/// choices were), checked by the pack rules, reviewed with its notes, edited
/// as a discussion, and once approved posted by a discussion schedule.
#[test]
fn a_discussion_is_suggested_reviewed_edited_and_posted() {
    use quizmaster::reply::Body;
    let dir = TempDir::new().unwrap();
    let svc = crate::support::service(dir.path());
    let now = at("2026-11-25 08:00");
    let (ann, bo) = (ctx("g1", "Ann", false, now), ctx("g1", "Bo", true, now));

    let form = svc.handle_text(&ann, "suggest discussion");
    let Body::Form(card) = &form.body else { panic!("{form:?}") };
    assert_eq!(card.id, "qm:form:suggest-discussion");
    assert_eq!(card.fields.iter().map(|f| f.id).collect::<Vec<_>>(), ["prompt", "options", "category"]);
    let shown = plain(&form);
    assert!(
        shown.contains("Suggest a discussion question") && shown.contains("2 to 6 points, one per line"),
        "{shown}"
    );
    let Body::Form(card) = &form.body else { unreachable!() };
    assert_eq!(
        plain(&quizmaster::reply::Reply::private(Body::Info(vec![card.fields[1].label.clone()]))),
        "What a strong answer covers"
    );
    assert!(matches!(svc.handle_text(&ann, "suggest quiz").body, Body::Form(ref f) if f.id == "qm:form:suggest"));
    assert!(plain(&svc.handle_text(&ann, "suggest chat")).contains("chat"), "a word it does not take is named");

    // The form as a platform sends it back: one note is too few.
    let fields = |notes: &str| {
        vec![
            ("prompt".to_string(), "Monolith or services for a team of five? Defend it.".to_string()),
            ("options".to_string(), notes.to_string()),
            ("category".to_string(), "apis".to_string()),
        ]
    };
    let submit = |c: &Ctx, form: &str, notes: &str| {
        svc.handle(c, quizmaster::command::parse_form(form, &fields(notes)).expect("our form"))
    };
    let refused = plain(&submit(&ann, "qm:form:suggest-discussion", "Team size decides."));
    assert!(
        refused.contains("What a strong answer covers") && refused.contains("a discussion needs 2 to 6"),
        "{refused}"
    );
    assert!(!refused.contains("Explanation"), "{refused}");
    let notes = "Deploy cadence and team size decide.\nA modular monolith keeps the seams cheap.";
    assert!(plain(&submit(&ann, "qm:form:suggest-discussion", notes)).contains("suggestion #1 is waiting"));

    // The reviewer sees the notes, not an answer; editing keeps it a discussion.
    let card = review(&svc, &bo, Review::Next);
    assert!(card.contains("What a strong answer covers:") && card.contains("• A modular monolith"), "{card}");
    assert!(!card.contains("Answer:"), "{card}");
    let edit = svc.handle(&bo, Command::Admin(AdminCommand::Review(Review::Edit(1))));
    assert!(matches!(&edit.body, Body::Form(f) if f.id == "qm:form:edit-discussion:1"), "{edit:?}");
    let edited = plain(&submit(&bo, "qm:form:edit-discussion:1", &format!("{notes}\nOwnership of each service.")));
    assert!(!edited.contains("not saved"), "{edited}");
    assert!(review(&svc, &bo, Review::Approve(1)).contains("Approved suggestion #1"));
    assert_eq!(count(dir.path(), "SELECT COUNT(*) FROM own_items WHERE kind = 'discussion'"), 1);

    // A discussion schedule limited to `apis` draws it (the bank's own
    // discussions in `apis` are the others it may draw).
    svc.handle_text(&bo, "admin categories apis");
    svc.handle_text(&bo, "admin schedule 09:00 UTC daily 8h kind discussion");
    let mut asked = false;
    for day in 25..=30 {
        let question =
            plain(&crate::support::post_now(&svc, &Ctx { now: at(&format!("2026-11-{day} 09:00")), ..bo.clone() }));
        assert!(question.starts_with("Discussion of the day"), "{question}");
        if question.contains("team of five") {
            asked = true;
            assert!(question.contains("Suggested by Ann, edited by Bo."), "{question}");
            let wrap = plain(&crate::support::reveal_now(
                &svc,
                &Ctx { now: at(&format!("2026-11-{day} 17:00")), ..bo.clone() },
            ));
            assert!(wrap.contains("• Ownership of each service."), "{wrap}");
            break;
        }
        crate::support::reveal_now(&svc, &Ctx { now: at(&format!("2026-11-{day} 17:00")), ..bo.clone() });
    }
    assert!(asked, "the approved discussion is among those drawn");
}
