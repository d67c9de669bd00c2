//! A local chat in the terminal: one channel, a default user, `/as NAME` to
//! switch user. The zero-setup default when no platform is configured. It
//! reads lines from any input, so it can be scripted with a pipe, and exits
//! cleanly at end of input.

use std::future::Future;
use std::io::Write;
use std::pin::Pin;
use std::sync::Arc;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio_util::sync::CancellationToken;

use crate::delivery::DeliveryError;
use crate::ids::{Platform, Share};
use crate::reply::{self, Reply, Visibility};
use crate::scheduler::{self, Clock, Sent};
use crate::service::{Ctx, Outbound, Service, text};

pub const PLATFORM: Platform = Platform::Console;
const GUILD: &str = "local";
const CHANNEL: &str = "local";

/// Runs the console until end of input, `/quit`, or `cancel` fires.
/// `echo` repeats each command line (for piped input, where it is not shown).
/// Scheduled questions and reveals of the local channel appear as they fall due.
#[allow(clippy::too_many_arguments)]
pub async fn run<R, W>(
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    default_user: &str,
    input: R,
    mut out: W,
    echo: bool,
    cancel: CancellationToken,
) -> std::io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: Write,
{
    writeln!(out, "{}\n", text::CONSOLE_BANNER)?;
    let mut user = default_user.to_string();
    let mut prompted = false;
    let mut lines = input.lines();
    let mut changed = service.subscribe();
    let mut shown_due = None;
    loop {
        if !echo && !prompted {
            write!(out, "{user}> ")?;
            out.flush()?;
            prompted = true;
        }
        let now = clock.now();
        let wake = scheduler::next_pass(&service, now, PLATFORM, Share::ALL).await;
        if wake <= now && shown_due != Some(wake) {
            // Due already: shown before the next command is read (once per
            // instant, so a pass that keeps failing cannot hold up the input).
            shown_due = Some(wake);
            if deliver(&service, now, &mut out, prompted && !echo).await? > 0 {
                prompted = false;
            }
            continue;
        }
        // In this order: what is due is shown before the next command is
        // read, so a script's output is the same on every run.
        let line = tokio::select! {
            biased;
            () = cancel.cancelled() => None,
            () = clock.sleep_until(wake) => {
                if deliver(&service, clock.now(), &mut out, prompted && !echo).await? > 0 {
                    prompted = false;
                }
                continue;
            }
            _ = changed.changed() => {
                if deliver(&service, clock.now(), &mut out, prompted && !echo).await? > 0 {
                    prompted = false;
                }
                continue;
            }
            line = lines.next_line() => line?,
        };
        let Some(line) = line else { break };
        prompted = false;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if echo {
            writeln!(out, "{user}> {line}")?;
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        match word {
            "/quit" | "/exit" => break,
            "/as" => match rest.trim() {
                "" => writeln!(out, "{}", text::CONSOLE_AS_USAGE)?,
                name => {
                    user = name.chars().filter(|c| !c.is_control()).take(64).collect();
                    writeln!(out, "{}", text::console_you_are(&user))?;
                }
            },
            "/quiz" => {
                let ctx = Ctx {
                    platform: PLATFORM,
                    guild: GUILD.into(),
                    channel: CHANNEL.into(),
                    user_id: user.to_lowercase(),
                    user_name: user.clone(),
                    is_admin: true,
                    now: clock.now(),
                };
                let reply = service.handle_text_async(ctx, rest).await;
                write_reply(&mut out, &reply, &user)?;
            }
            _ => writeln!(out, "{}", text::CONSOLE_UNKNOWN)?,
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", text::CONSOLE_BYE)?;
    out.flush()
}

/// The local channel's "platform": what the scheduler delivers is kept
/// here and printed after the pass, with the path of the file a picture
/// (the recap's chart) was written to. Printing cannot be de-duplicated, so
/// a print cut off by a crash is not repeated.
struct Printer {
    shown: std::sync::Mutex<Vec<(Reply, Option<std::path::PathBuf>)>>,
    /// Where pictures are written: beside the database.
    files: std::path::PathBuf,
}

impl scheduler::Deliver for Printer {
    fn platform(&self) -> Platform {
        PLATFORM
    }

    fn dedupes(&self) -> bool {
        false
    }

    fn deliver<'a>(&'a self, out: &'a Outbound) -> Pin<Box<dyn Future<Output = scheduler::SendResult> + Send + 'a>> {
        Box::pin(async move {
            let mut file = None;
            if let Some(image) = out.reply.image() {
                let name = match out.what {
                    crate::ids::Sendable::Recap(id) => format!("recap-{id}.png"),
                    _ => image.file_name.clone(),
                };
                let path = self.files.join(name);
                tokio::fs::write(&path, &image.png[..])
                    .await
                    .map_err(|e| DeliveryError::Temporary(format!("writing {}: {e}", path.display())))?;
                file = Some(path);
            }
            self.shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((out.reply.clone(), file));
            Ok(Sent::default())
        })
    }
}

/// Shows what the schedule has due in the local channel.
/// `mid_prompt`: a prompt is showing, so start on a new line. Returns how many messages were shown.
async fn deliver(
    service: &Service,
    now: chrono::DateTime<chrono::Utc>,
    out: &mut impl Write,
    mid_prompt: bool,
) -> std::io::Result<usize> {
    let printer = Printer { shown: Default::default(), files: service.files_dir() };
    if let Err(e) = scheduler::pass(service, now, &printer).await {
        tracing::warn!(error = %e, "scheduled pass failed");
    }
    let shown = printer.shown.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    if mid_prompt && !shown.is_empty() {
        writeln!(out)?;
    }
    for (reply, file) in &shown {
        write_reply(out, reply, "")?;
        if let Some(path) = file {
            writeln!(out, "{}", text::chart_saved(&path.display().to_string()))?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(shown.len())
}

/// Prints a reply the way a channel would show it.
pub fn write_reply(out: &mut impl Write, reply: &Reply, user: &str) -> std::io::Result<()> {
    let who = match reply.visibility {
        Visibility::Private => format!("[private to {user}]"),
        Visibility::Public => "[#local]".to_string(),
    };
    writeln!(out, "{who}\n{}", reply::render(&reply.body, &reply::PLAIN))
}
