## Help, general refusals, the console, installs and the web page

help-title = Quizmaster commands
# An admin command's row in the help list: $about is what it does
help-admins-only = admins: { $about }

sorry = Sorry:
too-fast = You are sending commands faster than the quiz takes them. Wait a second and try again; nothing was recorded.
try-again = The quiz database is busy or unavailable right now, so nothing was recorded. Please try again in a moment.
our-fault = Something went wrong on our side and nothing was recorded. The error has been logged.
not-our-button = That button is not one of the quiz's; nothing was recorded.
not-our-command = That is not a quiz command; try /quiz help.

forget-me-first = This deletes your answers, points, streaks and practice in this server, for good, and takes you off its boards (past seasons too). Your suggestions still waiting are withdrawn; questions of yours already approved stay, credited to nobody. Nothing else changes. To go ahead: { $confirm }
forgotten = Done: { $answers ->
    [one] 1 answer and everything counted from it is
   *[other] { $answers } answers and everything counted from them are
} deleted from this server.

console-banner =
    Quizmaster — local console mode.
    No Discord or Slack credentials are configured, so this is a local chat with
    one channel. Type /quiz help for the commands, /as NAME to play as someone
    else, /quit (or end of input) to leave. To connect a real platform, see
    "Connecting Discord and Slack" in docs/operators.md.
console-as-usage = Usage: /as NAME
console-unknown = Commands start with /quiz (try /quiz help), or /as NAME, or /quit.
console-bye = Bye.
# A reply only one member sees, as the console labels it
console-private = private to { $user }
console-form = Fill it in with one `field: value` per line; a line without a field name adds a line to the field before (one choice per line). An empty line sends it; /cancel drops it.
console-form-dropped = Dropped; nothing was sent.
console-you-are = You are now { $name }.

installed = Quizmaster is installed in { $team }. Invite it to your quiz channel with /invite @Quizmaster, then type /quiz admin setup there: fill in one form and the first question is posted at once.
installed-welcome = Thanks for adding Quizmaster to { $team }! Invite me to your quiz channel with /invite @Quizmaster, then type /quiz admin setup there: fill in one form (time, time zone, days, categories) and the first question is posted at once. As the one who installed me, you can use every /quiz admin command; /quiz help lists them all.
discord-welcome = Hi, I'm Quizmaster: one backend-engineering question a day, answered right here in the channel. Anyone with Manage Server can get it going: run /quizadmin setup in the channel the questions should go to, fill in one form (time, time zone, days, categories), and the first question is posted at once. Everyone else: /quiz gives you a practice question, and /quiz help shows the rest.
install-link-used = This install link has expired or was already used, so nothing was installed. Start again from the install page.
install-cancelled = The install was cancelled in Slack; nothing was installed.
install-failed = Slack did not confirm the install, so nothing was stored. Please try again.
