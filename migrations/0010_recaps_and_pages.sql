-- A channel's weekly recap: the day and local time it is posted, in the
-- channel's zone when it was set, and the next occurrence to act on.
CREATE TABLE recap_schedules (
    channel_id INTEGER PRIMARY KEY REFERENCES channels (id),
    -- 0 is Monday, 6 Sunday.
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    local_time TEXT NOT NULL,
    timezone   TEXT NOT NULL,
    next_at    INTEGER NOT NULL,
    next_date  TEXT NOT NULL
);
CREATE INDEX recap_schedules_next ON recap_schedules (next_at);

-- One recap per channel and local date, delivered like a post's question:
-- the UNIQUE key makes a second recap for the same day impossible, and the
-- state columns mean what they mean in `deliveries`.
CREATE TABLE recaps (
    id         INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL REFERENCES channels (id),
    local_date TEXT NOT NULL,
    -- The week it covers: from its Monday (local) up to `until` (ms).
    week_start TEXT NOT NULL,
    until      INTEGER NOT NULL,
    timezone   TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    due_at     INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT,
    UNIQUE (channel_id, local_date)
);
CREATE INDEX recaps_waiting ON recaps (due_at) WHERE state IN ('pending', 'sending');

-- The unguessable token under which a server's web pages live; replacing
-- it makes every old link a 404. Pages look tokens up by their SHA-256, so
-- how long a lookup takes says nothing about how close a guess was.
CREATE TABLE web_tokens (
    guild_id   INTEGER PRIMARY KEY REFERENCES guilds (id),
    token      TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
