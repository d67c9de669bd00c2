#!/usr/bin/env python3
"""Fills a Quizmaster database with one demo week for the console server.

Used to draw docs/images/recap.png and docs/images/web-page.png (the recipe
is in docs/contributors.md, "Remaking the pictures"). The database must exist
and be migrated first:

    quizmaster --db /tmp/demo/quiz.db migrate
    python3 docs/images/demo_week.py /tmp/demo/quiz.db

It writes what the bot itself would have written for a week of the local
console channel: a daily schedule (09:00 Europe/Berlin, closing after 8 h),
one question posted each day at 09:00 and revealed at 17:00, the players'
answers with their points and streaks settled as the reveal settles them
(10 points for a right answer plus one per question of the streak it
extends, at most 5), and the delivery rows of each question and reveal.
Board totals are left to the bot, which rebuilds them from the answers the
first time a board is read.

The week is the ISO week before the current one unless --week says
otherwise; the script prints it, for `quizmaster recap --week`.
"""

import argparse
import datetime as dt
import glob
import os
import sqlite3
import sys
import tomllib
from zoneinfo import ZoneInfo

ZONE = "Europe/Berlin"
PLAYERS = ["Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret", "Dennis"]

# One day each, Monday first: the item, then each player's answer and the
# minutes after 09:00 it came in (absent: the player did not answer).
# Typed answers are graded as `quizmaster grade ITEM ANSWER` grades them.
WEEK = [
    ("pattern-observer", {  # choice, right: D
        "Ada": ("D", 4), "Grace": ("D", 11), "Linus": ("B", 37), "Barbara": ("D", 52),
        "Ken": ("D", 95), "Margaret": ("A", 140), "Dennis": ("D", 301),
    }),
    ("backend-rules-term", {  # text: business logic, domain logic, ...
        "Ada": ("business logic", 3), "Grace": ("domain logic", 9), "Linus": ("business logic", 21),
        "Barbara": ("middleware", 64), "Ken": ("business rules", 130), "Margaret": ("validation", 210),
    }),
    ("jwt-localstorage-xss", {  # choice, right: A
        "Ada": ("A", 6), "Grace": ("A", 15), "Linus": ("C", 26), "Barbara": ("A", 48),
        "Ken": ("B", 122), "Margaret": ("A", 250), "Dennis": ("A", 410),
    }),
    ("unit-test-flaky-clock", {  # choice, right: C
        "Ada": ("C", 2), "Grace": ("C", 13), "Linus": ("C", 30), "Barbara": ("B", 75),
        "Ken": ("C", 160), "Margaret": ("C", 233),
    }),
    ("index-expression-lower-email", {  # choice, right: D (the week's hardest)
        "Ada": ("D", 8), "Grace": ("A", 19), "Linus": ("B", 44), "Barbara": ("D", 81),
        "Ken": ("A", 177), "Margaret": ("C", 260), "Dennis": ("B", 388),
    }),
    ("nosql-key-value-word", {  # text: key-value, KV store, ...
        "Ada": ("key-value", 35), "Grace": ("KV store", 58), "Linus": ("document store", 120),
        "Ken": ("key value store", 301),
    }),
    ("http-head-curl-i", {  # choice, right: B
        "Ada": ("B", 47), "Grace": ("B", 90), "Barbara": ("A", 150), "Margaret": ("B", 333),
        "Dennis": ("B", 402),
    }),
]

# Whether each typed answer above is right (checked with `quizmaster grade`).
TYPED = {
    ("backend-rules-term", "business logic"): True,
    ("backend-rules-term", "domain logic"): True,
    ("backend-rules-term", "business rules"): True,
    ("backend-rules-term", "middleware"): False,
    ("backend-rules-term", "validation"): False,
    ("nosql-key-value-word", "key-value"): True,
    ("nosql-key-value-word", "KV store"): True,
    ("nosql-key-value-word", "key value store"): True,
    ("nosql-key-value-word", "document store"): False,
}


def ms(t):
    return int(t.timestamp() * 1000)


def items_of(content_dir):
    items = {}
    for path in glob.glob(os.path.join(content_dir, "*.toml")):
        with open(path, "rb") as f:
            for item in tomllib.load(f)["item"]:
                items[item["id"]] = item
    return items


