## Help, general refusals, the console, installs and the web page

help-title = Quizmaster commands
# One row per command: help-usage-* is how it is typed, help-* what it does.
help-usage-play = /quiz
help-play = a private practice question, spaced for memory (also /quiz play [category])
help-usage-answer = /quiz answer <A-D or text>
help-answer = answer today's question, or else your practice question
help-usage-leaderboard = /quiz leaderboard [week|month|all] [points|streak|accuracy] [practice]
help-leaderboard = the server's standings
help-usage-season-board = /quiz leaderboard season [name]
help-season-board = the current season's board, or an earlier season's final one
help-usage-stats = /quiz stats [user]
help-stats = answers, accuracy, points and streaks
help-usage-streak = /quiz streak
help-streak = your current and best streak and freezes
help-usage-review = /quiz review
help-review = your practice cards: how many are due now and later today
help-usage-web = /quiz web
help-web = the link to this server's page: boards, the week's chart, past questions
help-usage-suggest = /quiz suggest
help-suggest = suggest a question for this server; an admin reviews it
help-usage-suggestions = /quiz suggestions
help-suggestions = your suggestions and where each stands
help-usage-forget-me = /quiz forget-me
help-forget-me = delete your answers, streaks and practice in this server (asks first)
help-usage-help = /quiz help
help-help = this list
help-usage-schedule = { $admin } schedule <HH:MM> <Area/City> [days] [close]
help-schedule = admins: a daily question at that local time
help-usage-run = { $admin } pause | resume | skip | status
help-run = admins: run the schedule and see what comes next
help-usage-now = { $admin } post-now | reveal-now
help-now = admins: post today's question now, or close and reveal it
help-usage-check = { $admin } check
help-check = admins: what the bot may do in this channel, and what is missing
help-usage-categories = { $admin } categories <name,name,…|all>
help-categories = admins: where this channel's daily questions come from
help-usage-timezone = { $admin } timezone <Area/City>
help-timezone = admins: the zone for leaderboard weeks and months
help-usage-recap = { $admin } recap [day] [HH:MM] | off
help-recap = admins: a weekly recap with a chart (Friday 16:00 unless said)
help-usage-web-rotate = { $admin } web rotate
help-web-rotate = admins: replace the server's web link; the old one stops working
help-usage-ping = { $admin } ping <role> | off
help-ping = admins: mention that role (Slack: user group) in each daily post
help-usage-threads = { $admin } threads on | off
help-threads = admins: a discussion thread for each daily question, with its reveal
help-usage-season = { $admin } season start <name>
help-season = admins: close the season (its board kept) and start a new one from zero
help-usage-review-queue = { $admin } review
help-review-queue = admins: the suggestions waiting, one at a time: approve, reject or edit

sorry = Sorry:
too-fast = You are sending commands faster than the quiz takes them. Wait a second and try again; nothing was recorded.
try-again = The quiz database is busy or unavailable right now, so nothing was recorded. Please try again in a moment.
our-fault = Something went wrong on our side and nothing was recorded. The error has been logged.
not-our-button = That button is not one of the quiz's; nothing was recorded.
not-our-command = That is not a quiz command; try /quiz help.

forget-me-first = This deletes your answers, points, streaks and practice in this server, for good, and takes you off its boards (past seasons too). Your suggestions still waiting are withdrawn; questions of yours already approved stay, credited to nobody. Nothing else changes. To go ahead: { $confirm }
forgotten = Done: { $answers } answers and everything counted from them are deleted from this server.

console-banner =
    Quizmaster — local console mode.
    No Discord or Slack credentials are configured, so this is a local chat with
    one channel. Type /quiz help for the commands, /as NAME to play as someone
    else, /quit (or end of input) to leave. To connect a real platform, see
    "Connecting Discord and Slack" in docs/operators.md.
console-as-usage = Usage: /as NAME
console-unknown = Commands start with /quiz (try /quiz help), or /as NAME, or /quit.
console-bye = Bye.
console-form = Fill it in with one `field: value` per line; a line without a field name adds a line to the field before (one choice per line). An empty line sends it; /cancel drops it.
console-form-dropped = Dropped; nothing was sent.
console-you-are = You are now { $name }.

installed = Quizmaster is installed in { $team }. Invite it to your quiz channel with /invite @Quizmaster, then type /quiz admin schedule 09:00 Europe/Berlin there (your time and zone).
install-link-used = This install link has expired or was already used, so nothing was installed. Start again from the install page.
install-cancelled = The install was cancelled in Slack; nothing was installed.
install-failed = Slack did not confirm the install, so nothing was stored. Please try again.
