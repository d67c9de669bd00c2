## Commands that were not understood
# $sub: the subcommand as the help spells it; $given, $extra: what was typed

too-long = Your command is { $len } characters long; the limit is { $max }.
unknown-subcommand = Unknown subcommand `{ $given }`. Try `/quiz help` for the list.
unknown-subcommand-hint = Unknown subcommand `{ $given }`. Did you mean `/quiz { $hint }`? Try `/quiz help` for the list.
empty-answer = `/quiz answer` needs your answer, for example `/quiz answer B` or `/quiz answer idempotent`.
bad-board-option = `/quiz leaderboard` does not know `{ $given }`: use week, month or all; points, streak or accuracy; or practice.
unexpected = `/quiz { $sub }` takes no `{ $extra }`.
admin-commands = Admin commands: schedule <HH:MM> <Area/City> [days] [close], pause, resume, skip, post-now, reveal-now, status, check, categories <name,name,…|all>, timezone <Area/City>, recap [day] [HH:MM] | off, web rotate, season start <name>, ping <role|off>, threads on|off, review.
unknown-admin = Unknown admin command `{ $given }`. { admin-commands }
unknown-admin-hint = Unknown admin command `{ $given }`. Did you mean `{ $admin } { $hint }`? { admin-commands }
# $problem: one of the admin-* messages below
bad-admin = `{ $admin } { $sub }`: { $problem }

admin-takes-nothing = takes no `{ $extra }`
admin-needs-list = needs a list such as `databases,security`, or `all`
admin-needs-zone = needs one zone such as Europe/Berlin
admin-threads = takes `on` or `off`
admin-review = takes nothing, or approve <n>, reject <n> [reason] or edit <n>
admin-recap = `{ $given }` is neither a day (mon … sun) nor a time (HH:MM); `recap off` turns it off
admin-ping = `{ $given }` is not a role: mention it (@Quiz on Discord, @quiz-team on Slack), or say `off`
admin-season-name = the name is { $len } characters long; the limit is { $max }
admin-season = takes `start <name>`, such as `season start Spring 2027`
admin-web = takes `rotate`, which replaces the server's web link (`/quiz web` shows it)
admin-schedule = needs a time and a zone, for example `09:00 Europe/Berlin weekdays 8h`
admin-schedule-word = `{ $given }` is neither days (daily, weekdays, weekends, mon,wed,fri) nor a close time (8h, 90m, next)
