//! "Did you mean": the one name a mistyped word most likely meant, for
//! subcommands, categories and time zones alike.
//!
//! Written here rather than taken from a crate: the distance itself is
//! `strsim`'s; what is ours is the rule of when to dare a guess.

/// The name `given` most likely meant, compared without case: the name
/// (or one of its other spellings) itself; else the nearest within two
/// typos, fewer than the word has letters (the first listed on a tie);
/// else the only name that begins with it. `None` when nothing is close, or
/// for a word of fewer than two letters.
///
/// `names` gives each name with the spellings it answers to, lowercase
/// (a zone answers to `europe/berlin` and to `berlin`).
pub fn closest<'a, S>(given: &str, names: impl IntoIterator<Item = (&'a str, S)>) -> Option<&'a str>
where
    S: IntoIterator<Item = String>,
{
    let given = given.trim().to_lowercase();
    let letters = given.chars().count();
    if letters < 2 {
        return None;
    }
    let mut nearest: Option<(&'a str, usize)> = None;
    let mut begun: Vec<&'a str> = Vec::new();
    for (name, spellings) in names {
        for spelling in spellings {
            if spelling == given {
                return Some(name);
            }
            let d = strsim::osa_distance(&spelling, &given);
            if d <= 2 && d < letters && nearest.is_none_or(|(_, best)| d < best) {
                nearest = Some((name, d));
            }
            if spelling.starts_with(&given) && !begun.contains(&name) {
                begun.push(name);
            }
        }
    }
    nearest.map(|(name, _)| name).or(match begun.as_slice() {
        [one] => Some(*one),
        _ => None,
    })
}

/// [`closest`] over plain names, each spelled only its own way.
pub fn closest_name<'a>(given: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest(given, names.into_iter().map(|n| (n, [n.to_lowercase()])))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBS: [&str; 6] = ["play", "answer", "archive", "leaderboard", "stats", "streak"];

    #[test]
    fn a_typo_a_case_or_a_beginning_finds_the_name() {
        assert_eq!(closest_name("anwser", SUBS), Some("answer"));
        assert_eq!(closest_name("STATS", SUBS), Some("stats"));
        assert_eq!(closest_name("leader", SUBS), Some("leaderboard"));
        assert_eq!(closest_name("arch", SUBS), Some("archive"));
        // Two typos away from "stats" and one from "streak": the nearer wins.
        assert_eq!(closest_name("streek", SUBS), Some("streak"));
    }

    #[test]
    fn nothing_close_or_too_short_is_no_guess() {
        assert_eq!(closest_name("cooking", SUBS), None);
        assert_eq!(closest_name("s", SUBS), None);
        // Begins two names: no guess.
        assert_eq!(closest_name("st", SUBS), None);
        // Two letters cannot be two typos from anything.
        assert_eq!(closest_name("xy", ["ab", "xyz"]), Some("xyz"));
        assert_eq!(closest_name("qq", ["ab"]), None);
    }

    #[test]
    fn other_spellings_count_like_the_name() {
        let zones = [("Europe/Berlin", ["europe/berlin".to_string(), "berlin".to_string()])];
        assert_eq!(closest("Berlin", zones.clone()), Some("Europe/Berlin"));
        assert_eq!(closest("berln", zones.clone()), Some("Europe/Berlin"));
        assert_eq!(closest("paris", zones), None);
    }
}
