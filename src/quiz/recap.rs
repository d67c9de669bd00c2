//! The weekly recap: when it is due, which week it covers, and what it says
//! about that week. Pure, with time passed in; the store gathers the rows
//! and [`crate::chart`] draws the result.
//!
//! A recap covers the questions revealed in the [`WINDOW`] (seven days) up to
//! its instant, so consecutive recaps never miss or repeat one, and shows a
//! bar for each of the seven local days ending on its own date. A recap
//! missed by less than [`GRACE`] (the bot was down) is still posted; older
//! ones are dropped, and only the latest missed one is ever sent.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::schedule::{Close, Days, Occurrence, Rule, next_post_after};

/// What a recap covers: the questions revealed in this long up to it.
pub const WINDOW: Duration = Duration::days(7);

/// The first of the seven days a recap on `date` shows.
pub fn first_day(date: NaiveDate) -> NaiveDate {
    date - Duration::days(6)
}

/// How late a recap may still be posted.
pub const GRACE: Duration = Duration::hours(24);

/// When nothing else is said: Friday 16:00 in the channel's zone.
pub const DEFAULT_DAY: Weekday = Weekday::Fri;
pub fn default_time() -> NaiveTime {
    NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default()
}

/// The schedule of a weekly recap as a one-day [`Rule`], so it shares the
/// daily schedule's handling of DST gaps and repeats.
pub fn rule(day: Weekday, time: NaiveTime, tz: Tz) -> Rule {
    let days = Days::from_bits(1 << day.num_days_from_monday()).unwrap_or(Days::EVERY_DAY);
    Rule { time, tz, days, close: Close::AtNextPost }
}

/// What a pass at `now` does with a recap schedule whose next occurrence is
/// `next`: the occurrence to post (the latest one due, if within [`GRACE`])
/// and the next one to wait for.
pub fn due(rule: &Rule, mut next: Occurrence, now: DateTime<Utc>) -> (Option<Occurrence>, Option<Occurrence>) {
    let mut post = None;
    while next.at <= now {
        post = (now - next.at <= GRACE).then_some(next);
        match next_post_after(rule, next.at) {
            Some(o) => next = o,
            None => return (post, None),
        }
    }
    (post, Some(next))
}

/// `YYYY-Www` (ISO 8601), as `--week` takes it, to that week's Monday.
pub fn parse_week(s: &str) -> Result<NaiveDate, String> {
    let bad = || format!("`{s}` is not an ISO week such as 2026-W48");
    let (year, week) = s.trim().split_once("-W").or_else(|| s.trim().split_once("-w")).ok_or_else(bad)?;
    let year: i32 = year.parse().map_err(|_| bad())?;
    let week: u32 = week.parse().map_err(|_| bad())?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)
}

/// One revealed daily question of the week, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionFigures {
    pub date: NaiveDate,
    pub item_id: String,
    pub category: String,
    pub answered: u32,
    pub right: u32,
}

/// Answers to the questions of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayFigures {
    pub date: Option<NaiveDate>,
    pub answered: u32,
    pub right: u32,
}

/// Answers in one category over the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFigures {
    pub category: String,
    pub answered: u32,
    pub right: u32,
}

/// What the week's figures add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub monday: NaiveDate,
    /// Monday to Sunday.
    pub days: [DayFigures; 7],
    /// Categories asked that week, by name.
    pub categories: Vec<CategoryFigures>,
    /// The question with the lowest share right (of those answered at all);
    /// ties go to the one more people answered, then the earlier one.
    pub hardest: Option<QuestionFigures>,
}

impl Week {
    pub fn answered(&self) -> u32 {
        self.categories.iter().map(|c| c.answered).sum()
    }

    pub fn right(&self) -> u32 {
        self.categories.iter().map(|c| c.right).sum()
    }
}

/// Adds up the questions' figures: totals, categories and the hardest over
/// all of them; day bars for the seven days from `monday` (a question posted
/// before them, revealed within the window, counts in all but the bars).
pub fn summarize(monday: NaiveDate, questions: &[QuestionFigures]) -> Week {
    let mut days = [DayFigures::default(); 7];
    for (i, day) in days.iter_mut().enumerate() {
        day.date = monday.checked_add_signed(Duration::days(i as i64));
    }
    let mut categories: Vec<CategoryFigures> = Vec::new();
    let mut hardest: Option<&QuestionFigures> = None;
    for q in questions {
        let offset = (q.date - monday).num_days();
        if let Some(day) = usize::try_from(offset).ok().and_then(|i| days.get_mut(i)) {
            day.answered += q.answered;
            day.right += q.right;
        }
        match categories.iter_mut().find(|c| c.category == q.category) {
            Some(c) => {
                c.answered += q.answered;
                c.right += q.right;
            }
            None => {
                categories.push(CategoryFigures { category: q.category.clone(), answered: q.answered, right: q.right })
            }
        }
        if q.answered > 0 && hardest.is_none_or(|h| harder(q, h)) {
            hardest = Some(q);
        }
    }
    categories.sort_by(|a, b| a.category.cmp(&b.category));
    Week { monday, days, categories, hardest: hardest.cloned() }
}

