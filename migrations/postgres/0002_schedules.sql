-- PostgreSQL counterpart of migrations/0002_schedules.sql.

-- A channel's daily schedule. `next_at`/`next_date` is the next occurrence
-- the bot has to act on (post it, skip it, or record it as missed), kept here
-- so a restart knows exactly what it has and has not done.
-- (`channel_id` is SQLite's INTEGER PRIMARY KEY, formally a rowid alias, but
-- always the channel's id: a plain BIGINT key here, no identity.)
CREATE TABLE schedules (
    channel_id    BIGINT PRIMARY KEY REFERENCES channels (id),
    local_time    TEXT NOT NULL,
    timezone      TEXT NOT NULL,
    -- Bit 0 is Monday, bit 6 Sunday.
    days          BIGINT NOT NULL CHECK (days BETWEEN 1 AND 127),
    -- NULL: the question closes when the next one is due.
    close_minutes BIGINT CHECK (close_minutes > 0),
    paused        BIGINT NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    -- The local date of an upcoming occurrence an admin skipped.
    skip_date     TEXT,
    next_at       BIGINT NOT NULL,
    next_date     TEXT NOT NULL
);
CREATE INDEX schedules_next ON schedules (paused, next_at);

-- Comma-separated categories the channel's daily questions come from; NULL is all.
ALTER TABLE channels ADD COLUMN categories TEXT;

-- Delivery of the question and of its reveal to the platform: 'pending' until
-- an adapter takes it, 'sending' while it does, 'sent' once the platform
-- confirmed. A restart resumes whatever is not 'sent'.
ALTER TABLE posts ADD COLUMN delivery TEXT NOT NULL DEFAULT 'sent'
    CHECK (delivery IN ('pending', 'sending', 'sent'));
ALTER TABLE posts ADD COLUMN reveal_delivery TEXT NOT NULL DEFAULT 'none'
    CHECK (reveal_delivery IN ('none', 'pending', 'sending', 'sent'));
CREATE INDEX posts_delivery ON posts (delivery, reveal_delivery);
