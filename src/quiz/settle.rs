//! Settling a closed daily question: for each player of the channel, the
//! points their answer earns (with the streak bonus they had), their card's
//! review, what the boards' running totals gain, and their streak's next
//! step. A pure function of the players' rows: the store reads them and
//! writes back what this decides, in one transaction.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::leaderboard::period_keys;
use super::scoring::{ScoringRules, daily_points};
use super::srs::{self, Card, Recall};
use super::streak::{self, Outcome, Streak, StreakRules};
use crate::ids::UserId;

/// The rules a settlement follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rules {
    pub streak: StreakRules,
    pub scoring: ScoringRules,
}

/// What settling needs to know about the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// When it closed: the instant a streak reached without an answer counts from.
    pub closed_at: DateTime<Utc>,
    /// The boards' zone, whose weeks and months the totals are kept by; `None`
    /// when the running totals are due a rebuild anyway (nothing to add).
    pub totals_zone: Option<Tz>,
}

/// A player of the channel, as stored before settling.
#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    pub user: UserId,
    /// Their answer to this question: right or not, and when.
    pub answer: Option<(bool, DateTime<Utc>)>,
    /// Their streak in the channel before this question.
    pub streak: Streak,
    /// When the streak reached its current length.
    pub reached_at: Option<DateTime<Utc>>,
    /// Their card for the question's item, if they had one.
    pub card: Option<Card>,
}

/// What the boards' running totals gain from one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsDelta {
    /// The periods it counts in (all time, its week, its month).
    pub keys: [String; 3],
    pub points: i64,
    pub correct: bool,
    /// When the points were scored (the tie-break), for an answer that scored.
    pub scored_at: Option<DateTime<Utc>>,
}

/// What settling decides for one player.
#[derive(Debug, Clone, PartialEq)]
pub struct Settlement {
    pub user: UserId,
    /// The points their answer earns; `None` without an answer.
    pub points: Option<u32>,
    /// Their card after this review; `None` without an answer.
    pub card: Option<Card>,
    pub totals: Option<TotalsDelta>,
    /// Their streak after this question, and when it reached that length.
    pub streak: Streak,
    pub reached_at: Option<DateTime<Utc>>,
}

/// A practice answer, as stored when it is recorded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PracticeAnswer {
    pub correct: bool,
    pub asked_at: DateTime<Utc>,
    pub at: DateTime<Utc>,
    /// The player's card for the item, if they had one.
    pub card: Option<Card>,
    /// As in [`Question::totals_zone`].
    pub totals_zone: Option<Tz>,
}

/// What a practice answer changes: the card (a quick right answer counts as
/// easy recall) and the practice board's running totals (a point when right).
pub fn practice(a: PracticeAnswer) -> (Card, Option<TotalsDelta>) {
    let quick = a.at - a.asked_at <= srs::QUICK;
    let card = srs::review(a.card, Recall::of(a.correct, quick), a.at);
    let totals = a.totals_zone.map(|zone| TotalsDelta {
        keys: period_keys(a.at, zone),
        points: i64::from(a.correct),
        correct: a.correct,
        scored_at: a.correct.then_some(a.at),
    });
    (card, totals)
}

/// Settles every player of a closed question.
pub fn settle(rules: Rules, question: Question, players: &[Player]) -> Vec<Settlement> {
    players.iter().map(|p| settle_one(rules, question, p)).collect()
}

