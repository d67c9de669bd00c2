//! What the grader needs of an item: the kind of answer it takes, and how
//! its choices are lettered. The bank (`content`) builds on it.

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// Multiple choice; `answer` is the index of the right choice.
    Choice { choices: Vec<String>, answer: usize },
    /// A short answer; any entry of `accept` is right, and every entry of
    /// `reject` is wrong even where a typo would otherwise be forgiven.
    Text { accept: Vec<String>, reject: Vec<String> },
    /// An open prompt with no right answer, to talk over in a thread;
    /// `notes` are what a strong answer covers, shown when it closes.
    Discussion { notes: Vec<String> },
}

/// The letter for a choice index: 0 -> 'A'.
pub fn letter(index: usize) -> char {
    char::from(b'A' + u8::try_from(index).unwrap_or(25).min(25))
}
