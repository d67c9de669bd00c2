//! Events API callbacks, over HTTP or Socket Mode: an uninstall or revoked
//! bot tokens forget the workspace and pause its schedules; a member's
//! reply in a discussion post's thread counts as taking part.
//!
//! Replies arrive as `message` events from the channels the bot is in
//! (the `message.channels` and `message.groups` subscriptions, with the
//! `channels:history` and `groups:history` scopes). A reply names the post
//! as its `thread_ts`; edits, bots' messages and other subtypes are passed
//! over, and the text itself is never read.

use serde_json::Value;

use super::{PLATFORM, Slack};

impl Slack {
    pub(super) async fn event(&self, callback: &Value) {
        let team = callback["team_id"].as_str().unwrap_or_default();
        let event = &callback["event"];
        let gone = match event["type"].as_str() {
            Some("message") => return self.thread_reply(team, event).await,
            Some("app_uninstalled") => true,
            Some("tokens_revoked") => event["tokens"]["bot"].as_array().is_some_and(|b| !b.is_empty()),
            _ => false,
        };
        if !gone || team.is_empty() {
            return;
        }
        match self.service.remove_installation(PLATFORM, team.to_string()).await {
            Ok(was) => tracing::info!(team, installed = was, "removed from a workspace; its schedules are paused"),
            Err(e) => tracing::error!(team, error = %e, "could not forget an uninstalled workspace"),
        }
        self.workspaces.forget(team);
    }

    /// A member's message; in a thread, it may be a discussion's reply.
    async fn thread_reply(&self, team: &str, event: &Value) {
        let text = |key: &str| event[key].as_str().filter(|s| !s.is_empty());
        let written = event.get("subtype").is_none() && event.get("bot_id").is_none();
        let (Some(channel), Some(user), Some(ts), Some(thread), true) =
            (text("channel"), text("user"), text("ts"), text("thread_ts"), written)
        else {
            return;
        };
        // The post itself (a thread's parent) is no reply to it. Most
        // threads are about something else: they cost no name lookup.
        if team.is_empty() || ts == thread || !self.service.may_be_discussion(PLATFORM, thread).await {
            return;
        }
        let ctx = self.ctx(team, channel, user, user, false).await;
        self.service.thread_reply(ctx, thread).await;
    }
}
