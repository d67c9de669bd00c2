//! A channel's daily schedule: a wall-clock time in an IANA zone on chosen
//! weekdays, and when each question closes. [`next_post_after`] is the one
//! rule for when the next question goes out; it never panics on DST: a time
//! inside a spring-forward gap posts at the first valid minute after it, and
//! a time that occurs twice posts once, at the earlier instant.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::localtime::resolve;

/// The weekdays a schedule runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl Days {
    pub const EVERY_DAY: Days = Days(0b111_1111);
    pub const WEEKDAYS: Days = Days(0b001_1111);
    pub const WEEKENDS: Days = Days(0b110_0000);

    /// The stored form: bit 0 is Monday, bit 6 Sunday.
    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn from_bits(bits: u8) -> Option<Days> {
        let bits = bits & 0b111_1111;
        (bits != 0).then_some(Days(bits))
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// `daily`, `weekdays`, `weekends`, or a comma list such as `mon,wed,fri`.
    pub fn parse(s: &str) -> Result<Days, String> {
        match s.to_ascii_lowercase().as_str() {
            "daily" | "every-day" | "everyday" | "all" => return Ok(Days::EVERY_DAY),
            "weekdays" => return Ok(Days::WEEKDAYS),
            "weekends" => return Ok(Days::WEEKENDS),
            _ => {}
        }
        let mut bits = 0u8;
        for part in s.split(',').map(|p| p.trim().to_ascii_lowercase()) {
            let short: String = part.chars().take(3).collect();
            match NAMES.iter().position(|n| *n == short).filter(|_| part.len() >= 3) {
                Some(i) => bits |= 1 << i,
                None => {
                    return Err(format!(
                        "`{s}` is not a set of days: use daily, weekdays, weekends or a list such as mon,wed,fri"
                    ));
                }
            }
        }
        Days::from_bits(bits).ok_or_else(|| format!("`{s}` names no day"))
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Days::EVERY_DAY => f.write_str("daily"),
            Days::WEEKDAYS => f.write_str("weekdays"),
            Days::WEEKENDS => f.write_str("weekends"),
            Days(bits) => {
                let names: Vec<&str> = (0..7).filter(|i| bits & (1 << i) != 0).map(|i| NAMES[i]).collect();
                f.write_str(&names.join(","))
            }
        }
    }
}

/// When a daily question closes and is revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    /// This long after it was posted.
    After(Duration),
    /// When the next scheduled question is due.
    AtNextPost,
}

impl Close {
    /// `8h`, `90m`, `1h30m`, or `next`.
    pub fn parse(s: &str) -> Result<Close, String> {
        if matches!(s.to_ascii_lowercase().as_str(), "next" | "next-post" | "at-next-post") {
            return Ok(Close::AtNextPost);
        }
        let d = parse_duration(s)
            .map_err(|_| format!("`{s}` is not a close time: use a duration such as 8h, 90m or 1h30m, or `next`"))?;
        if d > Duration::days(7) {
            return Err(format!("`{s}` is longer than a week; use `next` to close at the next post"));
        }
        Ok(Close::After(d))
    }

    /// Minutes for storage; `None` is "at the next post".
    pub fn minutes(self) -> Option<i64> {
        match self {
            Close::After(d) => Some(d.num_minutes()),
            Close::AtNextPost => None,
        }
    }

    pub fn from_minutes(minutes: Option<i64>) -> Close {
        minutes.map_or(Close::AtNextPost, |m| Close::After(Duration::minutes(m)))
    }
}

impl fmt::Display for Close {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Close::AtNextPost => f.write_str("at the next post"),
            Close::After(d) => {
                let (h, m) = (d.num_minutes() / 60, d.num_minutes() % 60);
                match (h, m) {
                    (0, m) => write!(f, "after {m}m"),
                    (h, 0) => write!(f, "after {h}h"),
                    (h, m) => write!(f, "after {h}h{m}m"),
                }
            }
        }
    }
}

