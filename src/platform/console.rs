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
use crate::i18n::Lang;
use crate::ids::Platform;
use crate::msg;
use crate::reply::{self, Reply, Visibility};
use crate::scheduler::{self, Clock, Sent};
use crate::service::{Ctx, Locale, Outbound, Service};

pub const PLATFORM: Platform = Platform::Console;
const GUILD: &str = "local";
const CHANNEL: &str = "local";

/// Runs the console until end of input, `/quit`, or `cancel` fires.
/// `echo` repeats each command line (for piped input, where it is not shown).
/// Scheduled questions and reveals of the local channel appear as they fall due.
#[allow(clippy::too_many_arguments)]
pub async fn run<R: AsyncBufRead + Unpin, W: Write>(
    service: Arc<Service>,
    clock: Arc<dyn Clock>,
    default_user: &str,
    lang: Lang,
    input: R,
    mut out: W,
    echo: bool,
    cancel: CancellationToken,
) -> std::io::Result<()> {
    writeln!(out, "{}\n", lang.tr(&msg!("console-banner")))?;
    let mut user = default_user.to_string();
    let mut prompted = false;
    let mut lines = input.lines();
    let mut changed = service.subscribe();
    let mut shown_due = None;
    // A form being filled in: what it is and the values so far.
    let mut form: Option<Filling> = None;
    loop {
        if !echo && !prompted {
            write!(out, "{user}> ")?;
            out.flush()?;
            prompted = true;
        }
        let now = clock.now();
        let wake = scheduler::next_pass(&service, now, PLATFORM).await;
        if wake <= now && shown_due != Some(wake) {
            // Due already: shown before the next command is read (once per
            // instant, so a pass that keeps failing cannot hold up the input).
            shown_due = Some(wake);
            if deliver(&service, now, &mut out, prompted && !echo, lang).await? > 0 {
                prompted = false;
            }
            continue;
        }
        // In this order: what is due is shown before the next command is
        // read, so a script's output is the same on every run.
        let line = tokio::select! {
            biased;
            () = cancel.cancelled() => None,
            () = clock.sleep_until(wake) => Some(None),
            _ = changed.changed() => Some(None),
            line = lines.next_line() => line?.map(Some),
        };
        let Some(line) = line else { break };
        let Some(line) = line else {
            // Something fell due, or a command changed what is scheduled.
            if deliver(&service, clock.now(), &mut out, prompted && !echo, lang).await? > 0 {
                prompted = false;
            }
            continue;
        };
        prompted = false;
        let mut session = Session { service: &service, clock: &*clock, out: &mut out, echo, user: &mut user, lang };
        if let Some(filling) = &mut form {
            match session.form_line(filling, &line).await? {
                FormLine::Open => {}
                FormLine::Dropped => form = None,
                FormLine::Sent(reply) => {
                    form = Filling::start(&reply, session.out, lang)?;
                    writeln!(session.out)?;
                }
            }
            continue;
        }
        match session.line(line.trim()).await? {
            Said::Quit => break,
            Said::Reply(reply) => {
                form = Filling::start(&reply, session.out, lang)?;
                writeln!(session.out)?;
            }
            Said::Nothing => {}
        }
    }
    writeln!(out, "{}", lang.tr(&msg!("console-bye")))?;
    out.flush()
}

/// One line of input: who types it, and where the answer goes.
struct Session<'a, W> {
    service: &'a Service,
    clock: &'a dyn Clock,
    out: &'a mut W,
    echo: bool,
    user: &'a mut String,
    lang: Lang,
}

/// What a line while a form is open did.
enum FormLine {
    /// Added to the form, which stays open.
    Open,
    /// `/cancel`: nothing was sent.
    Dropped,
    /// An empty line sent it; this is the answer.
    Sent(Reply),
}

/// What a line outside a form did.
enum Said {
    Quit,
    /// A command's reply (which may open a form).
    Reply(Reply),
    Nothing,
}

