//! Spaced repetition: a card per player and item, scheduled with FSRS (the
//! `rs-fsrs` crate, default parameters, no fuzz, so the same answers give
//! the same schedule). A right answer is a "good" review, a quick right
//! practice answer an "easy" one, a wrong answer "again". Short-term steps
//! are on: an item answered wrong comes back within minutes, the same day.
//! Every function takes the time; none reads a clock.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use rand::{Rng, RngExt};
use rs_fsrs::{FSRS, Rating, State};

/// A right practice answer at most this long after the question was asked
/// counts as an easy recall.
pub const QUICK: Duration = Duration::seconds(10);

/// What FSRS keeps of a player's memory of one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub due: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning (FSRS's states).
    pub state: u8,
    pub last_review: DateTime<Utc>,
}

impl Card {
    /// Graduated from the learning steps: the player knows it for days at least.
    pub fn learned(&self) -> bool {
        self.state == State::Review as u8
    }
}

/// How a review went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recall {
    Forgot,
    Good,
    Easy,
}

impl Recall {
    /// `quick`: answered within [`QUICK`] of being asked (practice only).
    pub fn of(correct: bool, quick: bool) -> Recall {
        match (correct, quick) {
            (false, _) => Recall::Forgot,
            (true, false) => Recall::Good,
            (true, true) => Recall::Easy,
        }
    }
}

impl From<Card> for rs_fsrs::Card {
    fn from(c: Card) -> Self {
        let state = match c.state {
            1 => State::Learning,
            2 => State::Review,
            3 => State::Relearning,
            _ => State::New,
        };
        rs_fsrs::Card {
            due: c.due,
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            state,
            last_review: c.last_review,
        }
    }
}

impl From<rs_fsrs::Card> for Card {
    fn from(c: rs_fsrs::Card) -> Self {
        Card {
            due: c.due,
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            state: c.state as u8,
            last_review: c.last_review,
        }
    }
}

/// The card after a review at `at`. A review older than the card's last one
/// (answers settled out of order) counts at the last one's time.
pub fn review(card: Option<Card>, recall: Recall, at: DateTime<Utc>) -> Card {
    let before = card.map_or_else(|| rs_fsrs::Card { due: at, last_review: at, ..Default::default() }, Into::into);
    let at = at.max(before.last_review);
    let rating = match recall {
        Recall::Forgot => Rating::Again,
        Recall::Good => Rating::Good,
        Recall::Easy => Rating::Easy,
    };
    FSRS::default().next(before, at, rating).card.into()
}

/// The next practice item: the most overdue card due at `now`; with none
/// due, an item the player has never seen from the category they have
/// practised least; with none of those, the card due soonest. Never an item
/// in `exclude` (the channel's open daily question) unless nothing else is
/// left.
pub fn next_practice<'a>(
    pool: &[(&'a str, &'a str)],
    cards: &HashMap<String, Card>,
    exclude: &HashSet<&str>,
    now: DateTime<Utc>,
    rng: &mut impl Rng,
) -> Option<&'a str> {
    let allowed: Vec<(&'a str, &'a str)> = match pool.iter().copied().filter(|(id, _)| !exclude.contains(id)).collect()
    {
        v if Vec::is_empty(&v) => pool.to_vec(),
        v => v,
    };
    let mut due: Vec<(&'a str, DateTime<Utc>)> =
        allowed.iter().filter_map(|(id, _)| cards.get(*id).map(|c| (*id, c.due))).filter(|(_, d)| *d <= now).collect();
    due.sort_by_key(|(id, d)| (*d, *id));
    if let Some((id, _)) = due.first() {
        return Some(id);
    }
    let mut seen_per_category: HashMap<&str, usize> = HashMap::new();
    for (id, category) in &allowed {
        *seen_per_category.entry(category).or_default() += usize::from(cards.contains_key(*id));
    }
    let unseen: Vec<(&'a str, &'a str)> = allowed.iter().copied().filter(|(id, _)| !cards.contains_key(*id)).collect();
    if let Some(least) = unseen.iter().map(|(_, c)| seen_per_category[c]).min() {
        let from: Vec<&'a str> =
            unseen.iter().filter(|(_, c)| seen_per_category[c] == least).map(|(id, _)| *id).collect();
        return Some(from[rng.random_range(0..from.len())]);
    }
    allowed
        .iter()
        .filter_map(|(id, _)| cards.get(*id).map(|c| (*id, c.due)))
        .min_by_key(|(id, d)| (*d, *id))
        .map(|(id, _)| id)
}

