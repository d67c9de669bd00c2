//! Each subcommand's parser: the words after its name (typed, or made from
//! Discord's options by the table) into a [`Command`].

use super::{AdminCommand, Command, CommandError, Review, ScheduleSpec, UserArg, positive, reason};
use crate::i18n::Msg;
use crate::msg;
use crate::quiz::discussion::ScheduleKind;
use crate::quiz::leaderboard::{BoardKind, Period, Sort};
use crate::quiz::schedule::{self, Close, Days};

type Parsed = Result<Command, CommandError>;

/// A player's command that takes no words.
fn bare(sub: &'static str, words: &[&str], cmd: Command) -> Parsed {
    match words.first() {
        None => Ok(cmd),
        Some(extra) => Err(CommandError::Unexpected { sub, extra: (*extra).to_string() }),
    }
}

/// An admin command that takes no words.
fn bare_admin(sub: &'static str, words: &[&str], cmd: AdminCommand) -> Parsed {
    match words.first() {
        None => Ok(Command::Admin(cmd)),
        Some(extra) => Err(CommandError::admin(sub, msg!("admin-takes-nothing", extra = *extra))),
    }
}

pub(super) fn play(words: &[&str]) -> Parsed {
    Ok(Command::Play { category: (!words.is_empty()).then(|| words.join("-").to_lowercase()) })
}

pub(super) fn answer(words: &[&str]) -> Parsed {
    if words.is_empty() {
        return Err(CommandError::EmptyAnswer);
    }
    Ok(Command::Answer { answer: words.join(" "), question: None })
}

/// `[week|month|all] [points|streak|accuracy] [daily|practice]` in any
/// order, or `season [name]`.
pub(super) fn leaderboard(words: &[&str]) -> Parsed {
    if let Some((first, name)) = words.split_first()
        && first.eq_ignore_ascii_case("season")
    {
        let name = name.join(" ");
        return Ok(Command::SeasonBoard { name: (!name.is_empty()).then_some(name) });
    }
    let (mut period, mut sort, mut board) = (Period::default(), Sort::default(), BoardKind::default());
    for word in words {
        let w = word.to_lowercase();
        if let Some(p) = Period::parse(&w) {
            period = p;
        } else if let Some(s) = Sort::parse(&w) {
            sort = s;
        } else if w == "practice" {
            board = BoardKind::Practice;
        } else if w == "daily" {
            board = BoardKind::Daily;
        } else {
            return Err(CommandError::player("leaderboard", msg!("board-option", given = *word)));
        }
    }
    Ok(Command::Leaderboard { period, sort, board })
}

pub(super) fn stats(words: &[&str]) -> Parsed {
    Ok(Command::Stats { user: (!words.is_empty()).then(|| UserArg::parse(&words.join(" "))) })
}

pub(super) fn streak(words: &[&str]) -> Parsed {
    bare("streak", words, Command::Streak)
}

pub(super) fn review(words: &[&str]) -> Parsed {
    bare("review", words, Command::Review)
}

pub(super) fn web(words: &[&str]) -> Parsed {
    bare("web", words, Command::Web)
}

/// The most questions `/quiz archive` lists, and how many unless asked.
pub const ARCHIVE_MAX: usize = 10;
const ARCHIVE_DEFAULT: usize = 5;

/// `[n]`: how many of the channel's last revealed questions, 1 to [`ARCHIVE_MAX`].
pub(super) fn archive(words: &[&str]) -> Parsed {
    match words {
        [] => Ok(Command::Archive { count: ARCHIVE_DEFAULT }),
        [n] => match n.parse::<usize>() {
            Ok(count @ 1..=ARCHIVE_MAX) => Ok(Command::Archive { count }),
            _ => Err(CommandError::player("archive", msg!("archive-count", given = *n, max = ARCHIVE_MAX))),
        },
        [_, extra, ..] => Err(CommandError::Unexpected { sub: "archive", extra: (*extra).to_string() }),
    }
}

/// `suggest [quiz|discussion]` (`question` for `quiz` too).
pub(super) fn suggest(words: &[&str]) -> Parsed {
    match words {
        [] => Ok(Command::Suggest { discussion: false }),
        [w] if w.eq_ignore_ascii_case("quiz") || w.eq_ignore_ascii_case("question") => {
            Ok(Command::Suggest { discussion: false })
        }
        [w] if w.eq_ignore_ascii_case("discussion") => Ok(Command::Suggest { discussion: true }),
        [extra, ..] => Err(CommandError::Unexpected { sub: "suggest", extra: (*extra).to_string() }),
    }
}

pub(super) fn suggestions(words: &[&str]) -> Parsed {
    bare("suggestions", words, Command::Suggestions)
}

