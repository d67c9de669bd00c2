//! Times inside text, marked so each platform can show them its own way.

use chrono::{DateTime, Utc};

// A time inside a reply's text is marked so each platform can show it its
// own way (Discord and Slack in each reader's own zone). The marks are
// private-use characters, which no escape touches; user text cannot forge
// one that shows more than a time, because only digits are read as the instant.
const TIME_START: char = '\u{E000}';
const TIME_SPLIT: char = '\u{E001}';
const TIME_END: char = '\u{E002}';

/// `at` marked as a time in reply text; platforms that cannot localise it show `fallback`.
pub fn time_mark(at: DateTime<Utc>, fallback: &str) -> String {
    format!("{TIME_START}{}{TIME_SPLIT}{fallback}{TIME_END}", at.timestamp())
}

/// `text` with every time mark shown by `show(unix_seconds, fallback)`.
pub fn show_times(text: &str, show: fn(i64, &str) -> String) -> String {
    let plain = |out: &mut String, s: &str| out.extend(s.chars().filter(|c| ![TIME_SPLIT, TIME_END].contains(c)));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(TIME_START) {
        plain(&mut out, &rest[..start]);
        let after = &rest[start + TIME_START.len_utf8()..];
        let parsed = after.split_once(TIME_SPLIT).and_then(|(secs, tail)| {
            let (fallback, tail) = tail.split_once(TIME_END)?;
            // A mark the service wrote holds no other mark: anything else is
            // user text imitating one, and is shown as text.
            let nested = |s: &str| s.contains([TIME_START, TIME_SPLIT]);
            if nested(secs) || nested(fallback) {
                return None;
            }
            Some((secs.parse::<i64>().ok()?, fallback, tail))
        });
        match parsed {
            Some((secs, fallback, tail)) => {
                out.push_str(&show(secs, fallback));
                rest = tail;
            }
            // Not a mark the service wrote: drop the stray character.
            None => rest = after,
        }
    }
    plain(&mut out, rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: fn(i64, &str) -> String = |_, fallback| fallback.to_string();

    fn angle(unix: i64, fallback: &str) -> String {
        format!("<{unix}|{fallback}>")
    }

    #[test]
    fn times_are_shown_the_platforms_way_and_stray_marks_are_dropped() {
        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        let text = format!("Next post: {}. Then {}.", time_mark(at, "Tue 09:00"), time_mark(at, "x"));
        assert_eq!(show_times(&text, angle), "Next post: <1764000000|Tue 09:00>. Then <1764000000|x>.");
        assert_eq!(show_times(&text, PLAIN), "Next post: Tue 09:00. Then x.");
        // A forged mark whose instant is not a number shows as plain text.
        let forged = format!("{TIME_START}<@&1>{TIME_SPLIT}y{TIME_END} and {TIME_START}");
        assert_eq!(show_times(&forged, angle), "<@&1>y and ");
        // User text that opens a mark cannot swallow what follows it.
        let name = format!("Eve{TIME_START}1{TIME_SPLIT}");
        let text = format!("{name} hidden? {}", time_mark(at, "x"));
        assert_eq!(show_times(&text, angle), "Eve1 hidden? <1764000000|x>");
    }
}
