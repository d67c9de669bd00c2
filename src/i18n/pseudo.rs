//! A pseudo-locale for tests: while [`on`] runs, every message's own words
//! come out 40% longer and accented (`Ánswér récórdéd. ~~~~~~`), so a test
//! can render every reply kind and check the platforms' limits hold in any
//! language a translator may write. Arguments (names, questions, figures)
//! are left as they are: they are the members' and the bank's.

use std::cell::Cell;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the pseudo-locale on, on this thread.
pub(crate) fn on<T>(f: impl FnOnce() -> T) -> T {
    ON.with(|on| on.set(true));
    let out = f();
    ON.with(|on| on.set(false));
    out
}

/// `text` stretched, when the pseudo-locale is on.
pub(crate) fn stretch(text: &str) -> String {
    if !ON.with(Cell::get) {
        return text.to_string();
    }
    let accented: String = text
        .chars()
        .map(|c| match c {
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ó',
            'u' => 'ú',
            'n' => 'ñ',
            'A' => 'Á',
            'E' => 'É',
            'O' => 'Ö',
            'U' => 'Ü',
            other => other,
        })
        .collect();
    // Only the words around the arguments count: their marks are kept whole.
    let words = text.chars().filter(|c| !matches!(c, '\u{E010}' | '\u{E011}') && !c.is_ascii_digit()).count();
    let pad = (words * 2).div_ceil(5);
    if pad == 0 { accented } else { format!("{accented} {}", "~".repeat(pad.saturating_sub(1))) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_message_grows_by_two_fifths_and_keeps_its_arguments() {
        let msg = crate::msg!("verdict-recorded");
        let plain = crate::i18n::Lang::EnUs.tr(&msg);
        let stretched = super::on(|| crate::i18n::Lang::EnUs.tr(&msg));
        assert_eq!(stretched.chars().count(), plain.chars().count() * 7 / 5 + 1, "{stretched}");
        assert!(stretched.starts_with("Áñswér récórdéd."), "{stretched}");
        let named = super::on(|| crate::i18n::Lang::EnUs.tr(&crate::msg!("suggested-by", name = "Ann")));
        assert!(named.contains("Ann"), "{named}");
    }
}
