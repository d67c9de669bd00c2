//! Answering an interaction: at once when the reply is quick, else
//! deferred ("thinking") and edited when it is ready.

use std::future::Future;

use serenity::all::{CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse};
use tokio::task::JoinHandle;

use super::ANSWER_WITHIN;
use super::render::{Said, interaction_edit, interaction_response};
use crate::i18n::Lang;
use crate::msg;
use crate::reply::Reply;

/// A reply ready within [`ANSWER_WITHIN`], or the job still working on it.
pub(super) enum Answer {
    Now(Said),
    Later(JoinHandle<Said>),
}

/// What a job failed to say.
pub(super) fn our_fault() -> Said {
    Said { reply: Reply::error(msg!("our-fault")), lang: Lang::default() }
}

pub(super) async fn within(mut job: JoinHandle<Said>) -> Answer {
    match tokio::time::timeout(ANSWER_WITHIN, &mut job).await {
        Ok(done) => Answer::Now(done.unwrap_or_else(|_| our_fault())),
        Err(_) => Answer::Later(job),
    }
}

/// The deferral Discord shows as "thinking" until the edit comes.
pub(super) fn defer() -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true))
}

/// Waits for a deferred reply and sends it as the edit of the response.
pub(super) async fn finish_deferred<'a, E, EF>(job: JoinHandle<Said>, edit: E, id: u64)
where
    E: Fn(EditInteractionResponse) -> EF,
    EF: Future<Output = serenity::Result<serenity::all::Message>> + 'a,
{
    let said = job.await.unwrap_or_else(|_| our_fault());
    if let Err(e) = edit(interaction_edit(&said)).await {
        tracing::warn!(interaction = id, error = %e, "could not send a deferred reply");
    }
}

/// Answers a gateway interaction over REST: at once if the service is
/// quick, else deferred (ephemeral) and edited when the reply is ready.
pub(super) async fn respond_over_rest<'a, C, CF, E, EF>(job: JoinHandle<Said>, create: C, edit: E, id: u64)
where
    C: Fn(CreateInteractionResponse) -> CF,
    CF: Future<Output = serenity::Result<()>> + 'a,
    E: Fn(EditInteractionResponse) -> EF,
    EF: Future<Output = serenity::Result<serenity::all::Message>> + 'a,
{
    match within(job).await {
        Answer::Now(said) => {
            if let Err(e) = create(interaction_response(&said)).await {
                tracing::warn!(interaction = id, error = %e, "could not answer an interaction");
            }
        }
        Answer::Later(job) => {
            if let Err(e) = create(defer()).await {
                tracing::warn!(interaction = id, error = %e, "could not defer an interaction");
            }
            finish_deferred(job, edit, id).await;
        }
    }
}