/// Help takes anything after it (`help admin`, say) and shows the list.
pub(super) fn help(_: &[&str]) -> Parsed {
    Ok(Command::Help)
}

/// Nothing (say what would go), or `confirm` (Discord: `yes`).
pub(super) fn forget_me(words: &[&str]) -> Parsed {
    match words {
        [] => Ok(Command::ForgetMe { confirm: false }),
        [word] if word.eq_ignore_ascii_case("confirm") || word.eq_ignore_ascii_case("yes") => {
            Ok(Command::ForgetMe { confirm: true })
        }
        [extra, ..] => Err(CommandError::Unexpected { sub: "forget-me", extra: (*extra).to_string() }),
    }
}

/// `<HH:MM> <Area/City> [days] [close] [kind quiz|discussion|alternate]`,
/// in any order after the zone.
pub(super) fn schedule(words: &[&str]) -> Parsed {
    let bad = |problem: Msg| CommandError::admin("schedule", problem);
    let [time, zone, rest @ ..] = words else {
        return Err(bad(msg!("admin-schedule")));
    };
    let time = schedule::parse_time(time).map_err(|e| bad(e.msg()))?;
    let tz = schedule::parse_zone(zone).map_err(|e| bad(e.msg()))?;
    let (mut days, mut close, mut kind) = (None, None, None);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        if kind.is_none() && word.eq_ignore_ascii_case("kind") {
            let given = words.next().copied().unwrap_or_default();
            match ScheduleKind::parse(given) {
                Some(k) => kind = Some(k),
                None => return Err(bad(msg!("admin-schedule-kind", given = given))),
            }
        } else if kind.is_none()
            && let Some(k) = ScheduleKind::parse(word)
        {
            // Discord sends the option's value alone.
            kind = Some(k);
        } else if days.is_none()
            && let Ok(d) = Days::parse(word)
        {
            days = Some(d);
        } else if close.is_none()
            && let Ok(c) = Close::parse(word)
        {
            close = Some(c);
        } else {
            return Err(bad(msg!("admin-schedule-word", given = *word)));
        }
    }
    Ok(Command::Admin(AdminCommand::Schedule(ScheduleSpec { time, tz, days, close, kind })))
}

pub(super) fn setup(words: &[&str]) -> Parsed {
    bare_admin("setup", words, AdminCommand::Setup(None))
}

pub(super) fn pause(words: &[&str]) -> Parsed {
    bare_admin("pause", words, AdminCommand::Pause)
}

pub(super) fn resume(words: &[&str]) -> Parsed {
    bare_admin("resume", words, AdminCommand::Resume)
}

pub(super) fn skip(words: &[&str]) -> Parsed {
    bare_admin("skip", words, AdminCommand::Skip)
}

pub(super) fn post_now(words: &[&str]) -> Parsed {
    bare_admin("post-now", words, AdminCommand::PostNow)
}

pub(super) fn reveal_now(words: &[&str]) -> Parsed {
    bare_admin("reveal-now", words, AdminCommand::RevealNow)
}

pub(super) fn status(words: &[&str]) -> Parsed {
    bare_admin("status", words, AdminCommand::Status)
}

/// The adapter fills in what the platform says the bot may do.
pub(super) fn check(words: &[&str]) -> Parsed {
    bare_admin("check", words, AdminCommand::Check { granted: None })
}

/// `<name,name,…|all>`: commas or spaces between names.
pub(super) fn categories(words: &[&str]) -> Parsed {
    match category_list(&words.join(",")) {
        Some(list) => Ok(Command::Admin(AdminCommand::Categories(list))),
        None => Err(CommandError::admin("categories", msg!("admin-needs-list"))),
    }
}

/// Category names as typed, between commas or spaces, lowercased; empty
/// for `all` (every category); `None` when nothing was typed.
pub fn category_list(typed: &str) -> Option<Vec<String>> {
    let list: Vec<String> =
        typed.split([',', ' ']).map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()).collect();
    match list.is_empty() {
        true => None,
        false if list.iter().any(|c| c == "all") => Some(Vec::new()),
        false => Some(list),
    }
}

pub(super) fn timezone(words: &[&str]) -> Parsed {
    match words {
        [zone] => Ok(Command::Admin(AdminCommand::Timezone((*zone).to_string()))),
        _ => Err(CommandError::admin("timezone", msg!("admin-needs-zone"))),
    }
}

/// A language tag the bot speaks (a region falls back to its language:
/// `es-MX` is `es-ES`), or `auto`.
pub(super) fn language(words: &[&str]) -> Parsed {
    match words {
        [auto] if auto.eq_ignore_ascii_case("auto") => Ok(Command::Admin(AdminCommand::Language(None))),
        [tag] if crate::i18n::Lang::negotiate(tag).is_some() => {
            Ok(Command::Admin(AdminCommand::Language(crate::i18n::Lang::negotiate(tag))))
        }
        _ => {
            let known: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|l| l.tag()).collect();
            Err(CommandError::admin("language", msg!("admin-language", known = known.join(", "))))
        }
    }
}

