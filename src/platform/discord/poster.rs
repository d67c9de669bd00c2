//! The daily question posted and edited over REST, paced to Discord's
//! global limit, with every failure classified for the delivery rules.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use serenity::all::{
    AutoArchiveDuration, ChannelId, CreateAttachment, CreateMessage, CreateThread, EditMessage, Http, MessageId, Nonce,
};
use serenity::http::HttpError;

use super::PLATFORM;
use super::render::{mentions_of, no_mentions, render};
use crate::delivery::{DeliveryError, Problem};
use crate::ids::{Part, Platform, Sendable};
use crate::platform::pacing::{Pacer, Shared, Slots, call_in_turn};
use crate::scheduler::{Deliver, SendResult, Sent};
use crate::service::Outbound;
use crate::service::Service;

/// Posts and edits the daily question over REST, paced to Discord's global
/// limit (serenity's own limiter also keeps each route's bucket when it
/// talks to Discord itself).
pub struct Poster {
    pub http: Arc<Http>,
    /// Discord's global limit: this process's own, or shared by every
    /// process on a PostgreSQL database.
    pace: Box<dyn Slots + Send>,
    concurrency: usize,
}

/// The share of the global limit the sends are paced to. Requests leave on
/// their slots but arrive with a little jitter; at exactly the limit, one
/// late arrival puts 51 requests in some second and Discord answers 429.
const HEADROOM: f64 = 0.95;
impl Poster {
    /// With `shared`, the global limit holds across every process on the
    /// database together.
    pub fn new(http: Arc<Http>, requests_per_second: f64, concurrency: usize, shared: Option<Arc<Service>>) -> Poster {
        let rate = requests_per_second * HEADROOM;
        let pace: Box<dyn Slots + Send> = match shared {
            Some(service) => Box::new(Shared::new(service, "discord-global", rate)),
            None => Box::new(Pacer::<()>::new(rate)),
        };
        Poster { http, pace, concurrency }
    }

    async fn send(&self, out: &Outbound) -> SendResult {
        let channel: u64 = out.to.channel.parse().map_err(|_| {
            DeliveryError::permanent(Problem::ChannelGone, format!("`{}` is not a channel id", out.to.channel))
        })?;
        let channel = ChannelId::new(channel);
        // What the bot posts on its own is in the server's language.
        let lang = out.reply.lang.unwrap_or_default();
        let r = render(&out.reply, lang);
        if let Sendable::Post(_, Part::Reveal) = out.what
            && let Some(id) = out.message_ref.as_deref().and_then(|m| m.parse::<u64>().ok())
        {
            let edit = || {
                let edit =
                    EditMessage::new().content(&r.content).components(r.rows.clone()).allowed_mentions(no_mentions());
                channel.edit_message(&self.http, MessageId::new(id), edit)
            };
            match call_in_turn(&*self.pace, rate_limited, edit).await {
                Ok(_) => {
                    // The question's thread has the question message's id.
                    let warning = match &out.thread {
                        Some(_) => self.reveal_in_thread(ChannelId::new(id), &r.content).await,
                        None => None,
                    };
                    return Ok(Sent { message_ref: None, warning });
                }
                // The question message is gone: post the reveal on its own.
                Err(e) if json_code(&e) == Some(UNKNOWN_MESSAGE) => {
                    tracing::warn!(channel = %channel, message = id, "the question message is gone; posting the reveal");
                }
                Err(e) => return Err(classify(&e)),
            }
        }
        // Discord drops a second message with the same nonce, so a send cut
        // off by a crash can safely be repeated.
        let nonce = match out.what {
            Sendable::Post(post, Part::Question) => format!("qm-{post}-q"),
            Sendable::Post(post, Part::Reveal) => format!("qm-{post}-r"),
            Sendable::Recap(recap) => format!("qm-recap-{recap}"),
        };
        // A recap's chart goes as an attachment, which Discord shows inline.
        let image = out.reply.image();
        let post = || {
            let mut msg = CreateMessage::new()
                .content(&r.content)
                .components(r.rows.clone())
                .allowed_mentions(mentions_of(&out.reply))
                .nonce(Nonce::String(nonce.clone()))
                .enforce_nonce(true);
            if let Some(image) = image {
                msg = msg.add_file(
                    CreateAttachment::bytes(image.png.to_vec(), image.file_name.as_str())
                        .description(super::render::plain(&image.alt, lang)),
                );
            }
            channel.send_message(&self.http, msg)
        };
        let sent = call_in_turn(&*self.pace, rate_limited, post).await.map_err(|e| classify(&e))?;
        if !out.what.is_question() {
            return Ok(Sent::default());
        }
        let warning = match &out.thread {
            Some(name) => self.open_thread(channel, sent.id, &super::render::plain(name, lang)).await,
            None => None,
        };
        Ok(Sent { message_ref: Some(sent.id.to_string()), warning })
    }

