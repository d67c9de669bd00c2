//! A local chat in the terminal: one channel, a default user, `/as NAME` to
//! switch user. The zero-setup default when no platform is configured. It
//! reads lines from any input, so it can be scripted with a pipe, and exits
//! cleanly at end of input.

use std::future::Future;
use std::io::Write;
use std::sync::Arc;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::reply::{self, Reply, Visibility};
use crate::scheduler::{self, Clock};
use crate::service::{Ctx, Outbound, Service};

pub const PLATFORM: &str = "console";
const GUILD: &str = "local";
const CHANNEL: &str = "local";

const BANNER: &str = "\
Quizmaster — local console mode.
No Discord or Slack credentials are configured, so this is a local chat with
one channel. Type /quiz help for the commands, /as NAME to play as someone
else, /quit (or end of input) to leave. To connect a real platform, see
\"Connecting Discord and Slack\" in README.md.";

/// Runs the console until end of input, `/quit`, or `shutdown` resolves.
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
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: Write,
{
    writeln!(out, "{BANNER}\n")?;
    let mut user = default_user.to_string();
    let mut prompted = false;
    let mut lines = input.lines();
    tokio::pin!(shutdown);
    loop {
        if !echo && !prompted {
            write!(out, "{user}> ")?;
            out.flush()?;
            prompted = true;
        }
        let wake = scheduler::next_pass(&service, clock.now());
        let line = tokio::select! {
            line = lines.next_line() => line?,
            () = clock.sleep_until(wake) => {
                if deliver(&service, clock.now(), &mut out, prompted && !echo).await? > 0 {
                    prompted = false;
                }
                continue;
            }
            () = service.changed() => {
                if deliver(&service, clock.now(), &mut out, prompted && !echo).await? > 0 {
                    prompted = false;
                }
                continue;
            }
            () = &mut shutdown => None,
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
                "" => writeln!(out, "Usage: /as NAME")?,
                name => {
                    user = name.chars().filter(|c| !c.is_control()).take(64).collect();
                    writeln!(out, "You are now {user}.")?;
                }
            },
            "/quiz" => {
                let ctx = Ctx {
                    platform: PLATFORM.into(),
                    guild: GUILD.into(),
                    channel: CHANNEL.into(),
                    user_id: user.to_lowercase(),
                    user_name: user.clone(),
                    is_admin: true,
                    now: clock.now(),
                };
                let reply = service.handle_text(&ctx, rest);
                write_reply(&mut out, &reply, &user)?;
            }
            _ => writeln!(out, "Commands start with /quiz (try /quiz help), or /as NAME, or /quit.")?,
        }
        writeln!(out)?;
    }
    writeln!(out, "Bye.")?;
    out.flush()
}

/// Shows what the schedule has due in the local channel.
/// `mid_prompt`: a prompt is showing, so start on a new line. Returns how many messages were shown.
async fn deliver(
    service: &Service,
    now: chrono::DateTime<chrono::Utc>,
    out: &mut impl Write,
    mid_prompt: bool,
) -> std::io::Result<usize> {
    let mut first = mid_prompt;
    let send = async |o: &Outbound| -> scheduler::SendResult {
        if std::mem::take(&mut first) {
            writeln!(out).map_err(|e| e.to_string())?;
        }
        write_reply(out, &o.reply, "").and_then(|()| writeln!(out)).map_err(|e| e.to_string())?;
        Ok(None)
    };
    // Printing cannot be de-duplicated: a print cut off by a crash is not repeated.
    let shown = scheduler::deliver_due(service, now, PLATFORM, false, send).await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "scheduled pass failed");
        0
    });
    out.flush()?;
    Ok(shown)
}

/// Prints a reply the way a channel would show it.
pub fn write_reply(out: &mut impl Write, reply: &Reply, user: &str) -> std::io::Result<()> {
    let who = match reply.visibility {
        Visibility::Private => format!("[private to {user}]"),
        Visibility::Public => "[#local]".to_string(),
    };
    writeln!(out, "{who}\n{}", reply::render(&reply.body, &reply::PLAIN))
}