/// Parses a positive duration in hours and minutes: `8h`, `90m`, `1h30m`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let bad = || format!("`{s}` is not a duration such as 2h, 90m or 1h30m");
    let mut minutes: i64 = 0;
    let mut number = String::new();
    for c in s.to_ascii_lowercase().chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' if !number.is_empty() => {
                let n: i64 = number.parse().map_err(|_| bad())?;
                let add = if c == 'h' { n.checked_mul(60).ok_or_else(bad)? } else { n };
                minutes = minutes.checked_add(add).filter(|m| *m <= 366 * 24 * 60).ok_or_else(bad)?;
                number.clear();
            }
            _ => return Err(bad()),
        }
    }
    if !number.is_empty() || minutes == 0 {
        return Err(bad());
    }
    Ok(Duration::minutes(minutes))
}

/// Parses `HH:MM` (24-hour).
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    let bad = || format!("`{s}` is not a time: use HH:MM in 24-hour form, such as 09:30");
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

pub fn parse_zone(s: &str) -> Result<Tz, String> {
    s.parse::<Tz>().map_err(|_| format!("`{s}` is not an IANA time zone such as Europe/Berlin or America/New_York"))
}

/// A channel's daily schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub time: NaiveTime,
    pub tz: Tz,
    pub days: Days,
    pub close: Close,
}

/// One scheduled post: the local date it belongs to and the instant it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub at: DateTime<Utc>,
}

impl Rule {
    /// The instant of the post for a local date, if the schedule runs that day.
    pub fn occurrence_on(&self, date: NaiveDate) -> Option<Occurrence> {
        if !self.days.contains(date.weekday()) {
            return None;
        }
        resolve(self.tz, date.and_time(self.time)).map(|at| Occurrence { date, at })
    }

    /// When a question posted for `occurrence` closes.
    pub fn closes_at(&self, occurrence: Occurrence) -> Option<DateTime<Utc>> {
        match self.close {
            Close::After(d) => occurrence.at.checked_add_signed(d),
            Close::AtNextPost => next_post_after(self, occurrence.at).map(|o| o.at),
        }
    }
}

/// The first scheduled post strictly after `after`. `None` only for a rule
/// with no days, which [`Days`] cannot hold.
pub fn next_post_after(rule: &Rule, after: DateTime<Utc>) -> Option<Occurrence> {
    // Start a day early: a post for yesterday's local date can still be ahead
    // of `after` when a gap pushed it past midnight.
    let start = after.with_timezone(&rule.tz).date_naive().pred_opt()?;
    start.iter_days().take(9).filter_map(|date| rule.occurrence_on(date)).find(|o| o.at > after)
}

/// The next `count` posts after `after`.
pub fn upcoming(rule: &Rule, after: DateTime<Utc>, count: usize) -> Vec<Occurrence> {
    let mut out = Vec::with_capacity(count);
    let mut t = after;
    while out.len() < count {
        let Some(o) = next_post_after(rule, t) else { break };
        t = o.at;
        out.push(o);
    }
    out
}

/// Where a channel's schedule stands: the next occurrence to act on, and a
/// date an admin skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub next: Occurrence,
    pub skip: Option<NaiveDate>,
}

/// One thing the schedule calls for at a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Post the question of `date` (closing the one still open first); `late`
    /// when its time passed while the bot was down, within the grace.
    Post { date: NaiveDate, due: DateTime<Utc>, late: bool, closes_at: Option<DateTime<Utc>> },
    /// Its time passed longer than the grace ago: recorded, never posted,
    /// and no streak breaks over it.
    Missed { date: NaiveDate, due: DateTime<Utc> },
    /// An admin skipped it.
    Skip { date: NaiveDate },
}

/// What a pass does, and where the schedule stands after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// `None` only for a rule that never posts again.
    pub pending: Option<Pending>,
}

