//! What of a member's text is shown: never the characters that change how
//! the text around them reads while showing nothing themselves.

/// Whether `c` changes how the text around it is shown while showing
/// nothing itself: the bidirectional controls (U+202E makes `evil` read
/// `live`), the zero-width space, word joiner and byte-order mark. Members'
/// names and words lose them wherever they come in. (The zero-width joiner
/// and non-joiner stay: emoji sequences and some scripts need them.)
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// A member's name as shown anywhere: invisible characters dropped, control
/// characters as spaces, runs of spaces as one; their id when nothing is left.
pub fn shown_name(name: &str, id: &str) -> String {
    let kept: String =
        name.chars().filter(|c| !is_invisible(*c)).map(|c| if c.is_control() { ' ' } else { c }).collect();
    let joined = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() { id.to_string() } else { joined }
}