/// `[day] [HH:MM]` in either order, each defaulting (Friday, 16:00), or `off`.
pub(super) fn recap(words: &[&str]) -> Parsed {
    if let [off] = words
        && off.eq_ignore_ascii_case("off")
    {
        return Ok(Command::Admin(AdminCommand::Recap(None)));
    }
    let (mut day, mut time) = (None, None);
    for word in words {
        if day.is_none()
            && let Ok(d) = word.parse::<chrono::Weekday>()
        {
            day = Some(d);
        } else if time.is_none()
            && let Ok(t) = schedule::parse_time(word)
        {
            time = Some(t);
        } else {
            return Err(CommandError::admin("recap", msg!("admin-recap", given = *word)));
        }
    }
    let day = day.unwrap_or(crate::quiz::recap::DEFAULT_DAY);
    Ok(Command::Admin(AdminCommand::Recap(Some((day, time.unwrap_or_else(crate::quiz::recap::default_time))))))
}

/// `rotate`.
pub(super) fn web_rotate(words: &[&str]) -> Parsed {
    match words {
        [word] if word.eq_ignore_ascii_case("rotate") => Ok(Command::Admin(AdminCommand::WebRotate)),
        _ => Err(CommandError::admin("web", msg!("admin-web"))),
    }
}

/// `<role>` as a mention (`<@&123>`, `<!subteam^S123|@team>`) or a bare id;
/// `off`, or nothing, stops. Only the id is kept, and only letters and
/// digits make one.
pub(super) fn ping(words: &[&str]) -> Parsed {
    let arg = words.join(" ");
    if arg.is_empty() || arg.eq_ignore_ascii_case("off") {
        return Ok(Command::Admin(AdminCommand::Ping(None)));
    }
    let inner = arg.strip_prefix('<').and_then(|a| a.strip_suffix('>'));
    let id = match inner {
        Some(m) => {
            m.strip_prefix("@&").or_else(|| m.strip_prefix("!subteam^")).map(|m| m.split('|').next().unwrap_or(""))
        }
        None => Some(arg.as_str()),
    };
    match id {
        Some(id) if !id.is_empty() && id.len() <= 32 && id.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Ok(Command::Admin(AdminCommand::Ping(Some(id.to_string()))))
        }
        _ => Err(CommandError::admin("ping", msg!("admin-ping", given = arg.as_str()))),
    }
}

pub(super) fn threads(words: &[&str]) -> Parsed {
    match words {
        [on] if on.eq_ignore_ascii_case("on") => Ok(Command::Admin(AdminCommand::Threads(true))),
        [off] if off.eq_ignore_ascii_case("off") => Ok(Command::Admin(AdminCommand::Threads(false))),
        _ => Err(CommandError::admin("threads", msg!("admin-threads"))),
    }
}

/// The longest season name.
pub const MAX_SEASON_NAME: usize = 40;

/// `start <name>`: the name as typed, spaces collapsed.
pub(super) fn season(words: &[&str]) -> Parsed {
    let bad = |problem: Msg| CommandError::admin("season", problem);
    match words {
        [start, name @ ..] if start.eq_ignore_ascii_case("start") && !name.is_empty() => {
            let name = name.join(" ");
            let len = name.chars().count();
            if len > MAX_SEASON_NAME {
                return Err(bad(msg!("admin-season-name", len = len, max = MAX_SEASON_NAME)));
            }
            Ok(Command::Admin(AdminCommand::SeasonStart(name)))
        }
        _ => Err(bad(msg!("admin-season"))),
    }
}

/// Nothing (the next one waiting), `approve <n>`, `reject <n> [reason]`, `edit <n>`.
pub(super) fn review_queue(words: &[&str]) -> Parsed {
    let bad = || CommandError::admin("review", msg!("admin-review"));
    let Some((action, rest)) = words.split_first() else {
        return Ok(Command::Admin(AdminCommand::Review(Review::Next)));
    };
    let (n, words) = rest.split_first().ok_or_else(bad)?;
    let id = positive(n.trim_start_matches('#')).ok_or_else(bad)?;
    let words = words.join(" ");
    let review = match (action.to_lowercase().as_str(), words.is_empty()) {
        ("approve", true) => Review::Approve(id),
        ("edit", true) => Review::Edit(id),
        ("reject", _) => Review::Reject { id, reason: reason(&words) },
        _ => return Err(bad()),
    };
    Ok(Command::Admin(AdminCommand::Review(review)))
}
