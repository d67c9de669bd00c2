//! A local chat in the terminal: one channel, a default user, `/as NAME` to
//! switch user. The zero-setup default when no platform is configured. It
//! reads lines from any input, so it can be scripted with a pipe, and exits
//! cleanly at end of input.

use std::future::Future;
use std::io::Write;
use std::sync::Arc;

use chrono::Utc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::reply::{self, Reply, Visibility};
use crate::service::{Ctx, Service};

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
pub async fn run<R, W>(
    service: Arc<Service>,
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
    let mut lines = input.lines();
    tokio::pin!(shutdown);
    loop {
        if !echo {
            write!(out, "{user}> ")?;
            out.flush()?;
        }
        let line = tokio::select! {
            line = lines.next_line() => line?,
            () = &mut shutdown => None,
        };
        let Some(line) = line else { break };
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
                    now: Utc::now(),
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

/// Prints a reply the way a channel would show it.
pub fn write_reply(out: &mut impl Write, reply: &Reply, user: &str) -> std::io::Result<()> {
    let who = match reply.visibility {
        Visibility::Private => format!("[private to {user}]"),
        Visibility::Public => "[#local]".to_string(),
    };
    writeln!(out, "{who}\n{}", reply::render(&reply.body, &reply::PLAIN))
}
