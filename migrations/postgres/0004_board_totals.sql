-- PostgreSQL counterpart of migrations/0004_board_totals.sql.
-- (SQLite's WITHOUT ROWID tables are ordinary tables here, with the same
-- primary keys.)

-- Running figures per player and board period, kept up to date as daily
-- questions are revealed and practice answers come in, so a board reads its
-- top rows from an index instead of adding up a period's answers.
CREATE TABLE board_totals (
    guild_id  BIGINT NOT NULL REFERENCES guilds (id),
    -- 'daily' or 'practice'
    board     TEXT NOT NULL,
    -- 'all', 'week:<its Monday>' or 'month:<YYYY-MM>', in the guild's zone
    period    TEXT NOT NULL,
    user_id   BIGINT NOT NULL REFERENCES users (id),
    points    BIGINT NOT NULL,
    correct   BIGINT NOT NULL,
    answered  BIGINT NOT NULL,
    -- When the points total was reached (the last scoring answer), for ties.
    points_at BIGINT NOT NULL,
    -- correct / answered scaled by 10^9, so accuracy can be indexed.
    accuracy  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, board, period, user_id)
);
CREATE INDEX board_totals_points ON board_totals (guild_id, board, period, points DESC, points_at, user_id);
CREATE INDEX board_totals_accuracy
    ON board_totals (guild_id, board, period, accuracy DESC, answered DESC, points_at, user_id);

-- How many players of a board period have each score: the asker's rank is
-- the players on better scores (a few hundred rows to add up) plus those
-- tied ahead of them, instead of a count over every player ahead.
CREATE TABLE board_points (
    guild_id BIGINT NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    points   BIGINT NOT NULL,
    players  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, board, period, points)
);
-- The same by the day the score was reached: players tied on points rank by
-- when they got there, so those ahead on earlier days are added up too.
CREATE TABLE board_points_days (
    guild_id BIGINT NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    points   BIGINT NOT NULL,
    -- points_at in whole days since the epoch
    day      BIGINT NOT NULL,
    players  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, board, period, points, day)
);
CREATE TABLE board_accuracy (
    guild_id BIGINT NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    accuracy BIGINT NOT NULL,
    answered BIGINT NOT NULL,
    players  BIGINT NOT NULL,
    PRIMARY KEY (guild_id, board, period, accuracy, answered)
);

-- The zone the guild's week and month totals were built in; NULL until they
-- are built (also right after this migration: the first board builds them).
ALTER TABLE guilds ADD COLUMN totals_zone TEXT;

-- Streak boards read the best current streaks from an index.
CREATE INDEX streaks_board ON streaks (channel_id, current DESC, reached_at, user_id);

-- Boards no longer scan answers by time.
DROP INDEX answers_time_cover;

-- How many players of a channel have each current streak, by the day it was
-- reached: the asker's rank on the streak board adds these up. Kept by
-- triggers, since every change of a streak row is a change of these counts.
-- (`/` on BIGINT is integer division truncating toward zero, as SQLite's is
-- on integers.)
CREATE TABLE streak_counts (
    channel_id BIGINT NOT NULL,
    current    BIGINT NOT NULL,
    -- reached_at in whole days since the epoch
    day        BIGINT NOT NULL,
    players    BIGINT NOT NULL,
    PRIMARY KEY (channel_id, current, day)
);
INSERT INTO streak_counts (channel_id, current, day, players)
    SELECT channel_id, current, reached_at / 86400000, COUNT(*) FROM streaks WHERE current > 0 GROUP BY 1, 2, 3;

-- Each SQLite trigger is a plpgsql function of the same name and a row
-- trigger with the same WHEN condition. SQLite's two statements ("insert the
-- count row at 0 unless it exists, then add 1") are one upsert here: the same
-- result, and safe when two transactions add the first player of a count at
-- once (PostgreSQL, unlike SQLite, runs writers concurrently).
-- On an UPDATE of streaks (also the DO UPDATE of an upsert) both
-- streak_counts_leave and streak_counts_enter fire, as in SQLite; PostgreSQL
-- fires them in name order, and since each only adds or subtracts one, the
-- order does not change the counts.
CREATE FUNCTION streak_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO streak_counts (channel_id, current, day, players)
        VALUES (NEW.channel_id, NEW.current, NEW.reached_at / 86400000, 1)
        ON CONFLICT (channel_id, current, day) DO UPDATE SET players = streak_counts.players + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER streak_counts_insert AFTER INSERT ON streaks
    FOR EACH ROW WHEN (NEW.current > 0) EXECUTE FUNCTION streak_counts_insert();

CREATE FUNCTION streak_counts_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE streak_counts SET players = players - 1
        WHERE channel_id = OLD.channel_id AND current = OLD.current AND day = OLD.reached_at / 86400000;
    RETURN NULL;
END;
$$;
CREATE TRIGGER streak_counts_leave AFTER UPDATE ON streaks
    FOR EACH ROW WHEN (OLD.current > 0) EXECUTE FUNCTION streak_counts_leave();

CREATE FUNCTION streak_counts_enter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO streak_counts (channel_id, current, day, players)
        VALUES (NEW.channel_id, NEW.current, NEW.reached_at / 86400000, 1)
        ON CONFLICT (channel_id, current, day) DO UPDATE SET players = streak_counts.players + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER streak_counts_enter AFTER UPDATE ON streaks
    FOR EACH ROW WHEN (NEW.current > 0) EXECUTE FUNCTION streak_counts_enter();
