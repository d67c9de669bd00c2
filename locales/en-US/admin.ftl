## Channel administration
# $rule: the schedule as typed back, "09:00 Europe/Berlin weekdays, closing 8h"
# $at, $next, $due, $since: instants, shown in each reader's zone where the platform can

not-admin-discord = Only members with the Manage Server permission can use /quizadmin. Ask someone who has it to run the command, or to give you that permission (Server Settings → Roles). Nothing was changed.
not-admin-slack = Only workspace admins and owners, the member who installed Quizmaster, and members listed in the bot's slack.admins setting can use /quiz admin. Ask one of them, or ask whoever runs the bot to add your member ID to slack.admins. Nothing was changed.
not-admin-console = Only admins can use /quiz admin. Nothing was changed.

schedule-rule = { $time } { $zone } { $days }, closing { $close }
not-scheduled = This channel has no schedule yet. Set one with { $admin } schedule <HH:MM> <Area/City> [days] [close].
never-posts = That schedule never posts.
scheduled = Scheduled: { $rule }. The next question is posted { $next }.
already-paused = The schedule is already paused. { $admin } resume restarts it.
paused = Paused: no daily questions until { $admin } resume. Days without a question never break a streak.
resumed = Resumed. The next question is posted { $next }.
running = The schedule is running; nothing to resume.
nothing-to-skip = The schedule is paused, so there is nothing to skip.
already-skipped = The question of { $date } is already skipped; to stop for longer, use { $admin } pause.
skipped = Skipped the question of { $date } (due { $due }). Skipped days never break a streak.
already-posted = This channel already had its question for { $date }; the next one comes on the next scheduled day.
posted = Posted in this channel. It closes and is revealed { $at }.
posted-no-close = Posted in this channel. Reveal it with { $admin } reveal-now.
closed-unseen = Closed. The question never reached this channel, so there is nothing to reveal; the day counts as missed and breaks nobody's streak.
revealed = Closed: the answer is being revealed in this channel.
already-revealed = That question was already revealed.
nothing-to-reveal = There is no open daily question in this channel to reveal.
categories-all = Daily questions now come from every category ({ $pool ->
    [one] 1 question
   *[other] { $pool } questions
}).
categories-set = Daily questions now come from { $chosen } ({ $pool ->
    [one] 1 question
   *[other] { $pool } questions
}).
zone-set = Leaderboard weeks and months now follow { $zone }.
# $language: the language's name in itself (language-name)
language-set = Daily questions, reveals and recaps in this server are now in { $language }. Replies only one member sees stay in that member's own language where the bot speaks it.
language-auto = This server's language now follows the server's own setting: { $language } for now.
# $tag: a language tag the bot speaks. Each language is named in itself, the
# same in every catalogue.
language-name = { $tag ->
    [de] Deutsch
    [es-ES] español
    [fr] français
    [pt-BR] português (Brasil)
    [ja] 日本語
   *[en-US] English (US)
}
not-a-zone = `{ $given }` is not an IANA time zone such as Europe/Berlin or America/New_York.
not-a-zone-hint = `{ $given }` is not an IANA time zone such as Europe/Berlin or America/New_York. Did you mean { $hint }?

