//! `/quiz answer X` and answer buttons: which question an answer is for, how
//! it is graded, and the group commit that records many answers in one
//! transaction. Daily verdicts stay hidden until the reveal; practice
//! verdicts come at once, with the explanation.

use chrono::{DateTime, NaiveDate, Utc};
use tokio::sync::oneshot;

use super::writer::{AnswerJob, State, Who};
use super::{Ctx, is_open, text};
use crate::command::QuestionRef;
use crate::content::{Item, ItemKind};
use crate::i18n::Msg;
use crate::msg;
use crate::quiz::{grading, settle};
use crate::reply::{Body, Mode, Reply, Verdict, VerdictCard};
use crate::store::{self, AnswerRow, Inserted, Post, PracticeId, StoreError};

/// Where an answer goes.
enum Target {
    Daily(Post),
    Practice(PracticeId, String),
    Nothing(Msg),
}

/// A command's outcome under the writer: a reply, or a daily answer still to commit.
enum Handled {
    Done(Reply),
    Daily(DailyAnswer),
}

/// A graded daily answer waiting for its commit.
struct DailyAnswer {
    row: AnswerRow,
    item: String,
    title: String,
    local_date: NaiveDate,
    reveal_at: Option<DateTime<Utc>>,
}

/// One transaction for a group of answers: each is routed, graded and
/// recorded in turn; a database error anywhere undoes the whole group and
/// every caller hears that nothing was recorded. Each caller is told only
/// after the commit.
pub(super) fn commit_group(state: &mut State, batch: Vec<AnswerJob>) {
    let replies = match record(state, &batch) {
        Ok(replies) => replies,
        Err(e) => {
            state.store.rollback();
            state.forget_ids();
            let e = StoreError::Failed { temporary: e.is_temporary(), message: e.to_string() };
            batch.iter().map(|_| Reply::error(text::store_failure(&e))).collect()
        }
    };
    for (job, reply) in batch.into_iter().zip(replies) {
        // A caller that stopped waiting has nobody to tell; its answer stands.
        drop(job.reply.send(reply));
    }
}

fn record(state: &mut State, batch: &[AnswerJob]) -> store::Result<Vec<Reply>> {
    state.store.begin()?;
    let mut handled = Vec::with_capacity(batch.len());
    for job in batch {
        match state.who(&job.ctx).and_then(|who| answer(state, &who, &job.ctx, &job.answer, job.question)) {
            Err(e) if e.is_database() => return Err(e),
            h => handled.push(h),
        }
    }
    let rows: Vec<&AnswerRow> =
        handled.iter().filter_map(|h| if let Ok(Handled::Daily(a)) = h { Some(&a.row) } else { None }).collect();
    let inserted = state.store.record_answers(&rows)?;
    state.store.commit()?;
    let new = inserted.iter().filter(|i| matches!(i, Inserted::New)).count();
    state.core.metrics.answers_recorded(u64::try_from(new).unwrap_or(u64::MAX));
    let mut inserted = inserted.into_iter();
    Ok(handled
        .into_iter()
        .map(|h| match h {
            Ok(Handled::Done(reply)) => reply,
            Ok(Handled::Daily(a)) => daily_reply(a, inserted.next().unwrap_or(Inserted::Closed)),
            Err(e) => Reply::error(text::store_failure(&e)),
        })
        .collect())
}

/// The oneshot a caller waits on, and the job that answers it.
pub(super) fn job(ctx: Ctx, answer: String, question: Option<QuestionRef>) -> (AnswerJob, oneshot::Receiver<Reply>) {
    let (tx, rx) = oneshot::channel();
    (AnswerJob { ctx, answer, question, reply: tx }, rx)
}

fn answer(
    state: &mut State,
    who: &Who,
    ctx: &Ctx,
    answer: &str,
    question: Option<QuestionRef>,
) -> store::Result<Handled> {
    let target = match question {
        Some(QuestionRef::Daily(id)) => match state.store.post(id)? {
            Some(post) if post.channel_id == who.channel => Target::Daily(post),
            _ => Target::Nothing(msg!("not-this-channel")),
        },
        Some(QuestionRef::Practice(id)) => match state.store.practice_question(id)? {
            Some(q) if q.user_id == who.user => Target::Practice(q.id, q.item_id),
            _ => Target::Nothing(msg!("not-your-practice")),
        },
        None => route(state, who, ctx)?,
    };
    match target {
        Target::Daily(post) => answer_daily(state, who, ctx, &post, answer),
        Target::Practice(id, item_id) => answer_practice(state, ctx, id, &item_id, answer).map(Handled::Done),
        Target::Nothing(text) => Ok(Handled::Done(Reply::error(text))),
    }
}

