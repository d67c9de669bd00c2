//! `/quiz archive [n]`: the channel's last revealed daily questions with
//! their right answers, for the asker alone. Read off the writer.

use super::writer::Scope;
use super::{find_item, text};
use crate::content::Bank;
use crate::i18n::Arg;
use crate::msg;
use crate::reply::{Body, Reply};
use crate::store::{self, Store};

pub(super) fn list(store: &Store, bank: &Bank, scope: &Scope, count: usize) -> store::Result<Reply> {
    let revealed = store.revealed_questions(store::Scope::Channel(scope.who.channel), count)?;
    if revealed.is_empty() {
        return Ok(Reply::info(msg!("archive-empty")));
    }
    let mut lines = vec![msg!("archive-head", count = revealed.len())];
    for q in revealed {
        let Some(found) = find_item(store, bank, &q.item_id)? else { continue };
        lines.push(msg!(
            "archive-item",
            date = &q.local_date,
            title = text::title_of(&found.item),
            answer = Arg::strong(Arg::Rich(found.item.right_answer())),
            right = q.right,
            answered = q.answered
        ));
    }
    Ok(Reply::private(Body::Info(lines)))
}
