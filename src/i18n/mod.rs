//! Every word a player, an admin or a web visitor reads lives in a Project
//! Fluent catalogue, `locales/<tag>/*.ftl`, compiled into the binary. Code
//! never holds a sentence: it names a message with [`msg!`] (an id and typed
//! arguments) and whoever shows it formats it in the reader's language
//! through [`Lang::tr`].
//!
//! Only `en-US`, the source language, ships today; the catalogue test
//! (`tests.rs`) checks that every id the code names exists with the
//! arguments it passes, and that the catalogue holds no unused message.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

mod lang;
pub mod marks;
#[cfg(test)]
pub(crate) mod pseudo;
mod visible;

pub use lang::Lang;
pub use visible::{is_invisible, shown_name};
#[cfg(test)]
mod tests;

// The catalogue, embedded by build.rs: (language tag, file name, text).
include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// How admin commands are typed where the platform does not say otherwise.
pub const CONSOLE_ADMIN: &str = "/quiz admin";

/// How a platform marks text up, as far as messages need it.
pub trait Markup {
    /// Text made inert (a member's name, a message's own words).
    fn escape(&self, text: &str) -> String;
    /// Marked-up text shown strong (a winner's name, a heading).
    fn bold(&self, marked: &str) -> String;
    /// Question text: prose escaped, code shown as code.
    fn rich(&self, text: &str) -> String;
}

/// Plain text: nothing escaped, nothing marked.
pub struct Plain;

impl Markup for Plain {
    fn escape(&self, text: &str) -> String {
        text.to_string()
    }
    fn bold(&self, marked: &str) -> String {
        marked.to_string()
    }
    fn rich(&self, text: &str) -> String {
        text.to_string()
    }
}

/// The catalogue as one reader sees it: their language, and how their
/// platform types admin commands (every message may read it as `$admin`).
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
    pub admin: &'static str,
}

// Arguments stand in the formatted text as these marks until the message's
// own words are escaped; then each mark is replaced by its argument, marked
// up on its own. The marks are private-use characters no escape touches.
const ARG_START: char = '\u{E010}';
const ARG_END: char = '\u{E011}';