/// Everything due by `now`, in order: each occurrence is posted (late if it
/// was missed by less than `grace`), recorded as missed, or skipped once.
/// A question closes at its rule's close, unless that is already past.
pub fn plan(rule: &Rule, pending: Pending, now: DateTime<Utc>, grace: Duration) -> Plan {
    let mut steps = Vec::new();
    let Pending { mut next, mut skip } = pending;
    while next.at <= now {
        let date = next.date;
        if skip == Some(date) {
            skip = None;
            steps.push(Step::Skip { date });
        } else if now - next.at <= grace {
            let closes_at = rule.closes_at(next).filter(|c| *c > now);
            steps.push(Step::Post { date, due: next.at, late: now > next.at, closes_at });
        } else {
            steps.push(Step::Missed { date, due: next.at });
        }
        match next_post_after(rule, next.at) {
            Some(o) => next = o,
            None => return Plan { steps, pending: None },
        }
    }
    Plan { steps, pending: Some(Pending { next, skip }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use chrono_tz::{America, Asia, Australia, Europe, Pacific};

    fn utc(s: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time").and_utc()
    }

    fn rule(time: &str, tz: Tz) -> Rule {
        Rule { time: parse_time(time).unwrap(), tz, days: Days::EVERY_DAY, close: Close::AtNextPost }
    }

    /// (zone, local time, after (UTC), expected local date, expected instant (UTC))
    #[test]
    fn next_post_across_dst_table() {
        let cases: &[(Tz, &str, &str, &str, &str)] = &[
            // Berlin springs forward 2026-03-29 02:00 -> 03:00: 02:30 does not exist.
            (Europe::Berlin, "02:30", "2026-03-28 12:00", "2026-03-29", "2026-03-29 01:00"),
            (Europe::Berlin, "09:00", "2026-03-28 08:00", "2026-03-29", "2026-03-29 07:00"),
            // Berlin falls back 2026-10-25 03:00 -> 02:00: 02:30 happens twice, post at the first.
            (Europe::Berlin, "02:30", "2026-10-24 12:00", "2026-10-25", "2026-10-25 00:30"),
            (Europe::Berlin, "02:30", "2026-10-25 00:30", "2026-10-26", "2026-10-26 01:30"),
            // Midnight on the fall-back day, then a 25-hour day to the next midnight.
            (Europe::Berlin, "00:00", "2026-10-24 21:59", "2026-10-25", "2026-10-24 22:00"),
            (Europe::Berlin, "00:00", "2026-10-24 22:00", "2026-10-26", "2026-10-25 23:00"),
            // New York springs forward 2026-03-08 02:00 -> 03:00 and falls back 2026-11-01 02:00 -> 01:00.
            (America::New_York, "02:15", "2026-03-07 12:00", "2026-03-08", "2026-03-08 07:00"),
            (America::New_York, "01:30", "2026-10-31 12:00", "2026-11-01", "2026-11-01 05:30"),
            (America::New_York, "09:00", "2026-11-01 12:00", "2026-11-01", "2026-11-01 14:00"),
            (America::New_York, "00:00", "2026-03-07 12:00", "2026-03-08", "2026-03-08 05:00"),
            // Lord Howe shifts by 30 minutes: 02:00 -> 02:30 on 2026-10-04, 02:00 -> 01:30 on 2026-04-05.
            (Australia::Lord_Howe, "02:10", "2026-10-03 00:00", "2026-10-04", "2026-10-03 15:30"),
            (Australia::Lord_Howe, "01:45", "2026-04-04 00:00", "2026-04-05", "2026-04-04 14:45"),
            (Australia::Lord_Howe, "00:00", "2026-04-04 00:00", "2026-04-05", "2026-04-04 13:00"),
            // Kolkata has no DST: always +05:30.
            (Asia::Kolkata, "09:00", "2026-03-29 00:00", "2026-03-29", "2026-03-29 03:30"),
            (Asia::Kolkata, "00:00", "2026-10-25 00:00", "2026-10-26", "2026-10-25 18:30"),
            // Date-line zones: Kiritimati is +14, Pago Pago -11.
            (Pacific::Kiritimati, "09:00", "2026-06-30 20:00", "2026-07-02", "2026-07-01 19:00"),
            (Pacific::Kiritimati, "00:00", "2026-06-30 09:59", "2026-07-01", "2026-06-30 10:00"),
            (Pacific::Pago_Pago, "23:30", "2026-07-01 00:00", "2026-06-30", "2026-07-01 10:30"),
            // Apia dropped DST in 2021; a gap-free midnight either way.
            (Pacific::Apia, "00:00", "2026-09-27 00:00", "2026-09-28", "2026-09-27 11:00"),
        ];
        for (tz, time, after, date, want) in cases {
            let want = utc(want);
            let got = next_post_after(&rule(time, *tz), utc(after)).expect("a next post");
            assert_eq!(got.at, want, "{tz} {time} after {after}");
            assert_eq!(got.date.to_string(), *date, "{tz} {time} after {after}");
        }
    }

    #[test]
    fn exactly_one_post_per_day_through_a_year_in_every_zone() {
        for tz in [Europe::Berlin, America::New_York, Australia::Lord_Howe, Asia::Kolkata, Pacific::Kiritimati] {
            for time in ["00:00", "01:30", "02:00", "02:30", "09:00", "23:59"] {
                let r = rule(time, tz);
                let posts = upcoming(&r, utc("2026-01-01 00:00"), 365);
                for pair in posts.windows(2) {
                    assert_eq!(pair[1].date, pair[0].date.succ_opt().unwrap(), "{tz} {time}: {pair:?}");
                    let gap = pair[1].at - pair[0].at;
                    assert!(gap >= Duration::hours(22) && gap <= Duration::hours(26), "{tz} {time}: {pair:?}");
                }
            }
        }
    }

    #[test]
    fn days_filter_and_parsing() {
        let mut r = rule("09:00", Europe::Berlin);
        r.days = Days::parse("mon,wed,fri").unwrap();
        // 2026-11-25 is a Wednesday.
        let got: Vec<String> =
            upcoming(&r, utc("2026-11-25 09:00"), 4).iter().map(|o| o.date.format("%a %d").to_string()).collect();
        assert_eq!(got, ["Fri 27", "Mon 30", "Wed 02", "Fri 04"]);
        r.days = Days::WEEKDAYS;
        assert_eq!(next_post_after(&r, utc("2026-11-27 09:00")).unwrap().date.to_string(), "2026-11-30");
        assert_eq!(Days::parse("Weekends").unwrap(), Days::WEEKENDS);
        assert_eq!(Days::parse("monday,Tuesday").unwrap().to_string(), "mon,tue");
        assert!(Days::parse("funday").unwrap_err().contains("funday"));
        assert!(Days::parse("").is_err());
        assert_eq!(Days::from_bits(Days::WEEKDAYS.bits()), Some(Days::WEEKDAYS));
    }

    #[test]
    fn close_and_time_parsing() {
        assert_eq!(Close::parse("8h"), Ok(Close::After(Duration::hours(8))));
        assert_eq!(Close::parse("1h30m"), Ok(Close::After(Duration::minutes(90))));
        assert_eq!(Close::parse("next"), Ok(Close::AtNextPost));
        for bad in ["", "8", "h", "0m", "8x", "-1h", "999999999999999999h", "200h"] {
            assert!(Close::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Close::from_minutes(Close::parse("90m").unwrap().minutes()).to_string(), "after 1h30m");
        assert_eq!(parse_time("9:05").unwrap(), NaiveTime::from_hms_opt(9, 5, 0).unwrap());
        for bad in ["24:00", "09:60", "0900", "9", "aa:bb", "09:5", "123:00"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert!(parse_zone("Mars/Olympus").unwrap_err().contains("Mars/Olympus"));
    }

    #[test]
    fn closing_times() {
        let mut r = rule("09:00", Europe::Berlin);
        let o = next_post_after(&r, utc("2026-03-28 00:00")).unwrap();
        assert_eq!(r.closes_at(o), Some(utc("2026-03-29 07:00")), "next post, across the spring change");
        r.close = Close::After(Duration::hours(8));
        assert_eq!(r.closes_at(o), Some(utc("2026-03-28 16:00")));
    }

    fn pending(rule: &Rule, after: &str) -> Pending {
        Pending { next: next_post_after(rule, utc(after)).unwrap(), skip: None }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn plan_posts_on_the_minute_and_not_before() {
        let r = Rule { close: Close::After(Duration::hours(8)), ..rule("09:00", Europe::Berlin) };
        let p = pending(&r, "2026-11-30 00:00");
        assert_eq!(plan(&r, p, utc("2026-11-30 07:59"), Duration::hours(2)), Plan { steps: vec![], pending: Some(p) });
        let done = plan(&r, p, utc("2026-11-30 08:00"), Duration::hours(2));
        let due = utc("2026-11-30 08:00");
        assert_eq!(
            done.steps,
            vec![Step::Post { date: date("2026-11-30"), due, late: false, closes_at: Some(utc("2026-11-30 16:00")) }]
        );
        assert_eq!(done.pending.unwrap().next.at, utc("2026-12-01 08:00"));
    }

    #[test]
    fn plan_posts_late_within_the_grace_and_records_older_posts_as_missed() {
        let r = rule("09:00", Europe::Berlin);
        let p = pending(&r, "2026-11-27 00:00");
        // Down from Friday morning until Sunday 09:59 UTC (10:59 in Berlin).
        let out = plan(&r, p, utc("2026-11-29 09:59"), Duration::hours(2));
        assert_eq!(
            out.steps,
            vec![
                Step::Missed { date: date("2026-11-27"), due: utc("2026-11-27 08:00") },
                Step::Missed { date: date("2026-11-28"), due: utc("2026-11-28 08:00") },
                Step::Post {
                    date: date("2026-11-29"),
                    due: utc("2026-11-29 08:00"),
                    late: true,
                    closes_at: Some(utc("2026-11-30 08:00")),
                },
            ]
        );
        // One minute past the grace it is missed too.
        let out = plan(&r, pending(&r, "2026-11-29 00:00"), utc("2026-11-29 10:01"), Duration::hours(2));
        assert_eq!(out.steps, vec![Step::Missed { date: date("2026-11-29"), due: utc("2026-11-29 08:00") }]);
    }

    #[test]
    fn plan_skips_once_and_a_close_already_past_is_dropped() {
        let r = Rule { close: Close::After(Duration::minutes(30)), ..rule("09:00", Europe::Berlin) };
        let mut p = pending(&r, "2026-11-30 00:00");
        p.skip = Some(date("2026-11-30"));
        let out = plan(&r, p, utc("2026-12-01 08:45"), Duration::hours(2));
        assert_eq!(
            out.steps,
            vec![
                Step::Skip { date: date("2026-11-30") },
                Step::Post { date: date("2026-12-01"), due: utc("2026-12-01 08:00"), late: true, closes_at: None },
            ]
        );
        assert_eq!(out.pending.unwrap().skip, None, "a skip is used up");
    }

    #[test]
    fn plan_follows_local_time_across_the_dst_change() {
        // Berlin falls back on 2026-10-25: 09:00 local is 07:00 UTC, then 08:00 UTC.
        let r = rule("09:00", Europe::Berlin);
        let mut p = pending(&r, "2026-10-23 12:00");
        let mut posted = Vec::new();
        for now in ["2026-10-24 07:00", "2026-10-25 07:59", "2026-10-25 08:00", "2026-10-26 08:00"] {
            let out = plan(&r, p, utc(now), Duration::hours(2));
            posted.extend(out.steps.iter().map(|s| match s {
                Step::Post { due, .. } => due.format("%m-%d %H:%M").to_string(),
                other => panic!("{other:?}"),
            }));
            p = out.pending.unwrap();
        }
        assert_eq!(posted, ["10-24 07:00", "10-25 08:00", "10-26 08:00"]);
    }
}
