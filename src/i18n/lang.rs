//! The languages the bot speaks: their tags, how a tag is matched, and how
//! each writes dates, instants and numbers.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{CONSOLE_ADMIN, Msg, Plain, Words, marks};

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// American English, the source every other language is translated from.
    #[default]
    EnUs,
    De,
    EsEs,
    Fr,
    PtBr,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::EnUs, Lang::De, Lang::EsEs, Lang::Fr, Lang::PtBr, Lang::Ja];

    /// The BCP 47 tag its catalogue is filed under.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::EnUs => "en-US",
            Lang::De => "de",
            Lang::EsEs => "es-ES",
            Lang::Fr => "fr",
            Lang::PtBr => "pt-BR",
            Lang::Ja => "ja",
        }
    }

    /// The language we speak for a locale tag as platforms send them
    /// (`de`, `es-419`, `pt-PT`, `ja-JP`): by its language subtag, so a
    /// region we have no catalogue of falls back to the one we have
    /// (`es-MX` to `es-ES`, `pt-PT` to `pt-BR`); `None` for a language we
    /// do not speak.
    pub fn negotiate(tag: &str) -> Option<Lang> {
        let language = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Some(match language.as_str() {
            "en" => Lang::EnUs,
            "de" => Lang::De,
            "es" => Lang::EsEs,
            "fr" => Lang::Fr,
            "pt" => Lang::PtBr,
            "ja" => Lang::Ja,
            _ => return None,
        })
    }

    /// `msg` in this language, as plain text, with admin commands spelled
    /// `/quiz admin`.
    pub fn tr(self, msg: &Msg) -> String {
        Words { lang: self, admin: CONSOLE_ADMIN }.tr(msg, &Plain)
    }

    /// The first language of a browser's `Accept-Language` we speak, in
    /// the order it lists them (parsed by `fluent-langneg`).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        fluent_langneg::parse_accepted_languages(header).iter().find_map(|id| Lang::negotiate(&id.to_string()))
    }

    /// An instant, marked so Discord and Slack show it in each reader's own
    /// zone; elsewhere in `tz` and in UTC: `Thu 2026-11-26 09:00 CET (08:00 UTC)`
    /// (the day as [`Lang::date`] writes it, without the English weekday, in
    /// other languages), and once in a zone that is UTC: `Thu 2026-11-26 09:00 UTC`.
    pub fn when(self, at: DateTime<Utc>, tz: Tz) -> String {
        let shown = at.with_timezone(&tz);
        let local = match self {
            Lang::EnUs => shown.format("%a %Y-%m-%d %H:%M %Z").to_string(),
            _ => format!("{} {}", self.date(shown.date_naive()), shown.format("%H:%M %Z")),
        };
        let fallback = if shown.format("%Z").to_string() == "UTC" {
            local
        } else {
            format!("{local} ({} UTC)", at.format("%H:%M"))
        };
        marks::time_mark(at, &fallback)
    }

    /// An instant, marked so Discord and Slack show it in each reader's own
    /// zone; elsewhere in UTC: `2026-11-26 08:00 UTC`.
    pub fn when_utc(self, at: DateTime<Utc>) -> String {
        marks::time_mark(at, &at.format("%Y-%m-%d %H:%M UTC").to_string())
    }

    /// A calendar day as the language writes it in figures: `07.12.2026`
    /// (de), `07/12/2026` (es-ES, fr, pt-BR), `2026年12月7日` (ja). English
    /// keeps `2026-12-07`: en-US is every English reader's catalogue (en-GB
    /// and en-IN fall back to it), and their day-month orders differ, so the
    /// one order all of them read the same way is the international one.
    pub fn date(self, day: NaiveDate) -> String {
        let format = match self {
            Lang::EnUs => "%Y-%m-%d",
            Lang::De => "%d.%m.%Y",
            Lang::EsEs | Lang::Fr | Lang::PtBr => "%d/%m/%Y",
            Lang::Ja => "%Y年%-m月%-d日",
        };
        day.format(format).to_string()
    }

    /// A day as the language writes it in running text, with its weekday:
    /// `Mon, Nov 30`, `Mo, 30. Nov`, `lun 30 nov`, `11月30日(月)`; with the
    /// year where `year`. Names come from chrono's locale data (glibc's).
    pub fn day(self, day: NaiveDate, year: bool) -> String {
        let [short, long, _] = self.day_formats();
        day.format_localized(if year { long } else { short }, self.locale()).to_string()
    }

    /// A day as a label under a chart's bar: `Mon 7`, `Mo 7.`, `7日(月)`.
    pub fn day_label(self, day: NaiveDate) -> String {
        day.format_localized(self.day_formats()[2], self.locale()).to_string()
    }

    /// The day formats: in running text, with the year, under a bar.
    fn day_formats(self) -> [&'static str; 3] {
        match self {
            Lang::EnUs => ["%a, %b %-d", "%a, %b %-d, %Y", "%a %-d"],
            Lang::De => ["%a, %-d. %b", "%a, %-d. %b %Y", "%a %-d."],
            Lang::EsEs | Lang::Fr => ["%a %-d %b", "%a %-d %b %Y", "%a %-d"],
            Lang::PtBr => ["%a, %-d %b", "%a, %-d %b %Y", "%a %-d"],
            Lang::Ja => ["%-m月%-d日(%a)", "%Y年%-m月%-d日(%a)", "%-d日(%a)"],
        }
    }

    /// chrono's locale data (glibc's names) for the language.
    fn locale(self) -> chrono::Locale {
        match self {
            Lang::EnUs => chrono::Locale::en_US,
            Lang::De => chrono::Locale::de_DE,
            Lang::EsEs => chrono::Locale::es_ES,
            Lang::Fr => chrono::Locale::fr_FR,
            Lang::PtBr => chrono::Locale::pt_BR,
            Lang::Ja => chrono::Locale::ja_JP,
        }
    }

    /// A whole number as the language groups its digits: `12,345` (en-US,
    /// ja), `12.345` (de, pt-BR; es-ES from five digits, as its style guides
    /// ask), `12 345` with a narrow no-break space (fr).
    pub fn number(self, n: i64) -> String {
        let (separator, from) = match self {
            Lang::EnUs | Lang::Ja => (',', 4),
            Lang::De | Lang::PtBr => ('.', 4),
            Lang::EsEs => ('.', 5),
            Lang::Fr => ('\u{202F}', 4),
        };
        let digits = n.unsigned_abs().to_string();
        if digits.len() < from {
            return n.to_string();
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(d);
        }
        out
    }

    /// Names in a run of text: `databases, security, apis`.
    pub fn list(self, items: &[String]) -> String {
        items.join(", ")
    }
}
