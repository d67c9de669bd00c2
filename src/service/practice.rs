//! `/quiz` and `/quiz play [category]`: a private practice question, chosen
//! to favour what the player missed before.

use super::writer::{Scope, State};
use super::{Ctx, question_card, text};
use crate::command::QuestionRef;
use crate::quiz::selection;
use crate::reply::{Body, Mode, Reply};
use crate::store;

pub(super) fn play(state: &mut State, scope: &Scope, ctx: &Ctx, category: Option<String>) -> store::Result<Reply> {
    let core = std::sync::Arc::clone(&state.core);
    let bank = &core.bank;
    let categories: Vec<String> = category.into_iter().collect();
    if let Some(c) = categories.first()
        && !bank.categories().contains(c)
    {
        return Ok(Reply::error(text::no_category(c, bank.categories())));
    }
    let pool = bank.pool(&categories);
    let history = state.store.answer_history(scope.who.user)?;
    let last = state.store.latest_practice(scope.who.user, scope.who.guild)?.map(|q| q.item_id);
    let Some(item_id) = selection::practice(&pool, &history, last.as_deref(), &mut state.rng).map(str::to_string)
    else {
        return Ok(Reply::error(text::EMPTY_BANK));
    };
    let id = state.store.create_practice(scope.who.user, scope.who.guild, &item_id, store::millis(ctx.now))?;
    let item = core.item(&item_id)?;
    Ok(Reply::private(Body::Question(question_card(bank, item, QuestionRef::Practice(id), Mode::Practice, None))))
}
