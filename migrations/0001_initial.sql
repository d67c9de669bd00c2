-- Servers (Discord guilds, Slack workspaces, the console's one local server).
CREATE TABLE guilds (
    id          INTEGER PRIMARY KEY,
    platform    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    -- IANA zone for leaderboard weeks and months; NULL means the configured default.
    timezone    TEXT,
    UNIQUE (platform, external_id)
);

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    display_name TEXT NOT NULL,
    UNIQUE (platform, external_id)
);

CREATE TABLE channels (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id),
    external_id TEXT NOT NULL,
    UNIQUE (guild_id, external_id)
);

-- One row per daily question of a channel and local date: the UNIQUE key is
-- what makes a second post for the same day impossible.
CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channels (id),
    local_date  TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    -- Selection cycle: no item repeats in a channel within one cycle.
    cycle       INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('open', 'closed', 'missed')),
    posted_at   INTEGER NOT NULL,
    closes_at   INTEGER,
    closed_at   INTEGER,
    message_ref TEXT,
    UNIQUE (channel_id, local_date)
);
CREATE INDEX posts_channel_state ON posts (channel_id, state);

-- One answer per user per daily question; the first is final.
CREATE TABLE answers (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    answer      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    UNIQUE (post_id, user_id)
);
CREATE INDEX answers_user ON answers (user_id);
CREATE INDEX answers_time ON answers (answered_at);

-- Settled when a daily question closes.
CREATE TABLE streaks (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    channel_id INTEGER NOT NULL REFERENCES channels (id),
    current    INTEGER NOT NULL,
    best       INTEGER NOT NULL,
    freezes    INTEGER NOT NULL,
    -- When `current` reached its value, for breaking ties.
    reached_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);

CREATE TABLE practice_questions (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL REFERENCES users (id),
    guild_id INTEGER NOT NULL REFERENCES guilds (id),
    item_id  TEXT NOT NULL,
    asked_at INTEGER NOT NULL
);
CREATE INDEX practice_questions_user ON practice_questions (user_id, guild_id);

-- The primary key makes the first practice answer final.
CREATE TABLE practice_answers (
    question_id INTEGER PRIMARY KEY REFERENCES practice_questions (id),
    answer      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at INTEGER NOT NULL
);
