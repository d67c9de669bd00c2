//! `/quiz suggest`, `/quiz suggestions` and `/quiz admin review`: members
//! write questions, admins approve, reject or edit them, and approved ones
//! join the server's own items (asked by its channels and practice only,
//! credited to their author). A suggestion is checked by the pack rules
//! before it is stored; its lint and any similar item are shown as notes.

use chrono::{DateTime, Utc};

use super::text;
use super::writer::{Scope, State};
use crate::command::{MAX_REASON_CHARS, Review, form_id, review_button};
use crate::content::own::{self, Draft, Field, FieldError};
use crate::content::{Bank, Item, ItemKind, lint};
use crate::i18n::Msg;
use crate::ids::own_item_id;
use crate::msg;
use crate::reply::{Action, Body, FormCard, FormField, InvalidCard, Reply, ReviewCard};
use crate::store::{self, GuildId, Store, Suggestion, SuggestionState};

/// The suggestion form, filled with `draft`; `edit`: the suggestion a
/// reviewer is changing.
pub(super) fn form(draft: &Draft, edit: Option<i64>) -> Reply {
    Reply::private(Body::Form(form_card(draft, edit)))
}

fn form_card(draft: &Draft, edit: Option<i64>) -> FormCard {
    let fields = Field::of(draft.discussion)
        .iter()
        .map(|&f| {
            let (label, hint) = text::field_label(f, draft.discussion);
            FormField {
                id: f.id(),
                label,
                hint,
                value: draft.get(f).to_string(),
                long: matches!(f, Field::Prompt | Field::Options | Field::Explanation),
                required: f != Field::Answer,
                max_chars: f.max_chars(),
            }
        })
        .collect();
    let (form, title) = match (edit, draft.discussion) {
        (Some(_), false) => ("edit", msg!("edit-title")),
        (Some(_), true) => ("edit-discussion", msg!("edit-title")),
        (None, false) => ("suggest", msg!("suggest-title")),
        (None, true) => ("suggest-discussion", msg!("suggest-discussion-title")),
    };
    FormCard { id: form_id(form, edit), title, fields }
}

/// The form asking a reviewer why they turn a suggestion down.
pub(super) fn reject_form(id: i64) -> Reply {
    Reply::private(Body::Form(FormCard {
        id: form_id("reject", Some(id)),
        title: msg!("reject-title"),
        fields: vec![FormField {
            id: "reason",
            label: msg!("reason-label"),
            hint: msg!("reason-hint"),
            value: String::new(),
            long: false,
            required: false,
            max_chars: MAX_REASON_CHARS,
        }],
    }))
}

/// The problems of a form, each under its field's label, with the form
/// refilled with what was sent.
fn invalid(mut errors: Vec<FieldError>, draft: &Draft, edit: Option<i64>) -> Reply {
    errors.sort_by_key(|e| Field::ALL.iter().position(|f| *f == e.field));
    let label = |f| text::field_label(f, draft.discussion).0;
    let problems = errors.into_iter().map(|e| (e.field.id(), label(e.field), e.message)).collect();
    let retry = form_card(draft, edit);
    Reply::private(Body::Invalid(InvalidCard { title: msg!("not-saved"), problems, retry }))
}

/// How many of one member's suggestions may wait for review at once, so
/// one member cannot bury the queue.
const MAX_PENDING: i64 = 10;

/// A filled suggestion form: stored as pending if it passes the pack rules.
pub(super) fn submit(state: &mut State, scope: &Scope, draft: &Draft, now: DateTime<Utc>) -> store::Result<Reply> {
    if state.store.pending_by(scope.who.guild, scope.who.user)? >= MAX_PENDING {
        return Ok(Reply::error(msg!("too-many-pending", max = MAX_PENDING)));
    }
    let item = match draft.check("suggestion", state.core.bank.categories()) {
        Ok(item) => item,
        Err(errors) => return Ok(invalid(errors, draft, None)),
    };
    let id = state.store.add_suggestion(scope.who.guild, scope.who.user, &own::to_toml(&item, "suggestion"), now)?;
    tracing::info!(guild = %scope.who.guild, suggestion = id, "a question was suggested");
    // The author sees the lint only: which items have the same answer would
    // tell a member whether a guess at an open question is right.
    let mut lines = vec![msg!("suggestion-saved", id = id.to_string())];
    lines.extend(lint(&item).into_iter().map(|(_, rule)| msg!("note-line", note = own::pack_rule(rule))));
    Ok(Reply::private(Body::Info(lines)))
}