status-schedule = Schedule: { $rule }.
status-schedule-paused = Schedule: { $rule } (paused).
status-skipped = The question of { $date } is skipped.
status-next = Next post: { $at }.
status-open = Open question: { $date }, closes { $at }.
status-open-no-close = Open question: { $date }.
status-pool = Pool: { $left } of { $total } questions left in this cycle ({ $categories }).
status-pool-all = all categories
status-no-question = No question is open.
status-language = Language: { $language }.
status-language-auto = Language: { $language } (auto: the server's own setting).
status-no-schedule = No schedule: { $admin } schedule <HH:MM> <Area/City> [days] [close] sets one.

## What stops the bot from posting, and what to do about it
# $fix: one of the delivery-fix messages

delivery-problem = Problem since { $since }: the bot could not post the daily question here: { $fix }. The schedule carries on by itself once a post here works; { $admin } post-now tries one now.
delivery-problem-threads = Problem since { $since }: the daily question went out, but the bot could not use its thread. { $grant }, or turn threads off with { $admin } threads off.
fix-discord-no-access = it cannot see this channel. Give its role View Channel here (channel settings, Permissions)
fix-discord-permissions = it may not post here. Give its role View Channel, Send Messages and Read Message History here
fix-not-allowed = it is not allowed to post here. Allow it to
fix-channel-gone = the channel or the question message no longer exists. Schedule another channel
fix-archived = this channel is archived. Unarchive it, or schedule another channel
fix-slack-not-in-channel = it is not in this channel. Invite it with /invite @Quizmaster
fix-not-in-channel = it is not a member of this channel. Add it
fix-slack-removed = its token no longer works here. Reinstall the app in this workspace
fix-removed = it was removed or its token no longer works. Add it again
grant-threads-discord = Give its role Create Public Threads and Send Messages in Threads here
grant-threads = Allow it to reply in threads here

# Discord's permissions, as its settings name them
perm-view-channel = View Channel
perm-send-messages = Send Messages
perm-embed-links = Embed Links
perm-read-message-history = Read Message History
perm-create-public-threads = Create Public Threads
perm-send-messages-in-threads = Send Messages in Threads

check-console = The local channel needs no permissions.
check-unknown = This platform does not say what the bot may do in a channel before it tries; { $admin } status shows any problem the last post ran into.
check-all-granted = The bot has everything it needs here: { $needed }.
check-missing = The bot is missing { $missing } here, so the daily question cannot run in this channel. Grant it: channel settings, Permissions, the bot's role (or the bot), allow { $missing }.

## Recap, seasons, pings, threads, the web page

recap-off = The weekly recap is off for this channel.
recap-was-off = The weekly recap was already off for this channel.
recap-needs-schedule = The weekly recap follows the daily question: set a schedule first with `schedule <HH:MM> <Area/City>`.
# $day: the weekday's number, 1 (Monday) to 7 (Sunday)
recap-set = The weekly recap goes out every { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
} at { $time } { $zone }. Next: { $next }.

season-taken = This server already had a season called `{ $name }`; choose another name.
season-started = Season { $name } has started: its board begins at zero. All-time boards keep counting.
season-over = Season { $old } is over; its final board ({ $players ->
    [one] 1 player
   *[other] { $players } players
}) is kept: `/quiz leaderboard season { $old }`.

ping-set-role = Each daily question here now mentions that role, and nobody else. `ping off` stops it.
ping-set-group = Each daily question here now mentions that user group, and nobody else. `ping off` stops it.
ping-off = Daily questions here mention nobody.
threads-off = Daily questions here no longer open a thread.
threads-on-discord = Each daily question here opens a thread for discussion, and the reveal is posted there too. The bot needs Create Public Threads and Send Messages in Threads: `check` shows whether it has them.
threads-on = Each daily question's reveal is also posted as a reply in its thread.
thread-name = Question of the day · { $date }
thread-name-discussion = Discussion of the day · { $date }

web-off = This bot serves no web pages (its operator has not set `web.listen`).
web-link = This server's boards, weekly chart and archive: { $url }
web-link-note = Anyone with the link can see the page; an admin can replace it with `web rotate`.
web-rotated = The old link no longer works. The new one: { $url }

## Times, zones, days and close times as typed
# $given: what was typed

not-a-time = `{ $given }` is not a time: use HH:MM in 24-hour form, such as 09:30
not-days = `{ $given }` is not a set of days: use daily, weekdays, weekends, a range such as mon-fri or a list such as mon,wed,fri
not-a-duration = `{ $given }` is not a duration such as 2h, 90m or 1h30m
not-a-close = `{ $given }` is not a close time: use a duration such as 8h, 90m or 1h30m, or `next`
close-too-long = `{ $given }` is longer than a week; use `next` to close at the next post
close-next = at the next post
# $duration: as typed, 8h or 1h30m
close-after = after { $duration }

## Setting up a channel in one form
setup-title = Daily question setup
setup-time = Time (24-hour, HH:MM)
setup-time-hint = 09:00
setup-zone = Time zone (Area/City)
setup-zone-hint = such as Europe/Berlin
setup-days = Days
setup-days-hint = weekdays, daily, weekends, or mon,wed,fri
setup-categories = Categories
setup-categories-hint = all (or empty), or names such as databases, apis
setup-not-saved = nothing is set up yet. Fix these and send the form again:
schedule-kind = { $kind ->
    [discussion] Each post is a discussion question, to talk over in its thread.
   *[alternate] Posts take turns: a quiz question, then a discussion question.
}
