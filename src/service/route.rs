//! The one place a command is routed: the rate limit, then reads on the
//! readers' pool, writes as jobs on the writer, answers into its batches;
//! every command counted under its table entry.

use std::sync::Arc;

use super::writer::State;
use super::{Ctx, Service, admin, answers, archive, boards, daily, page_token, practice, suggestions, text};
use crate::command::{self, AdminCommand, Command};
use crate::msg;
use crate::reply::{Body, HelpCard, Reply};
use crate::store;

impl Service {
    /// Handles a command and waits for its reply without an async runtime
    /// (tools, tests, and threads of their own).
    pub fn handle(&self, ctx: &Ctx, cmd: Command) -> Reply {
        futures_executor::block_on(self.route(ctx.clone(), cmd, true))
    }

    /// Parses a command line (what follows `/quiz`) and handles it, blocking.
    pub fn handle_text(&self, ctx: &Ctx, text: &str) -> Reply {
        match command::parse(text, self.core.rules.max_input_chars) {
            Ok(cmd) => self.handle(ctx, cmd),
            Err(e) => Reply::error(e.msg()),
        }
    }

    /// Handles a command for an async adapter: writes wait for the writer
    /// without holding a thread, reads run on the blocking pool.
    pub async fn handle_async(&self, ctx: Ctx, cmd: Command) -> Reply {
        self.route(ctx, cmd, false).await
    }

    /// Like [`Service::handle_text`], for async adapters.
    pub async fn handle_text_async(&self, ctx: Ctx, text: &str) -> Reply {
        match command::parse(text, self.core.rules.max_input_chars) {
            Ok(cmd) => self.handle_async(ctx, cmd).await,
            Err(e) => Reply::error(e.msg()),
        }
    }

    /// The one place a command is routed. `inline`: reads run on the
    /// caller's thread (it may block) rather than the blocking pool.
    async fn route(&self, ctx: Ctx, cmd: Command, inline: bool) -> Reply {
        // A name is stored and shown without the characters that would
        // change how the text around it reads.
        let ctx = Ctx { user_name: crate::i18n::shown_name(&ctx.user_name, &ctx.user_id), ..ctx };
        let kind = cmd.entry().map_or("other", |e| e.label());
        let refused = matches!(&cmd, Command::Admin(_)) && !ctx.is_admin;
        let reader = ctx.clone();
        let reply = self.dispatch(ctx, cmd, inline).await;
        let reply = self.in_their_language(&reader, reply, inline).await;
        let outcome = match &reply.body {
            _ if refused => "refused",
            Body::Error(_) => "error",
            _ => "ok",
        };
        self.core.metrics.command(kind, outcome);
        reply
    }

    /// A command whose reply nobody sees (a reply in a discussion's
    /// thread): routed and counted like any other, never put in a language.
    pub(super) async fn handle_quietly(&self, ctx: Ctx, cmd: Command) -> Reply {
        let ctx = Ctx { user_name: crate::i18n::shown_name(&ctx.user_name, &ctx.user_id), ..ctx };
        let kind = cmd.entry().map_or("other", |e| e.label());
        let reply = self.dispatch(ctx, cmd, false).await;
        self.core.metrics.command(kind, if matches!(reply.body, Body::Error(_)) { "error" } else { "ok" });
        reply
    }

    async fn dispatch(&self, ctx: Ctx, cmd: Command, inline: bool) -> Reply {
        if !self.limits.admit(self.core.rules.rate, &ctx) {
            self.core.metrics.rate_limited(ctx.platform.as_str());
            return Reply::error(msg!("too-fast"));
        }
        let result = match cmd {
            Command::Answer { answer, question } => {
                let (job, reply) = answers::job(ctx, answer, question);
                self.writer.answer(job);
                return reply.await.unwrap_or_else(|_| Reply::error(msg!("try-again")));
            }
            Command::Help => Ok(Reply::private(Body::Help(HelpCard { commands: text::help() }))),
            Command::ForgetMe { confirm: false } => Ok(Reply::info(text::forget_me_first(ctx.platform))),
            Command::ForgetMe { confirm: true } => self.write(move |w| forget(w, &ctx)).await,
            Command::Suggest { discussion } => {
                Ok(suggestions::form(&crate::content::own::Draft { discussion, ..Default::default() }, None))
            }
            Command::SubmitSuggestion(draft) => {
                self.write(move |w| w.scope(&ctx).and_then(|s| suggestions::submit(w, &s, &draft, ctx.now))).await
            }
            Command::Archive { count } => {
                let core = Arc::clone(&self.core);
                self.read_scoped(ctx, false, inline, move |r, s, _| archive::list(r, &core.bank, s, count)).await
            }
            Command::Suggestions => self.read_scoped(ctx, false, inline, |r, s, _| suggestions::mine(r, s)).await,
            Command::Web => {
                let (Some(base), Some(key)) = (self.core.rules.web_url.clone(), self.core.rules.page_key) else {
                    return Reply::error(msg!("web-off"));
                };
                self.write(move |w| {
                    let guild = w.scope(&ctx)?.who.guild;
                    let token = w.store.web_token(guild, false, ctx.now, &|g| page_token(&key, guild, g))?;
                    Ok(Reply::private(Body::Info(text::web_link(&base, &token))))
                })
                .await
            }
            Command::Admin(admin) if !ctx.is_admin => {
                tracing::info!(user = %ctx.user_id, ?admin, "admin command refused");
                Ok(Reply::error(text::not_admin(ctx.platform)))
            }
            Command::Admin(admin) => {
                let (platform, guild) = (ctx.platform, ctx.guild.clone());
                let language = matches!(admin, AdminCommand::Language(_));
                let reply = self.write(move |w| w.scope(&ctx).and_then(|s| admin::run(w, &s, &ctx, admin))).await;
                if language {
                    // The server's language changed: read it again.
                    self.languages.forget(platform, &guild);
                }
                self.nudge();
                reply
            }
            Command::Play { category } => {
                self.write(move |w| w.scope(&ctx).and_then(|s| practice::play(w, &s, &ctx, category))).await
            }
            Command::SeasonBoard { name } => {
                self.read_scoped(ctx, false, inline, move |r, s, ctx| boards::season(r, s, ctx, name)).await
            }
            Command::Leaderboard { period, sort, board } => {
                self.read_scoped(ctx, true, inline, move |r, s, ctx| {
                    boards::leaderboard(r, s, ctx, period, sort, board)
                })
                .await
            }
            Command::Stats { user } => {
                self.read_scoped(ctx, false, inline, move |r, s, ctx| boards::stats(r, s, ctx, user)).await
            }
            Command::Streak => self.read_scoped(ctx, false, inline, |r, s, _| boards::streak(r, s)).await,
            Command::Review => {
                let core = Arc::clone(&self.core);
                self.read_scoped(ctx, false, inline, move |r, s, ctx| practice::review(r, &core.bank, s, ctx.now)).await
            }
        };
        result.unwrap_or_else(|e| Reply::error(text::store_failure(&e)))
    }
}

/// `/quiz forget-me confirm`: the player's answers and everything counted
/// from them go, and the boards are built again without them.
fn forget(w: &mut State, ctx: &Ctx) -> store::Result<Reply> {
    let scope = w.scope(ctx)?;
    daily::settle_all(w)?;
    let gone = w.store.forget_player(scope.who.guild, scope.who.user)?;
    w.store.rebuild_totals(scope.who.guild, scope.tz)?;
    tracing::info!(guild = %scope.who.guild, user = %scope.who.user, gone, "a player's data was deleted at their request");
    Ok(Reply::info(msg!("forgotten", answers = gone)))
}