impl Words {
    /// `msg` in this language and markup. A message missing from the
    /// catalogue (which the catalogue test rules out) shows its id.
    pub fn tr(&self, msg: &Msg, markup: &dyn Markup) -> String {
        // A message a language lacks (which the catalogue test rules out)
        // is said in the source language.
        let found = |lang| bundle(lang).get_message(msg.id).and_then(|m| m.value()).map(|p| (bundle(lang), p));
        let Some((bundle, pattern)) = found(self.lang).or_else(|| found(Lang::EnUs)) else {
            tracing::error!(id = msg.id, lang = self.lang.tag(), "message missing from the catalogue");
            return markup.escape(msg.id);
        };
        let mut shown = Vec::with_capacity(msg.args.len() + 1);
        let mut args = FluentArgs::new();
        let stand_in = |shown: &mut Vec<String>, text: String| {
            shown.push(text);
            FluentValue::from(format!("{ARG_START}{}{ARG_END}", shown.len() - 1))
        };
        args.set("admin", stand_in(&mut shown, markup.escape(self.admin)));
        for (name, arg) in &msg.args {
            let value = match arg {
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Key(k) => FluentValue::from(k.as_str()),
                other => stand_in(&mut shown, self.show(other, markup)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        #[cfg(test)]
        let text = pseudo::stretch(&text);
        if !errors.is_empty() {
            tracing::error!(id = msg.id, lang = self.lang.tag(), ?errors, "message formatted with errors");
        }
        splice(&markup.escape(&text), &shown)
    }

    /// An argument as shown in running text.
    fn show(&self, arg: &Arg, markup: &dyn Markup) -> String {
        match arg {
            Arg::Num(n) => self.lang.number(*n),
            Arg::Text(s) | Arg::Key(s) => markup.escape(s),
            Arg::Rich(s) => markup.rich(s),
            Arg::Strong(inner) => markup.bold(&self.show(inner, markup)),
            Arg::When(at, tz) => markup.escape(&self.lang.when(*at, *tz)),
            Arg::Utc(at) => markup.escape(&self.lang.when_utc(*at)),
            Arg::Date(day) => markup.escape(&self.lang.date(*day)),
            Arg::Day(day, year) => markup.escape(&self.lang.day(*day, *year)),
            Arg::Msg(m) => self.tr(m, markup),
            Arg::List(items) => {
                let items: Vec<String> = items.iter().map(|i| self.show(i, markup)).collect();
                self.lang.list(&items)
            }
        }
    }
}

/// `text` with each argument mark replaced by the argument as shown.
fn splice(text: &str, shown: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + shown.iter().map(String::len).sum::<usize>());
    let mut rest = text;
    while let Some(start) = rest.find(ARG_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + ARG_START.len_utf8()..];
        match after.split_once(ARG_END).and_then(|(n, tail)| Some((shown.get(n.parse::<usize>().ok()?)?, tail))) {
            Some((arg, tail)) => {
                out.push_str(arg);
                rest = tail;
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// A message to show: its id in the catalogue and its arguments by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A message argument, formatted the reader's language's way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is, made inert (a name, a command, a member's words).
    Text(String),
    /// An item's own text (a prompt, an answer): prose with code in it.
    Rich(String),
    /// Another argument, shown strong: a winner's name, a verdict, an answer.
    Strong(Box<Arg>),
    /// A count or figure; plural rules select on it.
    Num(i64),
    /// An instant, shown in each reader's zone where the platform can, else in this zone.
    When(DateTime<Utc>, Tz),
    /// An instant, shown in each reader's zone where the platform can, else in UTC.
    Utc(DateTime<Utc>),
    /// A calendar day (a question's date in its channel's zone).
    Date(NaiveDate),
    /// A day with its weekday, as the language writes it, with or without the year.
    Day(NaiveDate, bool),
    /// Another message, in the same language.
    Msg(Box<Msg>),
    /// Names or phrases, joined as the language joins a list.
    List(Vec<Arg>),
    /// A word a message selects on (`easy`, `mon`, `de`), given to Fluent as
    /// it is so that its variants match; never member text.
    Key(String),
}

impl Msg {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The argument called `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// This message in the source language: for logs, tests and places that
    /// have no reader (the operator's console).
    pub fn en(&self) -> String {
        Lang::EnUs.tr(self)
    }
}

/// A message by id with named arguments:
/// `msg!("admin-resumed", next = Arg::When(at, tz))`, `msg!("paused")`.
/// Keep the id a literal: the catalogue test reads every use.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id, vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

impl From<NaiveDate> for Arg {
    fn from(day: NaiveDate) -> Arg {
        Arg::Date(day)
    }
}

impl From<&NaiveDate> for Arg {
    fn from(day: &NaiveDate) -> Arg {
        Arg::Date(*day)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<Vec<String>> for Arg {
    fn from(items: Vec<String>) -> Arg {
        Arg::List(items.into_iter().map(Arg::Text).collect())
    }
}

impl From<&[String]> for Arg {
    fn from(items: &[String]) -> Arg {
        Arg::List(items.iter().cloned().map(Arg::Text).collect())
    }
}

impl From<Vec<Msg>> for Arg {
    fn from(items: Vec<Msg>) -> Arg {
        Arg::List(items.into_iter().map(Arg::from).collect())
    }
}

impl Arg {
    /// `arg` shown strong.
    /// A word a message selects on.
    pub fn key(word: impl Into<String>) -> Arg {
        Arg::Key(word.into())
    }

    pub fn strong(arg: impl Into<Arg>) -> Arg {
        Arg::Strong(Box::new(arg.into()))
    }
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
num_arg!(i64, i32, u32, u64, usize);

/// The bundles, built once: each language's files in one bundle. A file that
/// does not parse is a build defect the catalogue test catches; here its
/// good messages still load.
static BUNDLES: LazyLock<Vec<(Lang, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("our language tags parse");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Chat platforms show isolation marks as stray characters; member
            // text is made inert by each platform's escape instead.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                Lang::EnUs => grouped::<_, { Lang::EnUs as u8 }>,
                Lang::De => grouped::<_, { Lang::De as u8 }>,
                Lang::EsEs => grouped::<_, { Lang::EsEs as u8 }>,
                Lang::Fr => grouped::<_, { Lang::Fr as u8 }>,
                Lang::PtBr => grouped::<_, { Lang::PtBr as u8 }>,
                Lang::Ja => grouped::<_, { Lang::Ja as u8 }>,
            }));
            for (_, file, text) in LOCALES.iter().filter(|(tag, _, _)| *tag == lang.tag()) {
                let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, errors)| {
                    tracing::error!(file, ?errors, "catalogue file does not parse");
                    partial
                });
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(file, ?errors, "catalogue file repeats a message");
                }
            }
            (lang, bundle)
        })
        .collect()
});

/// Fluent's number formatting for the language numbered `LANG`: whole
/// numbers grouped as [`Lang::number`] groups them (Fluent itself does not).
fn grouped<M, const LANG: u8>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let lang = Lang::ALL.into_iter().find(|l| *l as u8 == LANG)?;
    (n.value.fract() == 0.0 && n.value.abs() < 9e15).then(|| lang.number(n.value as i64))
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &BUNDLES.iter().find(|(l, _)| *l == lang).expect("every language has a bundle").1
}