def is_right(item, answer):
    if item["kind"] == "choice":
        return answer == item["answer"]
    return TYPED[(item["id"], answer)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("db", help="a migrated database (quizmaster --db FILE migrate)")
    p.add_argument("--week", help="ISO week such as 2026-W49 (default: the one before this week)")
    p.add_argument("--content", default=os.path.join(here, "..", "..", "content"))
    args = p.parse_args()

    tz = ZoneInfo(ZONE)
    now = dt.datetime.now(tz)
    if args.week:
        year, week = args.week.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
    else:
        monday = now.date() - dt.timedelta(days=now.weekday() + 7)
    iso = monday.isocalendar()
    week_name = f"{iso.year}-W{iso.week:02d}"

    items = items_of(args.content)
    missing = [i for i, _ in WEEK if i not in items]
    if missing:
        sys.exit(f"items not in the bank: {missing}")

    db = sqlite3.connect(args.db)
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("SELECT COUNT(*) FROM posts").fetchone()[0]:
        sys.exit(f"{args.db} already has posts: start from a fresh database")
    with db:
        db.execute(
            "INSERT INTO guilds (platform, external_id, timezone) VALUES ('console', 'local', ?) "
            "ON CONFLICT (platform, external_id) DO UPDATE SET timezone = excluded.timezone",
            (ZONE,),
        )
        guild = db.execute("SELECT id FROM guilds WHERE platform = 'console' AND external_id = 'local'").fetchone()[0]
        db.execute("INSERT OR IGNORE INTO channels (guild_id, external_id) VALUES (?, 'local')", (guild,))
        channel = db.execute(
            "SELECT id FROM channels WHERE guild_id = ? AND external_id = 'local'", (guild,)
        ).fetchone()[0]
        users = {}
        for name in PLAYERS:
            users[name] = db.execute(
                "INSERT INTO users (platform, external_id, display_name) VALUES ('console', ?, ?) "
                "ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name "
                "RETURNING id",
                (name.lower(), name),
            ).fetchone()[0]

        # Streaks as the reveal settles them: (current, best, freezes, reached_at).
        streaks = {}
        for n, (item_id, answers) in enumerate(WEEK):
            day = monday + dt.timedelta(days=n)
            posted = dt.datetime.combine(day, dt.time(9, 0), tz)
            closed = dt.datetime.combine(day, dt.time(17, 0), tz)
            post = db.execute(
                "INSERT INTO posts (channel_id, local_date, item_id, cycle, state, posted_at, closes_at, closed_at) "
                "VALUES (?, ?, ?, 0, 'closed', ?, ?, ?) RETURNING id",
                (channel, day.isoformat(), item_id, ms(posted), ms(closed), ms(closed)),
            ).fetchone()[0]
            for part, at in (("question", posted), ("reveal", closed)):
                db.execute(
                    "INSERT INTO deliveries (post_id, part, state, due_at, attempts) VALUES (?, ?, 'sent', ?, 1)",
                    (post, part, ms(at)),
                )
            for name in PLAYERS:
                current, best, freezes, reached = streaks.get(name, (0, 0, 0, 0))
                given = answers.get(name)
                if given is None:
                    if name not in streaks:
                        continue
                    # Unanswered: a freeze covers it, else the streak ends.
                    if current > 0 and freezes > 0:
                        freezes -= 1
                    elif current > 0:
                        current, reached = 0, ms(closed)
                else:
                    answer, minutes = given
                    at = posted + dt.timedelta(minutes=minutes)
                    right = is_right(items[item_id], answer)
                    points = 10 + min(current, 5) if right else 0
                    db.execute(
                        "INSERT INTO answers (post_id, user_id, answer, correct, points, answered_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (post, users[name], answer, int(right), points, ms(at)),
                    )
                    if right:
                        current += 1
                        best = max(best, current)
                        if current % 7 == 0 and freezes < 2:
                            freezes += 1
                        reached = ms(at)
                    elif current > 0:
                        current, reached = 0, ms(at)
                streaks[name] = (current, best, freezes, reached)
                db.execute(
                    "INSERT INTO streaks (user_id, channel_id, current, best, freezes, reached_at, settled_post) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, channel_id) DO UPDATE SET "
                    "current = excluded.current, best = excluded.best, freezes = excluded.freezes, "
                    "reached_at = excluded.reached_at, settled_post = excluded.settled_post",
                    (users[name], channel, current, best, freezes, reached, post),
                )

        # The channel's schedule, next due at the first 09:00 still to come.
        next_day = now.date() if now.time() < dt.time(9, 0) else now.date() + dt.timedelta(days=1)
        next_at = dt.datetime.combine(next_day, dt.time(9, 0), tz)
        db.execute(
            "INSERT INTO schedules (channel_id, local_time, timezone, days, close_minutes, paused, next_at, next_date) "
            "VALUES (?, '09:00', ?, 127, 480, 0, ?, ?) ON CONFLICT (channel_id) DO NOTHING",
            (channel, ZONE, ms(next_at), next_day.isoformat()),
        )
    print(week_name)


if __name__ == "__main__":
    main()