/// `/quiz answer X` without a named question: the channel's open daily
/// question if the user has not answered it yet, else their open practice question.
fn route(state: &State, who: &Who, ctx: &Ctx) -> store::Result<Target> {
    let store = &state.store;
    let daily = store.open_post(who.channel)?.filter(|p| is_open(p, ctx.now));
    // A player seen for the first time has answered nothing: no reads.
    let daily_answer = match &daily {
        Some(p) if !who.fresh => store.user_answer(p.id, who.user)?.map(|(answer, _)| answer),
        _ => None,
    };
    // A discussion keeps who took part apart from the answers.
    let took_part = match &daily {
        Some(p) if !who.fresh && daily_answer.is_none() && is_discussion(state, &p.item_id)? => {
            store.took_part(p.id, who.user)?
        }
        _ => false,
    };
    if let Some(post) = daily.filter(|_| daily_answer.is_none() && !took_part) {
        return Ok(Target::Daily(post));
    }
    if who.fresh {
        return Ok(Target::Nothing(msg!("nothing-open")));
    }
    if let Some(q) = store.latest_practice(who.user, who.guild)?.filter(|q| !q.answered) {
        return Ok(Target::Practice(q.id, q.item_id));
    }
    Ok(Target::Nothing(match daily_answer {
        Some(first) => msg!("already-answered-daily", first = &first),
        None if took_part => msg!("already-took-part"),
        None => msg!("nothing-open"),
    }))
}

/// Whether the item is a discussion prompt (a bank item costs no read).
fn is_discussion(state: &State, item_id: &str) -> store::Result<bool> {
    Ok(super::find_item(&state.store, &state.core.bank, item_id)?.is_some_and(|f| f.item.is_discussion()))
}

fn answer_daily(state: &mut State, who: &Who, ctx: &Ctx, post: &Post, answer: &str) -> store::Result<Handled> {
    if !is_open(post, ctx.now) {
        return Ok(Handled::Done(Reply::error(msg!("question-closed", date = &post.local_date))));
    }
    let core = std::sync::Arc::clone(&state.core);
    let found = core.item(&state.store, &post.item_id)?;
    let item = &*found.item;
    if item.is_discussion() {
        // Taking part: recorded in this group's transaction, never graded.
        let reply = if state.store.record_take(post.id, who.user, ctx.now)? {
            Reply::private(Body::Info(vec![msg!("took-part", count = state.store.takes(post.id)?)]))
        } else {
            Reply::error(msg!("already-took-part"))
        };
        return Ok(Handled::Done(reply));
    }
    let correct = match grading::grade(&item.graded_kind(), &item.prompt, answer, core.bank.glossary()) {
        Ok(c) => c,
        Err(e) => return Ok(Handled::Done(Reply::error(text::grade_error(&e, item)))),
    };
    Ok(Handled::Daily(DailyAnswer {
        row: AnswerRow { post: post.id, user: who.user, answer: canonical_answer(item, answer), correct, at: ctx.now },
        item: item.id.clone(),
        title: text::title_of(item),
        local_date: post.local_date,
        reveal_at: post.closes_at,
    }))
}

fn answer_practice(
    state: &mut State,
    ctx: &Ctx,
    question: PracticeId,
    item_id: &str,
    answer: &str,
) -> store::Result<Reply> {
    let core = std::sync::Arc::clone(&state.core);
    let found = core.item(&state.store, item_id)?;
    let item = &*found.item;
    let correct = match grading::grade(&item.graded_kind(), &item.prompt, answer, core.bank.glossary()) {
        Ok(c) => c,
        Err(e) => return Ok(Reply::error(text::grade_error(&e, item))),
    };
    let answer = canonical_answer(item, answer);
    let at = ctx.now;
    Ok(
        match state.store.record_practice_answer(
            question,
            &answer,
            correct,
            at,
            core.rules.default_tz,
            &settle::practice,
        )? {
            Inserted::New => Reply::private(Body::Verdict(VerdictCard {
                question: QuestionRef::Practice(question),
                item: item.id.clone(),
                mode: Mode::Practice,
                title: text::title_of(item),
                your_answer: answer,
                verdict: if correct { Verdict::Correct } else { Verdict::Wrong },
                right_answer: Some(item.right_answer()),
                explanation: Some(item.explanation.clone()),
                reveal_at: None,
            })),
            Inserted::Duplicate { answer: first, .. } => {
                Reply::error(msg!("already-answered-practice", title = &text::title_of(item), first = &first))
            }
            // Practice questions never close.
            Inserted::Closed => Reply::error(msg!("practice-closed")),
        },
    )
}

/// What answering a daily question says, once the row is committed (or refused).
fn daily_reply(a: DailyAnswer, result: Inserted) -> Reply {
    match result {
        Inserted::New => Reply::private(Body::Verdict(VerdictCard {
            question: QuestionRef::Daily(a.row.post),
            item: a.item,
            mode: Mode::Daily,
            title: a.title,
            your_answer: a.row.answer,
            verdict: Verdict::Recorded,
            right_answer: None,
            explanation: None,
            reveal_at: a.reveal_at,
        })),
        Inserted::Duplicate { answer: first, .. } => {
            Reply::error(msg!("already-answered", title = &a.title, first = &first))
        }
        Inserted::Closed => Reply::error(msg!("question-closed", date = &a.local_date)),
    }
}

/// The answer as recorded: a choice letter in capitals, text trimmed.
fn canonical_answer(item: &Item, answer: &str) -> String {
    match item.kind {
        ItemKind::Choice { .. } => answer.trim().to_uppercase(),
        ItemKind::Text { .. } | ItemKind::Discussion { .. } => answer.trim().to_string(),
    }
}
