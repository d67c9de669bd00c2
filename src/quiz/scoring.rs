//! Points for a daily answer.

/// The scoring rules (from config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoringRules {
    /// Points for a correct daily answer.
    pub correct: u32,
    /// At most this many bonus points for a running streak.
    pub streak_bonus_cap: u32,
}

impl Default for ScoringRules {
    fn default() -> Self {
        Self { correct: 10, streak_bonus_cap: 5 }
    }
}

/// Points for a daily answer: nothing when wrong; otherwise the base points
/// plus one per question of the streak the answer extends, up to the cap.
pub fn daily_points(rules: ScoringRules, correct: bool, streak_before: u32) -> u32 {
    if correct { rules.correct + streak_before.min(rules.streak_bonus_cap) } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_table() {
        let r = ScoringRules::default();
        for (correct, streak, want) in
            [(false, 0, 0), (false, 9, 0), (true, 0, 10), (true, 1, 11), (true, 5, 15), (true, 40, 15)]
        {
            assert_eq!(daily_points(r, correct, streak), want, "correct={correct} streak={streak}");
        }
    }
}
