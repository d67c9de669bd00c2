//! Schedules to the minute: next posts across DST in many zones, and the
//! plan a pass carries out.

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
    assert!(Days::parse("funday").unwrap_err().to_string().contains("funday"));
    assert!(Days::parse("").is_err());
    assert_eq!(Days::from_bits(Days::WEEKDAYS.bits()), Some(Days::WEEKDAYS));
}

/// A range is every day from one to the other, never just its first day.
#[test]
fn day_ranges_are_whole_ranges_and_lookalikes_are_refused() {
    assert_eq!(Days::parse("mon-fri").unwrap(), Days::WEEKDAYS);
    assert_eq!(Days::parse("Tue-Thu").unwrap().to_string(), "tue,wed,thu");
    assert_eq!(Days::parse("fri-mon").unwrap().to_string(), "mon,fri,sat,sun");
    assert_eq!(Days::parse("sat-sun").unwrap(), Days::WEEKENDS);
    assert_eq!(Days::parse("mon,wed-fri").unwrap().to_string(), "mon,wed,thu,fri");
    assert_eq!(Days::parse("tues,thurs").unwrap().to_string(), "tue,thu");
    for bad in ["monkey", "mo", "mon-", "-fri", "mon-funday", "mon-fri-sat", "mondays"] {
        assert!(Days::parse(bad).is_err(), "{bad} is refused");
    }
    // A range reaches the scheduler whole: Monday to Friday posts on Friday.
    let mut r = rule("09:00", chrono_tz::Europe::Berlin);
    r.days = Days::parse("mon-fri").unwrap();
    assert_eq!(next_post_after(&r, utc("2026-11-26 09:00")).unwrap().date.to_string(), "2026-11-27");
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
    assert!(parse_zone("Mars/Olympus").unwrap_err().to_string().contains("Mars/Olympus"));
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

#[test]
fn a_mistyped_zone_gets_the_one_it_most_likely_meant() {
    assert_eq!(closest_zone("Europe/Berln"), Some("Europe/Berlin"));
    assert_eq!(closest_zone("berlin"), Some("Europe/Berlin"));
    assert_eq!(closest_zone("america/new_york"), Some("America/New_York"));
    assert_eq!(closest_zone("New York"), Some("America/New_York"));
    assert_eq!(closest_zone("Mars/Olympus"), None);
    // A zone's name in another case is the zone; a city alone is only a hint.
    assert_eq!(parse_zone("europe/berlin"), Ok(chrono_tz::Europe::Berlin));
    assert_eq!(parse_zone("AMERICA/NEW_YORK"), Ok(chrono_tz::America::New_York));
    assert!(matches!(parse_zone("berlin"), Err(ParseError::NotAZone { hint: Some("Europe/Berlin"), .. })));
    assert!(parse_zone("Europe/Berln").unwrap_err().to_string().ends_with("Did you mean Europe/Berlin?"));
    assert!(!parse_zone("Mars/Olympus").unwrap_err().to_string().contains("Did you mean"));
}
