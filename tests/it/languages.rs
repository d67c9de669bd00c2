//! Every player in their own language, end to end: Discord's `locale` and
//! `guild_locale`, a server's `/quizadmin language`, Slack's user locale
//! and the bank's Spanish translation, through the real clients and fakes.

use axum::http::Method;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::discord::{content, ephemeral, option, start_with};
use crate::support::fake_discord::{CHANNEL, FakeDiscord, MANAGE_GUILD, user};
use crate::support::{PACK, at, settings_with_packs};

/// The fixture's two items in Spanish.
pub const PACK_ES: &str = r#"
lang = "es-ES"
title = "Miscelánea"

[[item]]
id = "cap-partition"
answer = "B"
prompt = "Durante una partición de red, ¿a qué debe renunciar un almacén distribuido: a la consistencia o a la disponibilidad?"
choices = ["La durabilidad", "La consistencia o la disponibilidad", "La tolerancia a las particiones", "Nada, con un buen diseño"]
explanation = "Cuando la red se parte, cada nodo debe elegir entre rechazar peticiones (pierde disponibilidad) o responder con datos quizá desfasados (pierde consistencia)."

[[item]]
id = "idempotent-word"
prompt = "¿Qué palabra describe una operación que tiene el mismo efecto tanto si se ejecuta una vez como muchas?"
accept = ["idempotente", "idempotencia"]
explanation = "Las operaciones idempotentes se pueden reintentar sin riesgo; por eso PUT y DELETE se diseñan así."
"#;

/// Sends `interaction` as a member whose Discord speaks `locale` in a
/// server set to `guild_locale`; the callback that answers it.
async fn as_speaker(fake: &FakeDiscord, mut interaction: Value, locale: &str, guild_locale: &str) -> Value {
    interaction["locale"] = json!(locale);
    interaction["guild_locale"] = json!(guild_locale);
    let id = interaction["id"].as_str().unwrap().to_string();
    fake.dispatch(interaction);
    fake.callback(&id).await
}

/// The custom id of a callback's button with this letter.
fn button(callback: &Value, letter: &str) -> String {
    callback["data"]["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap().to_string())
        .find(|id| id.ends_with(&format!(":{letter}")))
        .unwrap_or_else(|| panic!("no button {letter}: {callback}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_member_reads_their_language_and_the_channel_the_servers() {
    let dir = TempDir::new().unwrap();
    let packs = [("fixture.toml", PACK), ("fixture.es-ES.toml", PACK_ES)];
    let bot = start_with(at("2026-11-25 09:00"), settings_with_packs(dir.path(), &packs)).await;
    let fake = &bot.fake;
    let misc = json!([option("category", "miscellaneous")]);
    let play = |who: &Value| fake.command_body(who, "0", "quiz", "play", misc.clone());

    // German and Japanese members: the bot's own words in their language,
    // the question as written (the bank has no German or Japanese yet).
    let (de, ja, es) =
        (user("950000000000000011", "Dora"), user("950000000000000012", "Kenji"), user("950000000000000013", "Lucía"));
    let q = as_speaker(fake, play(&de), "de", "en-US").await;
    let text = content(&q);
    assert!(ephemeral(&q) && text.contains("Übungsfrage") && text.contains("mittel"), "{text}");
    assert!(text.contains("During a network partition"), "untranslated items stay as written: {text}");
    let v = as_speaker(fake, fake.click_body(&de, &button(&q, "B"), "1"), "de", "en-US").await;
    assert!(content(&v).contains("Richtig!") && content(&v).contains("Antwort:"), "{v}");

    let q = as_speaker(fake, play(&ja), "ja", "en-US").await;
    assert!(content(&q).contains("練習問題") && content(&q).contains("中級"), "{q}");
    let v = as_speaker(fake, fake.click_body(&ja, &button(&q, "A"), "1"), "ja", "en-US").await;
    assert!(content(&v).contains("残念、不正解です。") && content(&v).contains("正解："), "{v}");

    // A Spanish member gets the Spanish question, choices and explanation.
    let q = as_speaker(fake, play(&es), "es-ES", "en-US").await;
    let text = content(&q);
    assert!(
        text.contains("Pregunta de práctica") && text.contains("Miscelánea") && text.contains("intermedia"),
        "{text}"
    );
    assert!(text.contains("¿a qué debe renunciar") && text.contains("La consistencia o la disponibilidad"), "{text}");
    assert!(!text.contains("During a network partition"), "{text}");
    let v = as_speaker(fake, fake.click_body(&es, &button(&q, "B"), "1"), "es-ES", "en-US").await;
    let text = content(&v);
    assert!(text.contains("¡Correcto!") && text.contains("B\\) La consistencia"), "{text}");
    assert!(text.contains("Cuando la red se parte"), "the explanation in Spanish: {text}");

    // The server's language: what the channel sees follows it, whatever the
    // admin's own language, and each member's private replies stay theirs.
    let admin = user("950000000000000001", "Admin");
    let set = fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "language", json!([option("language", "es-ES")]));
    let r = as_speaker(fake, set, "en-US", "en-US").await;
    assert!(content(&r).contains("are now in español"), "{r}");
    let categories = json!([option("list", "miscellaneous")]);
    as_speaker(fake, fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "categories", categories), "en-US", "en-US")
        .await;
    let r =
        as_speaker(fake, fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "post-now", json!([])), "en-US", "en-US")
            .await;
    assert!(content(&r).contains("Posted in this channel"), "the admin's own reply in English: {r}");
    let posted = |c: &[crate::support::fake_discord::Call]| {
        c.iter().any(|c| c.method == Method::POST && c.path.ends_with(&format!("/channels/{CHANNEL}/messages")))
    };
    let calls = fake.wait_for("the question in the channel", posted).await;
    let post = calls.iter().find(|c| c.method == Method::POST && c.path.ends_with("/messages")).unwrap();
    let text = post.body["content"].as_str().unwrap();
    assert!(text.contains("Pregunta del día") && text.contains("¿a qué debe renunciar"), "{text}");
    let v = as_speaker(fake, fake.click_body(&de, "qm:d1:B", "1"), "de", "en-US").await;
    assert!(content(&v).contains("Antwort gespeichert."), "{v}");
    let r =
        as_speaker(fake, fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "status", json!([])), "en-US", "en-US")
            .await;
    assert!(content(&r).contains("Language: español."), "{r}");
    as_speaker(fake, fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "reveal-now", json!([])), "en-US", "en-US")
        .await;
    let edited = |c: &[crate::support::fake_discord::Call]| {
        c.iter().any(|c| c.method == Method::PATCH && c.path.contains("/channels/"))
    };
    let calls = fake.wait_for("the reveal", edited).await;
    let edit = calls.iter().find(|c| c.method == Method::PATCH && c.path.contains("/channels/")).unwrap();
    let text = edit.body["content"].as_str().unwrap();
    assert!(text.contains("Pregunta del día: la solución") && text.contains("Cuando la red se parte"), "{text}");

    // `auto` follows Discord's language for the server.
    let auto = fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "language", json!([option("language", "auto")]));
    let r = as_speaker(fake, auto, "en-US", "fr").await;
    assert!(content(&r).contains("follows the server's own setting: français"), "{r}");
    let r = as_speaker(fake, fake.command_body(&admin, MANAGE_GUILD, "quizadmin", "status", json!([])), "en-US", "fr")
        .await;
    assert!(content(&r).contains("Language: français \\(auto"), "{r}");
    bot.stop().await;
}
