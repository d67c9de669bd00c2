//! The slash commands the bot registers, and their options mapped straight
//! to the shared [`Command`]s.

use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use super::render::plain;
use crate::command::table::Kind;
use crate::command::{self, Command, CommandError, Group, OptValue, Sub, TABLE};
use crate::i18n::{Arg, Lang, Msg};
use crate::msg;

/// The languages a description is given in beside en-US: our tags are
/// Discord's locale codes.
fn translations() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| *l != Lang::EnUs)
}

/// Every command the bot registers, made from the command table: `/quiz`
/// and `/quizadmin`, each subcommand with its options, every description
/// in each language we speak (names stay as typed). `categories`: (slug,
/// title) pairs, offered as the category's choices.
pub fn commands(categories: &[(String, String)]) -> Vec<CreateCommand> {
    let described = |command: CreateCommand, m: Msg| {
        translations()
            .fold(command.description(plain(&m, Lang::EnUs)), |c, l| c.description_localized(l.tag(), plain(&m, l)))
    };
    let mut quiz = described(CreateCommand::new("quiz"), msg!("cmd-quiz"));
    let mut admin = described(CreateCommand::new("quizadmin"), msg!("cmd-quizadmin"))
        .default_member_permissions(Permissions::MANAGE_GUILD);
    for sub in TABLE {
        match sub.group {
            Group::Player => quiz = quiz.add_option(subcommand(sub, categories)),
            Group::Admin => admin = admin.add_option(subcommand(sub, categories)),
        }
    }
    vec![quiz, admin]
}

fn subcommand(sub: &Sub, categories: &[(String, String)]) -> CreateCommandOption {
    let new = |kind, name: &'static str, id: &'static str| {
        let m = crate::i18n::Msg::new(id, Vec::new());
        translations().fold(CreateCommandOption::new(kind, name, plain(&m, Lang::EnUs)), |o, l| {
            o.description_localized(l.tag(), plain(&m, l))
        })
    };
    let mut out = new(CommandOptionType::SubCommand, sub.name, sub.about);
    for o in sub.opts {
        let option = |kind| new(kind, o.name, o.about).required(o.required);
        let option = match o.kind {
            // Implied: Discord users never type it.
            Kind::Literal(_) => continue,
            Kind::Text => option(CommandOptionType::String),
            Kind::User => option(CommandOptionType::User),
            Kind::Role => option(CommandOptionType::Role),
            Kind::Choice(words) => words.iter().fold(option(CommandOptionType::String), |opt, w| {
                opt.add_string_choice_localized(
                    choice_name(w, Lang::EnUs),
                    *w,
                    translations().map(|l| (l.tag(), choice_name(w, l))),
                )
            }),
            // Discord takes at most 25 choices.
            Kind::Category => categories
                .iter()
                .take(25)
                .fold(option(CommandOptionType::String), |opt, (slug, title)| opt.add_string_choice(title, slug)),
        };
        out = out.add_sub_option(option);
    }
    out
}

/// The name Discord shows for a choice in `lang` (the value stays the
/// word): a letter as it is, a language by its own name, any other word
/// through the `choice` message.
fn choice_name(word: &str, lang: Lang) -> String {
    if Lang::ALL.iter().any(|l| l.tag() == word) {
        plain(&msg!("language-name", tag = Arg::key(word)), lang)
    } else if word.chars().all(|c| c.is_ascii_uppercase()) {
        word.to_string()
    } else {
        plain(&msg!("choice", word = Arg::key(word)), lang)
    }
}

/// An interaction's command as a [`Command`]: `/quiz <sub>` or
/// `/quizadmin <sub>` with their options, no text in between.
pub fn to_command(name: &str, options: &[CommandDataOption], max_chars: usize) -> Result<Command, CommandError> {
    let group = if name == "quizadmin" { Group::Admin } else { Group::Player };
    let Some(first) = options.first() else {
        return if group == Group::Admin {
            Err(CommandError::UnknownAdmin(String::new()))
        } else {
            Ok(Command::Play { category: None })
        };
    };
    let values: Vec<(String, OptValue)> = match &first.value {
        CommandDataOptionValue::SubCommand(values) => values
            .iter()
            .filter_map(|o| match &o.value {
                CommandDataOptionValue::String(s) => Some((o.name.clone(), OptValue::Text(s.clone()))),
                CommandDataOptionValue::User(u) => Some((o.name.clone(), OptValue::User(u.to_string()))),
                CommandDataOptionValue::Role(r) => Some((o.name.clone(), OptValue::Role(r.to_string()))),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    command::from_options(group, &first.name, &values, max_chars)
}
