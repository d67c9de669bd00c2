//! `/quiz` and `/quiz play [category]`: a private practice question, chosen
//! by spaced repetition (the most overdue card first, then an item the
//! player has not seen from the category they practised least).

use super::writer::{Scope, State};
use super::{Ctx, question_card, text};
use crate::command::QuestionRef;
use crate::msg;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use crate::content::Bank;
use crate::quiz::{localtime, srs};
use crate::reply::{Body, Mode, Reply};
use crate::store;
use crate::store::Store;

pub(super) fn play(state: &mut State, scope: &Scope, ctx: &Ctx, category: Option<String>) -> store::Result<Reply> {
    let core = std::sync::Arc::clone(&state.core);
    let bank = &core.bank;
    let categories: Vec<String> = category.into_iter().collect();
    if let Some(c) = categories.first()
        && !bank.categories().contains(c)
    {
        return Ok(Reply::error(text::no_category(c, bank.categories())));
    }
    let entries = super::pool(&state.store, bank, scope.who.guild, &categories)?;
    let pool: Vec<(&str, &str)> = entries.iter().map(|(id, c)| (id.as_ref(), c.as_ref())).collect();
    let cards = state.store.cards(scope.who.user)?;
    // Never the question the channel is answering right now.
    let open = state.store.open_post(scope.who.channel)?.map(|p| p.item_id);
    let exclude: HashSet<&str> = open.as_deref().into_iter().collect();
    let Some(item_id) = srs::next_practice(&pool, &cards, &exclude, ctx.now, &mut state.rng).map(str::to_string) else {
        return Ok(Reply::error(msg!("empty-bank")));
    };
    let id = state.store.create_practice(scope.who.user, scope.who.guild, &item_id, ctx.now)?;
    let found = core.item(&state.store, &item_id)?;
    Ok(Reply::private(Body::Question(question_card(bank, &found, QuestionRef::Practice(id), Mode::Practice, None))))
}

/// `/quiz review`: the player's cards due now, later today (in the server's
/// zone) and when the next one is due.
pub(super) fn review(store: &Store, bank: &Bank, scope: &Scope, now: DateTime<Utc>) -> store::Result<Reply> {
    // Only questions that can still be asked here (not retired).
    let entries = super::pool(store, bank, scope.who.guild, &[])?;
    let live: HashSet<&str> = entries.iter().map(|(id, _)| id.as_ref()).collect();
    let mut cards = store.cards(scope.who.user)?;
    cards.retain(|id, _| live.contains(id.as_str()));
    let tomorrow = now.with_timezone(&scope.tz).date_naive().succ_opt();
    let day_end =
        tomorrow.and_then(|d| localtime::start_of_day(scope.tz, d)).unwrap_or(now + chrono::Duration::days(1));
    let outlook = srs::outlook(cards.values(), now, day_end);
    Ok(Reply::private(Body::Info(text::review_outlook(&outlook, cards.len(), scope.tz))))
}