/// Whether `a` went worse than `b`: a lower share right (compared without
/// floats), then more answers, then an earlier date.
fn harder(a: &QuestionFigures, b: &QuestionFigures) -> bool {
    let (ra, rb) = (u64::from(a.right) * u64::from(b.answered), u64::from(b.right) * u64::from(a.answered));
    ra.cmp(&rb).then(b.answered.cmp(&a.answered)).then(a.date.cmp(&b.date)).is_lt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn at(s: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test datetime").and_utc()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn fridays_at_four_follow_the_zone_across_dst() {
        let r = rule(DEFAULT_DAY, default_time(), Berlin);
        // Berlin leaves summer time on Sunday 2026-10-25.
        let first = next_post_after(&r, at("2026-10-19 00:00")).unwrap();
        assert_eq!((first.date, first.at), (date("2026-10-23"), at("2026-10-23 14:00")), "CEST: UTC+2");
        let second = next_post_after(&r, first.at).unwrap();
        assert_eq!((second.date, second.at), (date("2026-10-30"), at("2026-10-30 15:00")), "CET: UTC+1");
        let ny = rule(Weekday::Sun, NaiveTime::from_hms_opt(2, 30, 0).unwrap(), New_York);
        // 02:30 does not exist on 2027-03-14 in New York: the first minute after the gap.
        let o = next_post_after(&ny, at("2027-03-13 12:00")).unwrap();
        assert_eq!(o.at, at("2027-03-14 07:00"), "03:00 EDT");
    }

    #[test]
    fn a_recap_late_by_less_than_a_day_is_posted_and_older_ones_dropped() {
        let r = rule(Weekday::Fri, default_time(), Berlin);
        let next = next_post_after(&r, at("2026-11-16 00:00")).unwrap();
        assert_eq!(next.at, at("2026-11-20 15:00"));
        let (none, same) = due(&r, next, at("2026-11-20 14:59"));
        assert_eq!((none, same), (None, Some(next)), "a minute early: nothing");
        let (post, after) = due(&r, next, at("2026-11-20 15:00"));
        assert_eq!(post, Some(next), "on the minute");
        assert_eq!(after.unwrap().at, at("2026-11-27 15:00"));
        assert_eq!(due(&r, next, at("2026-11-21 15:00")).0, Some(next), "24 h late: still posted");
        assert_eq!(due(&r, next, at("2026-11-21 15:01")).0, None, "24 h 1 min late: dropped");
        // Down for three weeks: only the last one, if it is recent.
        let (post, after) = due(&r, next, at("2026-12-04 16:00"));
        assert_eq!(post.map(|o| o.date), Some(date("2026-12-04")));
        assert_eq!(after.unwrap().date, date("2026-12-11"));
    }

    #[test]
    fn weeks_parse_and_name_iso_weeks() {
        assert_eq!(parse_week("2026-W48"), Ok(date("2026-11-23")));
        assert_eq!(parse_week("2026-W01"), Ok(date("2025-12-29")), "ISO week 1 may start in December");
        for bad in ["", "2026", "2026-48", "2026-W54", "2026-W0", "x-W1"] {
            assert!(parse_week(bad).unwrap_err().contains(bad), "{bad}");
        }
    }

    #[test]
    fn the_week_adds_up_by_day_and_category_and_finds_the_hardest() {
        let q = |d: &str, cat: &str, answered, right| QuestionFigures {
            date: date(d),
            item_id: format!("{cat}-{d}"),
            category: cat.into(),
            answered,
            right,
        };
        let questions = [
            q("2026-11-23", "databases", 10, 8),
            q("2026-11-24", "security", 4, 1),
            q("2026-11-25", "databases", 8, 2),
            q("2026-11-26", "apis", 0, 0),
            q("2026-11-30", "apis", 5, 0),
        ];
        let week = summarize(date("2026-11-23"), &questions);
        let answered: Vec<u32> = week.days.iter().map(|d| d.answered).collect();
        assert_eq!(answered, [10, 4, 8, 0, 0, 0, 0], "no bar for a day outside the seven");
        assert_eq!((week.answered(), week.right()), (27, 11), "but its answers count");
        let cats: Vec<(&str, u32, u32)> =
            week.categories.iter().map(|c| (c.category.as_str(), c.answered, c.right)).collect();
        assert_eq!(cats, [("apis", 5, 0), ("databases", 18, 10), ("security", 4, 1)]);
        assert_eq!(week.hardest.unwrap().date, date("2026-11-30"), "nobody right");
        let week = summarize(date("2026-11-23"), &questions[..4]);
        let hardest = week.hardest.unwrap();
        assert_eq!(hardest.date, date("2026-11-25"), "2 of 8 and 1 of 4 tie at 25%: more answers wins");
        assert_eq!(summarize(date("2026-11-23"), &[]).hardest, None);
    }
}
