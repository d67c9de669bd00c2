//! The recap chart draws every word it can show, in every language, with
//! glyphs from the font it is drawn in: no empty boxes.

use ab_glyph::{Font, FontRef};
use chrono::{Datelike, NaiveDate};

use super::text;
use crate::chart::{JAPANESE, JAPANESE_FONT, family};
use crate::content::Bank;
use crate::i18n::Lang;

/// Every string each language can put on the chart: its labels, a
/// title for a week of each month, the days under the bars, the bank's
/// category titles, the figures.
fn words(lang: Lang, bank: &Bank) -> Vec<String> {
    let l = text::chart_labels(lang);
    let mut out = vec![l.per_day, l.answers_axis, l.answered, l.right, l.per_category, l.percent_axis, l.nothing];
    out.push("0123456789 %".to_string());
    for month in 1..=12 {
        let first = NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
        let monday = first - chrono::Duration::days(first.weekday().num_days_from_monday().into());
        out.push(lang.tr(&text::recap_title(monday, monday + chrono::Duration::days(6))));
    }
    for day in 1..=31 {
        out.push(lang.day_label(NaiveDate::from_ymd_opt(2026, 12, day).unwrap()));
    }
    out.extend(bank.categories().iter().map(|c| bank.title_in(c, lang)));
    out
}

#[test]
fn every_word_the_chart_can_show_has_glyphs_in_its_font() {
    let latin = FontRef::try_from_slice(dejavu::sans::regular()).expect("DejaVu Sans loads");
    let japanese = FontRef::try_from_slice(JAPANESE_FONT).expect("the Japanese subset loads");
    let bank = Bank::from_sources(&Bank::bundled_sources()).expect("the bundled bank loads");
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let (font, name) = if family(lang) == JAPANESE { (&japanese, JAPANESE) } else { (&latin, "DejaVu Sans") };
        for word in words(lang, &bank) {
            for c in word.chars().filter(|c| !c.is_whitespace()) {
                if font.glyph_id(c).0 == 0 {
                    missing.push(format!(
                        "{}: {c:?} (U+{:04X}) in {word:?} has no glyph in {name}",
                        lang.tag(),
                        c as u32
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}\n(for Japanese, run assets/fonts/subset-ja.py again)", missing.join("\n"));
    // Japanese is drawn in its own font, and that font is needed: DejaVu has no kanji.
    assert_eq!(family(Lang::Ja), JAPANESE);
    assert_eq!(latin.glyph_id('週').0, 0);
}
