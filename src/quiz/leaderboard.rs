//! Leaderboard periods (in the server's zone) and ranking.

use crate::ids::UserId;
use std::cmp::Ordering;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::localtime::start_of_day;

/// Which answers a board counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BoardKind {
    /// Daily questions: points, accuracy and streaks.
    #[default]
    Daily,
    /// Practice questions: one point per correct answer, no streaks.
    Practice,
}

/// Which answers a board counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// The current ISO week, Monday 00:00 to the next Monday 00:00 local time.
    #[default]
    Week,
    /// The current calendar month, local time.
    Month,
    All,
}

impl Period {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "week" | "weekly" => Some(Self::Week),
            "month" | "monthly" => Some(Self::Month),
            "all" | "all-time" | "alltime" => Some(Self::All),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Week => "this week",
            Self::Month => "this month",
            Self::All => "all time",
        }
    }
}

/// What a board ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Points,
    Streak,
    Accuracy,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "points" | "score" => Some(Self::Points),
            "streak" | "streaks" => Some(Self::Streak),
            "accuracy" => Some(Self::Accuracy),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Points => "points",
            Self::Streak => "streak",
            Self::Accuracy => "accuracy",
        }
    }
}

/// The instants `[start, end)` a period covers at `now`, or `None` for all time.
pub fn period_range(period: Period, now: DateTime<Utc>, tz: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let today = now.with_timezone(&tz).date_naive();
    let (first, next) = match period {
        Period::All => return None,
        Period::Week => {
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(7))
        }
        Period::Month => {
            let first = today.with_day(1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
            };
            (first, next)
        }
    };
    Some((start_of_day(tz, first)?, start_of_day(tz, next)?))
}

/// The name of the period that contains `at` in zone `tz`: `all`,
/// `week:<its Monday>` or `month:<YYYY-MM>`. Boards keep running totals
/// under these names; an answer counts towards the three periods it falls in.
pub fn period_key(period: Period, at: DateTime<Utc>, tz: Tz) -> String {
    let day = at.with_timezone(&tz).date_naive();
    match period {
        Period::All => "all".into(),
        Period::Week => {
            format!("week:{}", day - Duration::days(i64::from(day.weekday().num_days_from_monday())))
        }
        Period::Month => format!("month:{}", day.format("%Y-%m")),
    }
}

/// The three periods an answer at `at` counts towards.
pub fn period_keys(at: DateTime<Utc>, tz: Tz) -> [String; 3] {
    [Period::All, Period::Week, Period::Month].map(|p| period_key(p, at, tz))
}

/// One player's figures for a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub user_id: UserId,
    pub name: String,
    pub points: i64,
    pub correct: i64,
    pub answered: i64,
    /// When the player reached their points total (their last scoring answer), ms.
    pub points_at: i64,
    pub streak: i64,
    /// When the player reached their current streak, ms.
    pub streak_at: i64,
}

/// Sorts standings best first. Ties go to whoever reached the figure first,
/// then to the lower user id so the order is total.
pub fn rank(mut rows: Vec<Standing>, sort: Sort) -> Vec<Standing> {
    rows.sort_by(|a, b| compare(a, b, sort));
    rows
}

fn compare(a: &Standing, b: &Standing, sort: Sort) -> Ordering {
    let by_figure = match sort {
        Sort::Points => b.points.cmp(&a.points).then(a.points_at.cmp(&b.points_at)),
        Sort::Streak => b.streak.cmp(&a.streak).then(a.streak_at.cmp(&b.streak_at)),
        // a.correct/a.answered vs b.correct/b.answered without floats; no answers ranks last.
        Sort::Accuracy => {
            let ra = i128::from(a.correct) * i128::from(b.answered.max(1));
            let rb = i128::from(b.correct) * i128::from(a.answered.max(1));
            (b.answered > 0)
                .cmp(&(a.answered > 0))
                .then(rb.cmp(&ra))
                .then(b.answered.cmp(&a.answered))
                .then(a.points_at.cmp(&b.points_at))
        }
    };
    by_figure.then(a.user_id.cmp(&b.user_id))
}