    /// Opens the discussion thread on a question message; what went wrong, if anything.
    async fn open_thread(&self, channel: ChannelId, message: MessageId, name: &str) -> Option<(Problem, String)> {
        let open = || {
            let thread = CreateThread::new(name).auto_archive_duration(AutoArchiveDuration::OneDay);
            channel.create_thread_from_message(&self.http, message, thread)
        };
        let e = call_in_turn(&*self.pace, rate_limited, open).await.err()?;
        thread_problem(&e, "could not open the question's thread")
    }

    /// Posts the reveal in the question's thread too; what went wrong, if anything.
    async fn reveal_in_thread(&self, thread: ChannelId, content: &str) -> Option<(Problem, String)> {
        let post =
            || thread.send_message(&self.http, CreateMessage::new().content(content).allowed_mentions(no_mentions()));
        let e = call_in_turn(&*self.pace, rate_limited, post).await.err()?;
        thread_problem(&e, "could not post the reveal in the question's thread")
    }
}

/// A thread step's failure: a permanent one (a 403: Create Public Threads
/// or Send Messages in Threads missing) becomes the channel's problem for
/// admins to see; anything else is logged, as the message itself went out.
fn thread_problem(e: &serenity::Error, what: &str) -> Option<(Problem, String)> {
    match classify(e) {
        DeliveryError::Permanent { problem: Problem::NoAccess | Problem::MissingPermissions, detail } => {
            Some((Problem::ThreadsDenied, format!("{what}: {detail}")))
        }
        // No thread there (deleted, or threads were turned on after the
        // question went out): nothing for admins to fix.
        other @ DeliveryError::Permanent { problem: Problem::ChannelGone, .. } => {
            tracing::info!(error = %other, "{what}");
            None
        }
        DeliveryError::Permanent { problem, detail } => Some((problem, format!("{what}: {detail}"))),
        other => {
            tracing::warn!(error = %other, "{what}");
            None
        }
    }
}

/// How long a 429 asks to wait. serenity keeps the body's code and message
/// but not `retry_after`; a second is Discord's global window.
fn rate_limited(e: &serenity::Error) -> Option<StdDuration> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 429 => {
            Some(StdDuration::from_secs(1))
        }
        _ => None,
    }
}

/// Discord's JSON error codes the sender tells apart.
const MISSING_ACCESS: isize = 50001;
const UNKNOWN_MESSAGE: isize = 10008;

fn json_code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.error.code),
        _ => None,
    }
}

/// A failed REST call as a [`DeliveryError`].
fn classify(e: &serenity::Error) -> DeliveryError {
    let serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) = e else {
        // The network, a timeout, or a body that would not decode.
        return DeliveryError::Temporary(e.to_string());
    };
    let detail = format!("{} {}: {}", r.status_code.as_u16(), r.error.code, r.error.message);
    match (r.status_code.as_u16(), r.error.code) {
        (429, _) => DeliveryError::RateLimited(rate_limited(e).unwrap_or(StdDuration::from_secs(1))),
        (401, _) => DeliveryError::permanent(Problem::BotRemoved, detail),
        (403, MISSING_ACCESS) => DeliveryError::permanent(Problem::NoAccess, detail),
        // 50013 Missing Permissions, and any other refusal to post.
        (403, _) => DeliveryError::permanent(Problem::MissingPermissions, detail),
        (404, _) => DeliveryError::permanent(Problem::ChannelGone, detail),
        (s, _) if s >= 500 => DeliveryError::Temporary(detail),
        _ => DeliveryError::Rejected(detail),
    }
}

impl Deliver for Poster {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn dedupes(&self) -> bool {
        true
    }

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = SendResult> + Send + 'a>> {
        Box::pin(self.send(out))
    }
}