/// What `/quiz review` tells: cards due now, due later before `day_end`,
/// and the next due instant after now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlook {
    pub due_now: usize,
    pub later_today: usize,
    pub next: Option<DateTime<Utc>>,
}

pub fn outlook<'a>(cards: impl IntoIterator<Item = &'a Card>, now: DateTime<Utc>, day_end: DateTime<Utc>) -> Outlook {
    let mut out = Outlook { due_now: 0, later_today: 0, next: None };
    for c in cards {
        if c.due <= now {
            out.due_now += 1;
        } else {
            out.later_today += usize::from(c.due < day_end);
            out.next = Some(out.next.map_or(c.due, |n: DateTime<Utc>| n.min(c.due)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn at(s: &str) -> DateTime<Utc> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap().and_utc()
    }

    #[test]
    fn right_answers_space_out_and_a_wrong_one_comes_back_the_same_day() {
        let mut now = at("2026-01-05 09:00");
        let mut card = review(None, Recall::Good, now);
        let mut intervals = Vec::new();
        for _ in 0..8 {
            now = card.due;
            let next = review(Some(card), Recall::Good, now);
            intervals.push(next.due - now);
            card = next;
        }
        assert!(intervals.windows(2).all(|w| w[1] > w[0]), "{intervals:?}");
        assert!(intervals.last().unwrap() > &Duration::days(30), "{intervals:?}");
        assert!(card.learned());
        let forgot = review(Some(card), Recall::Forgot, now);
        assert!(forgot.due - now < Duration::hours(1), "due again within minutes: {:?}", forgot.due - now);
        assert_eq!(forgot.lapses, card.lapses + 1);
        let easy = review(None, Recall::Easy, now);
        let good = review(None, Recall::Good, now);
        assert!(easy.due > good.due, "an easy first answer waits longer");
    }

    #[test]
    fn a_review_older_than_the_last_counts_at_the_last() {
        let first = review(None, Recall::Good, at("2026-01-05 12:00"));
        let late = review(Some(first), Recall::Good, at("2026-01-05 09:00"));
        assert_eq!(late.last_review, at("2026-01-05 12:00"));
    }

    #[test]
    fn practice_takes_the_most_overdue_card_then_the_least_practised_category() {
        let now = at("2026-01-10 09:00");
        let pool = [("a1", "apis"), ("a2", "apis"), ("d1", "databases"), ("d2", "databases"), ("d3", "databases")];
        let card = |due: &str| Card { due: at(due), ..review(None, Recall::Good, at("2026-01-01 09:00")) };
        let mut cards = HashMap::from([
            ("a1".to_string(), card("2026-01-09 09:00")),
            ("d1".to_string(), card("2026-01-08 09:00")),
            ("d2".to_string(), card("2026-01-12 09:00")),
        ]);
        let mut rng = StdRng::seed_from_u64(3);
        let none = HashSet::new();
        assert_eq!(next_practice(&pool, &cards, &none, now, &mut rng), Some("d1"), "most overdue first");
        assert_eq!(
            next_practice(&pool, &cards, &HashSet::from(["d1"]), now, &mut rng),
            Some("a1"),
            "not the open daily"
        );
        cards.get_mut("d1").unwrap().due = at("2026-01-11 09:00");
        cards.get_mut("a1").unwrap().due = at("2026-01-11 09:00");
        // Nothing due: apis has 1 seen, databases 2, so the unseen apis item.
        for _ in 0..20 {
            assert_eq!(next_practice(&pool, &cards, &none, now, &mut rng), Some("a2"));
        }
        cards.insert("a2".into(), card("2026-01-13 09:00"));
        cards.insert("d3".into(), card("2026-01-14 09:00"));
        // Everything seen, nothing due: the one due soonest.
        assert_eq!(next_practice(&pool, &cards, &none, now, &mut rng), Some("a1"));
        assert_eq!(next_practice(&[], &cards, &none, now, &mut rng), None);
    }

    #[test]
    fn the_outlook_counts_due_now_later_today_and_the_next() {
        let now = at("2026-01-10 09:00");
        let card = |due: &str| Card { due: at(due), ..review(None, Recall::Good, at("2026-01-01 09:00")) };
        let cards =
            [card("2026-01-10 08:00"), card("2026-01-10 09:00"), card("2026-01-10 18:00"), card("2026-01-12 09:00")];
        let o = outlook(&cards, now, at("2026-01-11 00:00"));
        assert_eq!(o, Outlook { due_now: 2, later_today: 1, next: Some(at("2026-01-10 18:00")) });
        assert_eq!(outlook(&[], now, now), Outlook { due_now: 0, later_today: 0, next: None });
    }
}