/// Accuracy as a whole percentage (0 with no answers).
pub fn accuracy_percent(correct: i64, answered: i64) -> i64 {
    if answered <= 0 { 0 } else { (correct * 100 + answered / 2) / answered }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn at(s: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test datetime").and_utc()
    }

    fn range(p: Period, now: &str, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        period_range(p, at(now), tz).expect("a range")
    }

    #[test]
    fn week_edges_in_the_server_zone() {
        // Sunday 2026-11-29 23:59 Berlin (22:59 UTC) belongs to the week of Mon 23 Nov.
        assert_eq!(range(Period::Week, "2026-11-29 22:59", Berlin), (at("2026-11-22 23:00"), at("2026-11-29 23:00")));
        // Monday 00:00 Berlin (Sunday 23:00 UTC) starts the next week.
        assert_eq!(range(Period::Week, "2026-11-29 23:00", Berlin), (at("2026-11-29 23:00"), at("2026-12-06 23:00")));
        // The same UTC instant is still Sunday in New York.
        assert_eq!(range(Period::Week, "2026-11-29 23:00", New_York), (at("2026-11-23 05:00"), at("2026-11-30 05:00")));
    }

    #[test]
    fn a_dst_week_is_167_or_169_hours() {
        let (s, e) = range(Period::Week, "2026-03-25 12:00", Berlin);
        assert_eq!((s, e), (at("2026-03-22 23:00"), at("2026-03-29 22:00")));
        assert_eq!((e - s).num_hours(), 167);
        let (s, e) = range(Period::Week, "2026-10-21 12:00", Berlin);
        assert_eq!((e - s).num_hours(), 169);
    }

    #[test]
    fn month_edges() {
        // 2026-01-31 23:59 Berlin is January; 00:00 on Feb 1 is February.
        assert_eq!(range(Period::Month, "2026-01-31 22:59", Berlin), (at("2025-12-31 23:00"), at("2026-01-31 23:00")));
        assert_eq!(range(Period::Month, "2026-01-31 23:00", Berlin), (at("2026-01-31 23:00"), at("2026-02-28 23:00")));
        // December rolls into the next year.
        assert_eq!(
            range(Period::Month, "2026-12-15 12:00", New_York),
            (at("2026-12-01 05:00"), at("2027-01-01 05:00"))
        );
        assert_eq!(period_range(Period::All, at("2026-12-15 12:00"), Berlin), None);
    }

    #[test]
    fn period_keys_follow_the_period_ranges() {
        // Every minute-ish instant over a DST change: its keys name the period whose range holds it.
        let mut t = at("2026-03-27 00:00");
        while t < at("2026-04-02 00:00") {
            for tz in [Berlin, New_York] {
                for p in [Period::Week, Period::Month] {
                    let (start, end) = period_range(p, t, tz).expect("a range");
                    assert!(start <= t && t < end);
                    assert_eq!(period_key(p, start, tz), period_key(p, t, tz), "{p:?} {t} {tz}");
                    assert_ne!(period_key(p, end, tz), period_key(p, t, tz), "{p:?} {t} {tz}");
                }
            }
            t += Duration::minutes(17);
        }
        assert_eq!(period_keys(at("2026-11-29 23:30"), Berlin), ["all", "week:2026-11-30", "month:2026-11"]);
        assert_eq!(period_keys(at("2026-11-29 23:30"), New_York), ["all", "week:2026-11-23", "month:2026-11"]);
    }

    fn s(id: i64, points: i64, points_at: i64, correct: i64, answered: i64, streak: i64, streak_at: i64) -> Standing {
        Standing {
            user_id: UserId(id),
            name: format!("u{id}"),
            points,
            correct,
            answered,
            points_at,
            streak,
            streak_at,
        }
    }

    #[test]
    fn ranking_and_ties() {
        let rows = vec![
            s(1, 30, 500, 3, 4, 2, 50),
            s(2, 30, 400, 3, 3, 2, 40),
            s(3, 45, 900, 4, 8, 4, 90),
            s(4, 0, 0, 0, 0, 0, 0),
        ];
        let ids = |v: Vec<Standing>| v.into_iter().map(|r| r.user_id.0).collect::<Vec<_>>();
        assert_eq!(ids(rank(rows.clone(), Sort::Points)), vec![3, 2, 1, 4], "tie at 30 goes to who got there first");
        assert_eq!(ids(rank(rows.clone(), Sort::Streak)), vec![3, 2, 1, 4]);
        assert_eq!(ids(rank(rows.clone(), Sort::Accuracy)), vec![2, 1, 3, 4], "100% > 75% > 50% > no answers");
        assert_eq!(accuracy_percent(2, 3), 67);
        assert_eq!(accuracy_percent(0, 0), 0);
    }
}
