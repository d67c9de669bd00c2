//! Turning a wall-clock time in an IANA zone into an instant, without ever
//! panicking on DST: a time that occurs twice maps to the earlier instant, a
//! time inside a spring-forward gap maps to the first valid minute after it.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The instant of a local wall-clock time. `None` only if no valid minute
/// exists within a day after it, which no real zone does.
pub fn resolve(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let mut t = local;
    for _ in 0..=24 * 60 {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(dt) => return Some(dt.with_timezone(&Utc)),
            LocalResult::Ambiguous(earlier, _) => return Some(earlier.with_timezone(&Utc)),
            LocalResult::None => t = t.checked_add_signed(Duration::minutes(1))?,
        }
    }
    None
}

/// The first instant of a local calendar day (midnight, or after a gap at midnight).
pub fn start_of_day(tz: Tz, date: NaiveDate) -> Option<DateTime<Utc>> {
    resolve(tz, date.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test datetime")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        naive(s).and_utc()
    }

    #[test]
    fn gaps_move_forward_and_repeats_take_the_earlier() {
        let cases = [
            (chrono_tz::Europe::Berlin, "2026-03-29 02:30", "2026-03-29 01:00"),
            (chrono_tz::Europe::Berlin, "2026-10-25 02:30", "2026-10-25 00:30"),
            (chrono_tz::Europe::Berlin, "2026-07-01 09:00", "2026-07-01 07:00"),
            (chrono_tz::America::New_York, "2026-03-08 02:15", "2026-03-08 07:00"),
            (chrono_tz::America::New_York, "2026-11-01 01:30", "2026-11-01 05:30"),
            (chrono_tz::Australia::Lord_Howe, "2026-10-04 02:10", "2026-10-03 15:30"),
            // America/Santiago skips midnight on its spring-forward day.
            (chrono_tz::America::Santiago, "2026-09-06 00:00", "2026-09-06 04:00"),
        ];
        for (tz, local, want) in cases {
            assert_eq!(resolve(tz, naive(local)), Some(utc(want)), "{tz} {local}");
        }
    }
}