impl<W: Write> Session<'_, W> {
    fn ctx(&self) -> Ctx {
        Ctx {
            platform: PLATFORM,
            guild: GUILD.into(),
            channel: CHANNEL.into(),
            user_id: self.user.to_lowercase(),
            user_name: self.user.clone(),
            is_admin: true,
            now: self.clock.now(),
            // The console's one server is this machine: its language is the console's.
            locale: Locale { own: Some(self.lang), server: Some(self.lang) },
        }
    }

    async fn form_line(&mut self, filling: &mut Filling, line: &str) -> std::io::Result<FormLine> {
        if self.echo {
            writeln!(self.out, "{}> {line}", self.user)?;
        }
        match line.trim() {
            "/cancel" => {
                writeln!(self.out, "{}\n", self.lang.tr(&msg!("console-form-dropped")))?;
                Ok(FormLine::Dropped)
            }
            "" => {
                let reply = match crate::command::parse_form(&filling.id, &filling.values) {
                    Some(cmd) => self.service.handle_async(self.ctx(), cmd).await,
                    None => Reply::error(msg!("not-our-button")),
                };
                write_reply(self.out, &reply, self.user, self.lang)?;
                Ok(FormLine::Sent(reply))
            }
            _ => {
                filling.take(line);
                Ok(FormLine::Open)
            }
        }
    }

    async fn line(&mut self, line: &str) -> std::io::Result<Said> {
        if line.is_empty() {
            return Ok(Said::Nothing);
        }
        if self.echo {
            writeln!(self.out, "{}> {line}", self.user)?;
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let said = match word {
            "/quit" | "/exit" => return Ok(Said::Quit),
            "/as" => {
                match rest.trim() {
                    "" => writeln!(self.out, "{}", self.lang.tr(&msg!("console-as-usage")))?,
                    name => {
                        *self.user = name.chars().filter(|c| !c.is_control()).take(64).collect();
                        writeln!(self.out, "{}", self.lang.tr(&msg!("console-you-are", name = &*self.user)))?;
                    }
                }
                Said::Nothing
            }
            "/quiz" => {
                let reply = self.service.handle_text_async(self.ctx(), rest).await;
                write_reply(self.out, &reply, self.user, self.lang)?;
                // The caller shows the form it may open, then the blank line.
                return Ok(Said::Reply(reply));
            }
            _ => {
                writeln!(self.out, "{}", self.lang.tr(&msg!("console-unknown")))?;
                Said::Nothing
            }
        };
        writeln!(self.out)?;
        Ok(said)
    }
}

/// A form filled in line by line: `name: value` starts a field, a line
/// without a field's name continues the one before (a list, one per line).
struct Filling {
    id: String,
    names: Vec<&'static str>,
    values: Vec<(String, String)>,
    /// The field named last, which a line without a name continues.
    current: Option<usize>,
}

impl Filling {
    /// The form a reply asks for, if it is one; says how to fill it in and
    /// shows what its fields hold already.
    fn start(reply: &Reply, out: &mut impl Write, lang: Lang) -> std::io::Result<Option<Filling>> {
        let card = match &reply.body {
            reply::Body::Form(card) => card,
            // Not accepted: the same form again, holding what was sent.
            reply::Body::Invalid(invalid) => &invalid.retry,
            _ => return Ok(None),
        };
        writeln!(out, "{}", lang.tr(&msg!("console-form")))?;
        let values: Vec<(String, String)> = card.fields.iter().map(|f| (f.id.to_string(), f.value.clone())).collect();
        for (name, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
            writeln!(out, "{name}: {}", value.replace('\n', &format!("\n{}", " ".repeat(name.len() + 2))))?;
        }
        Ok(Some(Filling {
            id: card.id.clone(),
            names: card.fields.iter().map(|f| f.id).collect(),
            values,
            current: None,
        }))
    }

    fn take(&mut self, line: &str) {
        let named = line.split_once(':').map(|(n, v)| (n.trim(), v.trim())).filter(|(n, _)| self.names.contains(n));
        match (named, self.current) {
            (Some((name, value)), _) => {
                let i = self.values.iter().position(|(n, _)| n == name).unwrap_or_else(|| {
                    self.values.push((name.to_string(), String::new()));
                    self.values.len() - 1
                });
                self.values[i].1 = value.to_string();
                self.current = Some(i);
            }
            // One more line of the field named last.
            (None, Some(i)) => {
                self.values[i].1.push('\n');
                self.values[i].1.push_str(line.trim());
            }
            (None, None) => {}
        }
    }
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
    lang: Lang,
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
        write_reply(out, reply, "", lang)?;
        if let Some(path) = file {
            writeln!(out, "{}", lang.tr(&msg!("chart-saved", path = &path.display().to_string())))?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(shown.len())
}

/// Prints a reply the way a channel would show it.
pub fn write_reply(out: &mut impl Write, reply: &Reply, user: &str, lang: Lang) -> std::io::Result<()> {
    let who = match reply.visibility {
        Visibility::Private => format!("[{}]", lang.tr(&msg!("console-private", user = user))),
        Visibility::Public => "[#local]".to_string(),
    };
    let shown = reply.lang.unwrap_or(lang);
    writeln!(out, "{who}\n{}", reply::render(&reply.body, &reply::PLAIN, shown))?;
    for action in reply.actions() {
        writeln!(out, "  [{}] {}", shown.tr(&action.label), action.command)?;
    }
    Ok(())
}