/// What a reviewer should know: the pack lint, and the bank's or the
/// server's items that ask the same thing.
fn notes(store: &Store, bank: &Bank, guild: GuildId, item: &Item) -> store::Result<Vec<Msg>> {
    let mut out: Vec<Msg> = lint(item).into_iter().map(|(_, rule)| own::pack_rule(rule)).collect();
    let own = own_items(store, guild)?;
    let similar = own::similar(item, bank.live().chain(own.iter()));
    for other in similar.iter().take(MAX_SIMILAR) {
        out.push(msg!("similar-warning", id = &display_id(&other.id), prompt = &other.prompt));
    }
    if similar.len() > MAX_SIMILAR {
        out.push(msg!("more-similar", count = similar.len() - MAX_SIMILAR));
    }
    Ok(out)
}

/// Similar items named on a review card; past these, a count.
const MAX_SIMILAR: usize = 3;

/// A server's own items, read back from the store.
fn own_items(store: &Store, guild: GuildId) -> store::Result<Vec<Item>> {
    Ok(store
        .own_items(guild)?
        .into_iter()
        .filter_map(|o| own::from_stored(&o.item, &own_item_id(guild, &o.slug)).ok())
        .collect())
}

/// An item's id as admins know it: a server's own item by its slug.
fn display_id(id: &str) -> String {
    crate::ids::parse_own_item_id(id).map_or_else(|| id.to_string(), |(_, slug)| slug.to_string())
}

/// `/quiz suggestions`: the member's suggestions here, newest first.
pub(super) fn mine(store: &Store, scope: &Scope) -> store::Result<Reply> {
    let list = store.suggestions_by(scope.who.guild, scope.who.user)?;
    if list.is_empty() {
        return Ok(Reply::info(msg!("no-suggestions")));
    }
    let mut lines = vec![msg!("your-suggestions")];
    for s in list {
        let title = own::from_stored(&s.item, "suggestion").map_or_else(|_| String::new(), |i| text::title_of(&i));
        lines.push(text::suggestion_line(s.id, &title, s.state, s.reason.as_deref()));
    }
    Ok(Reply::private(Body::Info(lines)))
}

/// The review commands, run on the writer (the caller checked the user is an admin).
pub(super) fn review(state: &mut State, scope: &Scope, now: DateTime<Utc>, cmd: Review) -> store::Result<Reply> {
    let guild = scope.who.guild;
    match cmd {
        Review::Next => next(state, scope, None),
        // Rejecting needs no readable item: an unreadable one can go too.
        Review::RejectForm(id) => Ok(match state.store.suggestion(guild, id)? {
            Some(s) if s.state == SuggestionState::Pending => reject_form(id),
            _ => Reply::error(msg!("no-such-suggestion")),
        }),
        Review::Edit(id) => Ok(match pending(&state.store, guild, id)? {
            Ok((_, item)) => form(&Draft::from_item(&item), Some(id)),
            Err(refusal) => refusal,
        }),
        Review::SubmitEdit { id, draft } => {
            let item = match draft.check("suggestion", state.core.bank.categories()) {
                Ok(item) => item,
                Err(errors) => return Ok(invalid(errors, &draft, Some(id))),
            };
            if !state.store.edit_suggestion(guild, id, &own::to_toml(&item, "suggestion"), scope.who.user)? {
                return Ok(Reply::error(msg!("no-such-suggestion")));
            }
            match state.store.suggestion(guild, id)? {
                Some(s) => show(state, scope, s, Some(msg!("edited", id = id.to_string()))),
                None => Ok(Reply::error(msg!("no-such-suggestion"))),
            }
        }
        Review::Reject { id, reason } => {
            if !state.store.reject_suggestion(guild, id, scope.who.user, reason.as_deref(), now)? {
                return Ok(Reply::error(msg!("no-such-suggestion")));
            }
            next(state, scope, Some(msg!("rejected", id = id.to_string())))
        }
        Review::Approve(id) => {
            let (author, item) = match pending(&state.store, guild, id)? {
                Ok(found) => found,
                Err(refusal) => return Ok(refusal),
            };
            if author == Some(scope.who.user) {
                return Ok(Reply::error(msg!("own-suggestion")));
            }
            let taken = state.store.own_slugs(guild)?;
            let slug = (1..)
                .map(|n| if n == 1 { format!("suggestion-{id}") } else { format!("suggestion-{id}-{n}") })
                .find(|s| !taken.contains(s))
                .unwrap_or_default();
            let text = own::to_toml(&item, &slug);
            if !state.store.approve_suggestion(
                guild,
                id,
                scope.who.user,
                (&slug, &item.category, &text, item.is_discussion()),
                now,
            )? {
                return Ok(Reply::error(msg!("no-such-suggestion")));
            }
            tracing::info!(%guild, suggestion = id, %slug, "a suggestion was approved");
            next(state, scope, Some(msg!("approved", id = id.to_string(), slug = &slug)))
        }
    }
}