fn settle_one(rules: Rules, question: Question, p: &Player) -> Settlement {
    let points = p.answer.map(|(correct, _)| daily_points(rules.scoring, correct, p.streak.current));
    let card = p.answer.map(|(correct, at)| srs::review(p.card, Recall::of(correct, false), at));
    let totals = match (p.answer, points, question.totals_zone) {
        (Some((correct, at)), Some(points), Some(zone)) => Some(TotalsDelta {
            keys: period_keys(at, zone),
            points: i64::from(points),
            correct,
            scored_at: (points > 0).then_some(at),
        }),
        _ => None,
    };
    let outcome = match p.answer {
        Some((true, _)) => Outcome::Correct,
        Some((false, _)) => Outcome::Wrong,
        None => Outcome::Unanswered,
    };
    let (after, _) = streak::settle(rules.streak, p.streak, outcome);
    let reached_at = if after.current == p.streak.current {
        p.reached_at
    } else {
        Some(p.answer.map_or(question.closed_at, |(_, at)| at))
    };
    Settlement { user: p.user, points, card, totals, streak: after, reached_at }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap().and_utc()
    }

    fn player(user: i64, answer: Option<(bool, &str)>, current: u32) -> Player {
        Player {
            user: UserId(user),
            answer: answer.map(|(c, t)| (c, at(t))),
            streak: Streak { current, best: current, freezes: 0 },
            reached_at: (current > 0).then(|| at("2026-11-24 08:05")),
            card: None,
        }
    }

    const RULES: Rules = Rules {
        streak: StreakRules { freeze_every: 7, freeze_max: 2 },
        scoring: ScoringRules { correct: 10, streak_bonus_cap: 5 },
    };

    #[test]
    fn points_streaks_cards_and_totals_to_the_minute() {
        let closed = at("2026-11-25 16:00");
        let question = Question { closed_at: closed, totals_zone: Some(chrono_tz::Europe::Berlin) };
        let players = [
            // Right, with a streak of 3 behind them: 10 + 3.
            player(1, Some((true, "2026-11-25 08:01")), 3),
            // Wrong: nothing, and the streak breaks.
            player(2, Some((false, "2026-11-25 08:02")), 4),
            // No answer: the streak breaks at the close.
            player(3, None, 2),
            // Right, a long streak: the bonus is capped.
            player(4, Some((true, "2026-11-25 22:59")), 9),
        ];
        let out = settle(RULES, question, &players);
        assert_eq!(out.iter().map(|s| s.points).collect::<Vec<_>>(), [Some(13), Some(0), None, Some(15)]);
        assert_eq!(out.iter().map(|s| s.streak.current).collect::<Vec<_>>(), [4, 0, 0, 10]);
        assert_eq!(out[0].reached_at, Some(at("2026-11-25 08:01")), "a streak step dates from the answer");
        assert_eq!(out[2].reached_at, Some(closed), "a break without an answer dates from the close");
        assert!(out[0].card.is_some() && out[2].card.is_none(), "only an answer reviews a card");
        let totals = out[0].totals.as_ref().unwrap();
        assert_eq!(totals.points, 13);
        assert_eq!(totals.scored_at, Some(at("2026-11-25 08:01")));
        assert_eq!(out[1].totals.as_ref().unwrap().scored_at, None, "no points, no tie-break instant");
        // 22:59 UTC is already Thursday 26 November in Berlin: its week and month are Berlin's.
        assert_eq!(
            out[3].totals.as_ref().unwrap().keys,
            period_keys(at("2026-11-25 22:59"), chrono_tz::Europe::Berlin)
        );
        assert_eq!(out[3].totals.as_ref().unwrap().keys[0], "all");
    }

    #[test]
    fn a_practice_answer_is_quick_up_to_the_limit_and_scores_a_point_when_right() {
        let asked = at("2026-11-25 10:00");
        let answer = |correct, after: chrono::Duration| PracticeAnswer {
            correct,
            asked_at: asked,
            at: asked + after,
            card: None,
            totals_zone: Some(chrono_tz::UTC),
        };
        let (quick, totals) = practice(answer(true, srs::QUICK));
        let (slow, _) = practice(answer(true, srs::QUICK + chrono::Duration::seconds(1)));
        assert_eq!(quick, srs::review(None, Recall::of(true, true), asked + srs::QUICK));
        assert_eq!(slow, srs::review(None, Recall::of(true, false), asked + srs::QUICK + chrono::Duration::seconds(1)));
        assert_ne!(quick, slow, "a quick answer is easier recall");
        let totals = totals.unwrap();
        assert_eq!((totals.points, totals.scored_at), (1, Some(asked + srs::QUICK)));
        let (_, wrong) = practice(answer(false, chrono::Duration::seconds(5)));
        assert_eq!(wrong.map(|t| (t.points, t.scored_at)), Some((0, None)));
        let (_, none) = practice(PracticeAnswer { totals_zone: None, ..answer(true, chrono::Duration::seconds(5)) });
        assert_eq!(none, None);
    }

    #[test]
    fn totals_due_a_rebuild_gain_nothing_here() {
        let question = Question { closed_at: at("2026-11-25 16:00"), totals_zone: None };
        let out = settle(RULES, question, &[player(1, Some((true, "2026-11-25 08:01")), 0)]);
        assert_eq!(out[0].totals, None);
        assert_eq!(out[0].points, Some(10));
    }

    #[test]
    fn a_month_end_answer_counts_in_the_zones_month_across_dst() {
        // 31 Oct 2026 23:30 UTC is 1 November 00:30 in Berlin (CET since 25 Oct).
        let question = Question { closed_at: at("2026-11-01 08:00"), totals_zone: Some(chrono_tz::Europe::Berlin) };
        let out = settle(RULES, question, &[player(1, Some((true, "2026-10-31 23:30")), 0)]);
        let keys = &out[0].totals.as_ref().unwrap().keys;
        assert_eq!(
            keys[2],
            crate::quiz::leaderboard::period_key(
                crate::quiz::leaderboard::Period::Month,
                at("2026-11-01 00:00"),
                chrono_tz::Europe::Berlin
            )
        );
    }
}
