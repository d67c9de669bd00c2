//! The slash commands the bot registers, and their options mapped straight
//! to the shared [`Command`]s.

use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand, CreateCommandOption, Permissions,
};

use crate::command::{self, Arg, Command, CommandError};

fn sub(name: &str, description: &str) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::SubCommand, name, description)
}

fn string(name: &str, description: &str, required: bool) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, name, description).required(required)
}

fn with_choices(mut option: CreateCommandOption, choices: &[&str]) -> CreateCommandOption {
    for c in choices {
        option = option.add_string_choice(*c, *c);
    }
    option
}

/// Every command the bot registers, in one place.
/// `categories`: (slug, title) pairs.
pub fn commands(categories: &[(String, String)]) -> Vec<CreateCommand> {
    let mut category = string("category", "Only questions from this category", false);
    for (slug, title) in categories.iter().take(25) {
        category = category.add_string_choice(title, slug);
    }
    let quiz = CreateCommand::new("quiz")
        .description("Backend-engineering quiz: practice, answer, standings")
        .add_option(sub("play", "A private practice question").add_sub_option(category))
        .add_option(
            sub("answer", "Answer today's question, or else your practice question")
                .add_sub_option(with_choices(
                    string("choice", "The letter you choose", false),
                    &["A", "B", "C", "D", "E"],
                ))
                .add_sub_option(string("text", "A short text answer", false)),
        )
        .add_option(
            sub("leaderboard", "This server's standings")
                .add_sub_option(with_choices(
                    string("period", "Which period", false),
                    &["week", "month", "all", "season"],
                ))
                .add_sub_option(with_choices(string("sort", "Rank by", false), &["points", "streak", "accuracy"]))
                .add_sub_option(with_choices(
                    string("board", "Daily or practice answers", false),
                    &["daily", "practice"],
                ))
                .add_sub_option(string("season", "With period season: an archived season's name", false)),
        )
        .add_option(sub("stats", "Answers, accuracy, points and streaks").add_sub_option(CreateCommandOption::new(
            CommandOptionType::User,
            "user",
            "Another player",
        )))
        .add_option(sub("streak", "Your current and best streak"))
        .add_option(sub("review", "Your practice cards due now and later today"))
        .add_option(sub("help", "What the commands do"))
        .add_option(sub("web", "The link to this server's boards and archive page"))
        .add_option(sub("suggest", "Suggest a question for this server"))
        .add_option(sub("suggestions", "Your suggestions and where each stands"))
        .add_option(
            sub("forget-me", "Delete your answers and figures in this server")
                .add_sub_option(with_choices(string("confirm", "yes: delete them now", false), &["yes"])),
        );
    let admin = CreateCommand::new("quizadmin")
        .description("Run this channel's question of the day")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(
            sub("schedule", "Post a daily question at a local time")
                .add_sub_option(string("time", "Local time, HH:MM (24-hour)", true))
                .add_sub_option(string("zone", "IANA time zone, such as Europe/Berlin", true))
                .add_sub_option(string("days", "daily, weekdays, weekends or mon,wed,fri", false))
                .add_sub_option(string("close", "When it closes: 8h, 90m or next", false)),
        )
        .add_option(sub("review", "The suggestions waiting for review, one at a time"))
        .add_option(sub("pause", "Stop posting until resumed"))
        .add_option(sub("resume", "Start posting again"))
        .add_option(sub("skip", "Skip the next scheduled question"))
        .add_option(sub("post-now", "Post today's question now"))
        .add_option(sub("reveal-now", "Close and reveal the open question"))
        .add_option(sub("status", "The schedule, the next post and the pool left"))
        .add_option(sub("check", "What the bot may do in this channel, and what is missing"))
        .add_option(sub("categories", "Where daily questions come from").add_sub_option(string(
            "list",
            "Comma-separated categories, or all",
            true,
        )))
        .add_option(sub("timezone", "The zone for leaderboard weeks and months").add_sub_option(string(
            "zone",
            "IANA time zone, such as Europe/Berlin",
            true,
        )))
        .add_option(
            sub("recap", "Post a weekly recap with a chart (default Friday 16:00)")
                .add_sub_option(with_choices(
                    string("day", "The day, or off", false),
                    &["mon", "tue", "wed", "thu", "fri", "sat", "sun", "off"],
                ))
                .add_sub_option(string("time", "Local time, HH:MM (24-hour), in the schedule's zone", false)),
        )
        .add_option(
            sub("ping", "Mention a role in each daily post; without a role, stop")
                .add_sub_option(CreateCommandOption::new(CommandOptionType::Role, "role", "The role to mention")),
        )
        .add_option(
            sub("threads", "Open a discussion thread for each daily question")
                .add_sub_option(with_choices(string("on", "on or off", true), &["on", "off"])),
        )
        .add_option(
            sub("season", "Close the current season (its board kept) and start a new one").add_sub_option(string(
                "name",
                "The new season's name",
                true,
            )),
        )
        .add_option(
            sub("web", "Replace this server's web link")
                .add_sub_option(with_choices(string("action", "What to do", true), &["rotate"])),
        );
    vec![quiz, admin]
}

/// An interaction's command as a [`Command`]: `/quiz <sub>` or
/// `/quizadmin <sub>` with their options, no text in between.
pub fn to_command(name: &str, options: &[CommandDataOption], max_chars: usize) -> Result<Command, CommandError> {
    let admin = name == "quizadmin";
    let Some(first) = options.first() else {
        return if admin {
            Err(CommandError::UnknownAdmin(String::new()))
        } else {
            Ok(Command::Play { category: None })
        };
    };
    let args: Vec<(String, Arg)> = match &first.value {
        CommandDataOptionValue::SubCommand(args) => args
            .iter()
            .filter_map(|o| match &o.value {
                CommandDataOptionValue::String(s) => Some((o.name.clone(), Arg::Text(s.clone()))),
                CommandDataOptionValue::User(u) => Some((o.name.clone(), Arg::User(u.to_string()))),
                CommandDataOptionValue::Role(r) => Some((o.name.clone(), Arg::Text(format!("<@&{r}>")))),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    command::from_options(admin, &first.name, &args, max_chars)
}