/// A pending suggestion of this server: its author and item, or the
/// reply refusing it (not pending here, or no longer readable).
fn pending(store: &Store, guild: GuildId, id: i64) -> store::Result<Result<(Option<store::UserId>, Item), Reply>> {
    let Some(s) = store.suggestion(guild, id)?.filter(|s| s.state == SuggestionState::Pending) else {
        return Ok(Err(Reply::error(msg!("no-such-suggestion"))));
    };
    Ok(match own::from_stored(&s.item, "suggestion") {
        Ok(item) => Ok((s.author.map(|(id, _)| id), item)),
        Err(e) => Err(Reply::error(msg!("unreadable-suggestion", why = &e))),
    })
}

/// The oldest pending suggestion, with `note` (what the last action did) above it.
fn next(state: &State, scope: &Scope, note: Option<Msg>) -> store::Result<Reply> {
    match state.store.next_pending(scope.who.guild)? {
        Some(s) => show(state, scope, s, note),
        None => Ok(Reply::private(Body::Info(note.into_iter().chain([msg!("nothing-to-review")]).collect()))),
    }
}

/// One pending suggestion as the review card.
fn show(state: &State, scope: &Scope, s: Suggestion, note: Option<Msg>) -> store::Result<Reply> {
    let (guild, id) = (scope.who.guild, s.id);
    let waiting = state.store.pending_count(guild)?;
    let bank = &state.core.bank;
    let author = s.author.as_ref().map(|(_, n)| n.as_str());
    let item = match own::from_stored(&s.item, "suggestion") {
        Ok(item) => item,
        Err(e) => {
            // Stored before the rules changed, say: it can only be rejected,
            // and must not hold up the ones after it.
            tracing::error!(%guild, suggestion = id, error = %e, "a stored suggestion no longer reads");
            let card = ReviewCard {
                note,
                title: text::review_title(id, author, "?", waiting),
                prompt: String::new(),
                choices: Vec::new(),
                right_answer: String::new(),
                explanation: String::new(),
                notes: Vec::new(),
                warnings: vec![msg!("unreadable-suggestion", why = &e)],
                actions: actions(id).into_iter().filter(|a| a.danger).collect(),
            };
            return Ok(Reply::private(Body::Review(Box::new(card))));
        }
    };
    let card = ReviewCard {
        note,
        title: text::review_title(id, author, &bank.title(&item.category), waiting),
        prompt: item.prompt.clone(),
        choices: match &item.kind {
            ItemKind::Choice { choices, .. } => choices.clone(),
            ItemKind::Text { .. } | ItemKind::Discussion { .. } => Vec::new(),
        },
        right_answer: match &item.kind {
            ItemKind::Text { accept, .. } => accept.join(" / "),
            ItemKind::Choice { .. } | ItemKind::Discussion { .. } => item.right_answer(),
        },
        explanation: item.explanation.clone(),
        notes: match &item.kind {
            ItemKind::Discussion { notes } => notes.clone(),
            ItemKind::Choice { .. } | ItemKind::Text { .. } => Vec::new(),
        },
        warnings: notes(&state.store, bank, guild, &item)?,
        actions: actions(id),
    };
    Ok(Reply::private(Body::Review(Box::new(card))))
}

/// The reviewer's buttons for a suggestion: approve, reject (the danger one), edit.
fn actions(id: i64) -> Vec<Action> {
    text::review_actions()
        .into_iter()
        .map(|(action, label, danger)| Action {
            id: review_button(action, id),
            label,
            danger,
            command: format!("/quiz admin review {action} {id}"),
        })
        .collect()
}
