## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Your command is { $len } characters long; the limit is { $max }.
unknown-subcommand = Unknown subcommand `{ $given }`. Try `/quiz help` for the list.
unknown-subcommand-hint = Unknown subcommand `{ $given }`. Did you mean `/quiz { $hint }`? Try `/quiz help` for the list.
empty-answer = `/quiz answer` needs your answer, for example `/quiz answer B` or `/quiz answer idempotent`.
board-option = `{ $given }` is neither a period (week, month, all), an order (points, streak, accuracy) nor a board (daily, practice)
unexpected = `/quiz { $sub }` takes no `{ $extra }`.
admin-commands = Admin commands: schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, language <tag|auto>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Unknown admin command `{ $given }`. { admin-commands }
unknown-admin-hint = Unknown admin command `{ $given }`. Did you mean `{ $admin } { $hint }`? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`: { $problem }
bad-player = `/quiz { $sub }`: { $problem }

archive-count = `{ $given }` is not a number from 1 to { $max }
admin-takes-nothing = takes no `{ $extra }`
admin-needs-list = needs a list such as `databases,security`, or `all`
admin-needs-zone = needs one zone such as Europe/Berlin
admin-threads = takes `on` or `off`
# $known: the language tags the bot speaks
admin-language = takes a language the bot speaks ({ $known }) or `auto`
admin-review = takes nothing, or approve <n>, reject <n> [reason] or edit <n>
admin-recap = `{ $given }` is neither a day (mon … sun) nor a time (HH:MM); `recap off` turns it off
admin-ping = `{ $given }` is not a role: mention it (@Quiz on Discord, @quiz-team on Slack), or say `off`
admin-season-name = the name is { $len } characters long; the limit is { $max }
admin-season = takes `start <name>`, such as `season start Spring 2027`
admin-web = takes `rotate`, which replaces the server's web link (`/quiz web` shows it)
admin-schedule = needs a time and a zone, for example `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` is neither days (daily, weekdays, weekends, mon,wed,fri) nor a close time (8h, 90m, next)

## The commands: what each does (the help list and Discord's descriptions,
## at most 100 characters) and what each option is

cmd-quiz = Backend-engineering quiz: practice, answer, standings
cmd-quizadmin = Run this channel's question of the day
cmd-play = A private practice question, spaced for memory
cmd-answer = Answer today's question, or else your practice question
cmd-leaderboard = This server's standings, or a season's board
cmd-stats = Answers, accuracy, points and streaks
cmd-streak = Your current and best streak and freezes
cmd-review = Your practice cards: how many are due now and later today
cmd-web = The link to this server's page: boards, the week's chart, past questions
cmd-archive = This channel's last revealed questions with their answers, just for you
cmd-suggest = Suggest a question for this server; an admin reviews it
cmd-suggestions = Your suggestions and where each stands
cmd-forget-me = Delete your answers, streaks and practice in this server (asks first)
cmd-help = What the commands do
cmd-setup = Set up this channel in one form and post its first question now
cmd-schedule = A daily question at a local time, in a time zone, on some days
cmd-pause = Stop posting until resumed
cmd-resume = Start posting again
cmd-skip = Skip the next scheduled question
cmd-post-now = Post today's question now
cmd-reveal-now = Close the open question and reveal its answer now
cmd-status = The schedule, the next post and the questions left
cmd-check = What the bot may do in this channel, and what is missing
cmd-categories = Where this channel's daily questions come from
cmd-timezone = The zone for leaderboard weeks and months
cmd-language = The language of daily posts, reveals and recaps in this server (auto: the server's own)
cmd-recap = A weekly recap with a chart (Friday 16:00 unless said), or off
cmd-web-rotate = Replace this server's web link; the old one stops working
cmd-ping = Mention a role (Slack: a user group) in each daily post; off, or no role, stops it
cmd-threads = A discussion thread for each daily question, with its reveal
cmd-season = Close the season (its board kept) and start a new one from zero
cmd-review-queue = The suggestions waiting, one at a time: approve, reject or edit

opt-category = Only questions from this category
opt-choice = The letter you choose
opt-text = A short text answer
opt-period = Which period, or a season's board
opt-sort = Rank by
opt-board = Daily or practice answers
opt-season-name = With period season: an earlier season's name
opt-user = Another player
opt-count = How many, 1 to 10 (5 unless said)
opt-confirm = yes: delete them now
opt-time = Local time, HH:MM (24-hour)
opt-zone = IANA time zone, such as Europe/Berlin
opt-language = A language, or auto to follow the server's own setting
opt-days = daily, weekdays, weekends, mon-fri or mon,wed,fri
opt-close = When it closes: 8h, 90m or next
opt-list = Comma-separated categories, or all
opt-day = The day, or off
opt-recap-time = Local time, HH:MM (24-hour), in the schedule's zone
opt-web-action = What to do
opt-role = The role to mention; without one, nobody is mentioned
opt-on = on or off
opt-season-action = What to do
opt-season = The new season's name
opt-review-action = What to do with a suggestion
opt-review-number = The suggestion's number
opt-reason = Why, for a rejection (its author sees it)
# The name Discord shows for one choice of an option; members pick it, and
# the command still receives the word in brackets. $word: the choice.
choice = { $word ->
    [week] week
    [month] month
    [all] all time
    [season] season
    [points] points
    [streak] streak
    [accuracy] accuracy
    [daily] daily questions
    [practice] practice
    [yes] yes
    [auto] automatic
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
    [sun] Sunday
    [off] off
    [on] on
    [rotate] replace the link
    [approve] approve
    [reject] reject
    [edit] edit
    [quiz] quiz question
    [discussion] discussion
    [alternate] each in turn
   *[other] { $word }
}
admin-schedule-kind = `{ $given }` is not a kind of post: use `kind quiz`, `kind discussion` or `kind alternate`
opt-kind = What it posts: a quiz question, a discussion, or each in turn
opt-suggest-kind = A quiz question (the default) or a discussion question
