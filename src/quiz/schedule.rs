//! A channel's daily schedule: a wall-clock time in an IANA zone on chosen
//! weekdays, and when each question closes. [`next_post_after`] is the one
//! rule for when the next question goes out; it never panics on DST: a time
//! inside a spring-forward gap posts at the first valid minute after it, and
//! a time that occurs twice posts once, at the earlier instant.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::localtime::resolve;
use crate::i18n::Msg;
use crate::msg;

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

    /// `daily`, `weekdays`, `weekends`, or a comma list of days and ranges
    /// such as `mon,wed,fri`, `mon-fri` or `fri-mon` (a range may wrap past
    /// Sunday). A day is its name or a prefix of it of three letters or more
    /// (`tue`, `tues`, `tuesday`); anything else is refused, never read as
    /// the day its first letters spell.
    pub fn parse(s: &str) -> Result<Days, ParseError> {
        match s.to_ascii_lowercase().as_str() {
            "daily" | "every-day" | "everyday" | "all" => return Ok(Days::EVERY_DAY),
            "weekdays" => return Ok(Days::WEEKDAYS),
            "weekends" => return Ok(Days::WEEKENDS),
            _ => {}
        }
        let refuse = || ParseError::NotDays(s.to_string());
        let mut bits = 0u8;
        for part in s.split(',').map(|p| p.trim().to_ascii_lowercase()) {
            match part.split_once('-') {
                Some((from, to)) => {
                    let (from, to) = (day_index(from).ok_or_else(refuse)?, day_index(to).ok_or_else(refuse)?);
                    let mut day = from;
                    loop {
                        bits |= 1 << day;
                        if day == to {
                            break;
                        }
                        day = (day + 1) % 7;
                    }
                }
                None => bits |= 1 << day_index(&part).ok_or_else(refuse)?,
            }
        }
        Days::from_bits(bits).ok_or_else(refuse)
    }
}

/// Monday 0 to Sunday 6, from a day's name or a prefix of three letters or more.
fn day_index(word: &str) -> Option<usize> {
    const FULL: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let word = word.trim();
    (word.len() >= 3).then(|| FULL.iter().position(|d| d.starts_with(word))).flatten()
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
    pub fn parse(s: &str) -> Result<Close, ParseError> {
        if matches!(s.to_ascii_lowercase().as_str(), "next" | "next-post" | "at-next-post") {
            return Ok(Close::AtNextPost);
        }
        let d = parse_duration(s).map_err(|_| ParseError::NotAClose(s.to_string()))?;
        if d > Duration::days(7) {
            return Err(ParseError::CloseTooLong(s.to_string()));
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
            Close::After(d) => write!(f, "after {}", duration_token(*d)),
        }
    }
}

/// A duration as typed: `8h`, `90m` as `1h30m`, `45m`.
pub fn duration_token(d: Duration) -> String {
    match (d.num_minutes() / 60, d.num_minutes() % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

/// Parses a positive duration in hours and minutes: `8h`, `90m`, `1h30m`.
pub fn parse_duration(s: &str) -> Result<Duration, ParseError> {
    let bad = || ParseError::NotADuration(s.to_string());
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
pub fn parse_time(s: &str) -> Result<NaiveTime, ParseError> {
    let bad = || ParseError::NotATime(s.to_string());
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

/// An IANA zone by its name, in any case (`Europe/Berlin`, `europe/berlin`);
/// anything else is refused with the zone it most likely meant.
pub fn parse_zone(s: &str) -> Result<Tz, ParseError> {
    s.parse::<Tz>()
        .ok()
        .or_else(|| chrono_tz::TZ_VARIANTS.iter().copied().find(|z| z.name().eq_ignore_ascii_case(s)))
        .ok_or_else(|| ParseError::NotAZone { given: s.to_string(), hint: closest_zone(s) })
}

/// A time, zone, set of days or close time that does not read as one; the
/// text is the catalogue's, in the source language where no reader is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    NotATime(String),
    NotAZone { given: String, hint: Option<&'static str> },
    NotDays(String),
    NotADuration(String),
    NotAClose(String),
    CloseTooLong(String),
}

impl ParseError {
    pub fn msg(&self) -> Msg {
        match self {
            ParseError::NotATime(s) => msg!("not-a-time", given = s),
            ParseError::NotAZone { given, hint: None } => msg!("not-a-zone", given = given),
            ParseError::NotAZone { given, hint: Some(hint) } => msg!("not-a-zone-hint", given = given, hint = *hint),
            ParseError::NotDays(s) => msg!("not-days", given = s),
            ParseError::NotADuration(s) => msg!("not-a-duration", given = s),
            ParseError::NotAClose(s) => msg!("not-a-close", given = s),
            ParseError::CloseTooLong(s) => msg!("close-too-long", given = s),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().en())
    }
}

impl std::error::Error for ParseError {}

/// The IANA zone a mistyped or partial one most likely meant: the same name
/// in another case, a city alone ("berlin"), or one or two typos away.
pub fn closest_zone(given: &str) -> Option<&'static str> {
    let given = given.trim().replace(' ', "_");
    if given.len() < 3 {
        return None;
    }
    let names = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).filter(|n| n.contains('/') && !n.starts_with("Etc/"));
    let spellings = |n: &str| {
        let city = n.rsplit('/').next().unwrap_or(n).to_lowercase();
        [n.to_lowercase(), city]
    };
    crate::quiz::closest::closest(&given, names.map(|n| (n, spellings(n))))
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
#[path = "schedule_tests.rs"]
mod tests;
