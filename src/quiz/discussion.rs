//! Discussion days: what a schedule posts, and the participation streak.
//! A discussion has no right answer: taking part counts toward a streak of
//! its own, never toward points or accuracy.

/// What a channel's schedule posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScheduleKind {
    /// A question to answer, graded (the default).
    #[default]
    Quiz,
    /// An open prompt to talk over.
    Discussion,
    /// A quiz and a discussion by turns.
    Alternate,
}

impl ScheduleKind {
    pub const ALL: [ScheduleKind; 3] = [ScheduleKind::Quiz, ScheduleKind::Discussion, ScheduleKind::Alternate];

    /// The word an admin types and the store keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Quiz => "quiz",
            ScheduleKind::Discussion => "discussion",
            ScheduleKind::Alternate => "alternate",
        }
    }

    pub fn parse(word: &str) -> Option<ScheduleKind> {
        ScheduleKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(word))
    }

    /// Whether the next post is a discussion, given whether the channel's
    /// last post was one (`None`: it has posted nothing yet). Alternating
    /// starts with a quiz and takes turns from whatever came last, so an
    /// admin's post-now or a change of schedule never breaks the rhythm.
    pub fn next_is_discussion(self, last_was_discussion: Option<bool>) -> bool {
        match self {
            ScheduleKind::Quiz => false,
            ScheduleKind::Discussion => true,
            ScheduleKind::Alternate => last_was_discussion == Some(false),
        }
    }
}

/// One discussion of the player's server, newest first: whether it is still
/// open and whether the player took part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Took {
    pub open: bool,
    pub took_part: bool,
}

/// The player's participation streak: how many of the server's latest
/// discussions in a row they took part in. A discussion still open that
/// they have not joined yet does not break it (they still can).
pub fn participation_streak(newest_first: &[Took]) -> usize {
    let mut rest = newest_first;
    if let [first, tail @ ..] = rest
        && first.open
        && !first.took_part
    {
        rest = tail;
    }
    rest.iter().take_while(|t| t.took_part).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn took(s: &str) -> Vec<Took> {
        s.chars().map(|c| Took { open: c.is_lowercase(), took_part: c.eq_ignore_ascii_case(&'y') }).collect()
    }

    #[test]
    fn the_streak_counts_the_latest_discussions_joined_in_a_row() {
        // Upper case: closed; lower case: open. Y took part, N did not.
        assert_eq!(participation_streak(&took("")), 0);
        assert_eq!(participation_streak(&took("YYNY")), 2);
        assert_eq!(participation_streak(&took("NYY")), 0);
        assert_eq!(participation_streak(&took("nYY")), 2, "today's is still open");
        assert_eq!(participation_streak(&took("yYY")), 3);
        assert_eq!(participation_streak(&took("nNYY")), 0);
    }

    #[test]
    fn alternate_takes_turns_from_the_last_post_and_starts_with_a_quiz() {
        let alt = ScheduleKind::Alternate;
        assert!(!alt.next_is_discussion(None));
        assert!(alt.next_is_discussion(Some(false)));
        assert!(!alt.next_is_discussion(Some(true)));
        assert!(ScheduleKind::Discussion.next_is_discussion(Some(true)));
        assert!(!ScheduleKind::Quiz.next_is_discussion(Some(false)));
        assert_eq!(ScheduleKind::parse("Discussion"), Some(ScheduleKind::Discussion));
        assert_eq!(ScheduleKind::parse("talk"), None);
    }
}
