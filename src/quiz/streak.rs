//! Streaks: consecutive *posted* daily questions of a channel answered
//! correctly. Only posted questions are settled, so a day the bot did not post
//! (paused, skipped, outage) never touches a streak. A freeze, earned every
//! `freeze_every` correct answers in a row (at most `freeze_max` held), covers
//! one posted question the player did not answer; a wrong answer always ends
//! the streak.

/// The streak rules (from config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakRules {
    pub freeze_every: u32,
    pub freeze_max: u32,
}

impl Default for StreakRules {
    fn default() -> Self {
        Self { freeze_every: 7, freeze_max: 2 }
    }
}

/// One player's streak in one channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Streak {
    pub current: u32,
    pub best: u32,
    pub freezes: u32,
}

/// How a player did on one posted daily question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Correct,
    Wrong,
    Unanswered,
}

/// What settling did, for telling the player.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Extended { earned_freeze: bool },
    FreezeUsed,
    Broken,
    Unchanged,
}

/// Settles one posted question into a streak.
pub fn settle(rules: StreakRules, s: Streak, outcome: Outcome) -> (Streak, Change) {
    match outcome {
        Outcome::Correct => {
            let current = s.current + 1;
            let earned =
                rules.freeze_every > 0 && current.is_multiple_of(rules.freeze_every) && s.freezes < rules.freeze_max;
            let next = Streak { current, best: s.best.max(current), freezes: s.freezes + u32::from(earned) };
            (next, Change::Extended { earned_freeze: earned })
        }
        Outcome::Unanswered if s.current == 0 => (s, Change::Unchanged),
        Outcome::Unanswered if s.freezes > 0 => (Streak { freezes: s.freezes - 1, ..s }, Change::FreezeUsed),
        Outcome::Unanswered | Outcome::Wrong if s.current == 0 => (s, Change::Unchanged),
        Outcome::Unanswered | Outcome::Wrong => (Streak { current: 0, ..s }, Change::Broken),
    }
}

/// The streak after a whole history of posted questions, oldest first.
pub fn replay(rules: StreakRules, outcomes: impl IntoIterator<Item = Outcome>) -> Streak {
    outcomes.into_iter().fold(Streak::default(), |s, o| settle(rules, s, o).0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::*;

    /// One calendar day: the bot posted and the player did this, or the bot
    /// did not post (paused/skipped/outage), which settles nothing.
    #[derive(Clone, Copy)]
    enum Day {
        Posted(Outcome),
        NoPost,
    }
    use Day::*;

    fn run(days: &[Day]) -> Vec<(u32, u32, u32)> {
        let rules = StreakRules::default();
        let mut s = Streak::default();
        let mut out = Vec::new();
        for d in days {
            if let Posted(o) = d {
                s = settle(rules, s, *o).0;
            }
            out.push((s.current, s.best, s.freezes));
        }
        out
    }

    #[test]
    fn streak_table() {
        // (current, best, freezes) after each day.
        let days = [
            Posted(Correct),    // 1
            Posted(Correct),    // 2
            NoPost,             // paused: unchanged
            Posted(Correct),    // 3
            Posted(Unanswered), // no freeze yet: broken
            Posted(Correct),    // 1
            Posted(Wrong),      // broken
            Posted(Wrong),      // still 0
        ];
        assert_eq!(
            run(&days),
            vec![(1, 1, 0), (2, 2, 0), (2, 2, 0), (3, 3, 0), (0, 3, 0), (1, 3, 0), (0, 3, 0), (0, 3, 0)]
        );
    }

    #[test]
    fn freezes_are_earned_every_seven_capped_and_cover_a_missed_post() {
        let mut days = vec![Posted(Correct); 7];
        days.push(Posted(Unanswered)); // freeze used
        days.push(NoPost); // outage
        days.push(Posted(Correct)); // 8
        let got = run(&days);
        assert_eq!(got[6], (7, 7, 1));
        assert_eq!(got[7], (7, 7, 0));
        assert_eq!(got[8], (7, 7, 0));
        assert_eq!(got[9], (8, 8, 0));

        let s = replay(StreakRules::default(), vec![Correct; 28]);
        assert_eq!(s, Streak { current: 28, best: 28, freezes: 2 }, "capped at two freezes");
    }

    #[test]
    fn a_freeze_never_covers_a_wrong_answer() {
        let mut outcomes = vec![Correct; 7];
        outcomes.push(Wrong);
        assert_eq!(replay(StreakRules::default(), outcomes), Streak { current: 0, best: 7, freezes: 1 });
    }

    #[test]
    fn settle_reports_what_changed() {
        let r = StreakRules::default();
        let s = Streak { current: 6, best: 6, freezes: 0 };
        assert_eq!(settle(r, s, Correct).1, Change::Extended { earned_freeze: true });
        assert_eq!(settle(r, Streak::default(), Unanswered).1, Change::Unchanged);
        assert_eq!(settle(r, Streak { current: 2, best: 2, freezes: 1 }, Unanswered).1, Change::FreezeUsed);
        assert_eq!(settle(r, s, Wrong).1, Change::Broken);
    }
}
