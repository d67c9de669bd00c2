-- Running figures per player and board period, kept up to date as daily
-- questions are revealed and practice answers come in, so a board reads its
-- top rows from an index instead of adding up a period's answers.
CREATE TABLE board_totals (
    guild_id  INTEGER NOT NULL REFERENCES guilds (id),
    -- 'daily' or 'practice'
    board     TEXT NOT NULL,
    -- 'all', 'week:<its Monday>' or 'month:<YYYY-MM>', in the guild's zone
    period    TEXT NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    points    INTEGER NOT NULL,
    correct   INTEGER NOT NULL,
    answered  INTEGER NOT NULL,
    -- When the points total was reached (the last scoring answer), for ties.
    points_at INTEGER NOT NULL,
    -- correct / answered scaled by 10^9, so accuracy can be indexed.
    accuracy  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, board, period, user_id)
) WITHOUT ROWID;
CREATE INDEX board_totals_points ON board_totals (guild_id, board, period, points DESC, points_at, user_id);
CREATE INDEX board_totals_accuracy
    ON board_totals (guild_id, board, period, accuracy DESC, answered DESC, points_at, user_id);

-- How many players of a board period have each score: the asker's rank is
-- the players on better scores (a few hundred rows to add up) plus those
-- tied ahead of them, instead of a count over every player ahead.
CREATE TABLE board_points (
    guild_id INTEGER NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    points   INTEGER NOT NULL,
    players  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, board, period, points)
) WITHOUT ROWID;
-- The same by the day the score was reached: players tied on points rank by
-- when they got there, so those ahead on earlier days are added up too.
CREATE TABLE board_points_days (
    guild_id INTEGER NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    points   INTEGER NOT NULL,
    -- points_at in whole days since the epoch
    day      INTEGER NOT NULL,
    players  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, board, period, points, day)
) WITHOUT ROWID;
CREATE TABLE board_accuracy (
    guild_id INTEGER NOT NULL,
    board    TEXT NOT NULL,
    period   TEXT NOT NULL,
    accuracy INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    players  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, board, period, accuracy, answered)
) WITHOUT ROWID;

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
CREATE TABLE streak_counts (
    channel_id INTEGER NOT NULL,
    current    INTEGER NOT NULL,
    -- reached_at in whole days since the epoch
    day        INTEGER NOT NULL,
    players    INTEGER NOT NULL,
    PRIMARY KEY (channel_id, current, day)
) WITHOUT ROWID;
INSERT INTO streak_counts (channel_id, current, day, players)
    SELECT channel_id, current, reached_at / 86400000, COUNT(*) FROM streaks WHERE current > 0 GROUP BY 1, 2, 3;

CREATE TRIGGER streak_counts_insert AFTER INSERT ON streaks WHEN NEW.current > 0 BEGIN
    -- (Not INSERT OR IGNORE: an upsert firing the trigger would override the IGNORE.)
    INSERT INTO streak_counts SELECT NEW.channel_id, NEW.current, NEW.reached_at / 86400000, 0
        WHERE NOT EXISTS (SELECT 1 FROM streak_counts
            WHERE channel_id = NEW.channel_id AND current = NEW.current AND day = NEW.reached_at / 86400000);
    UPDATE streak_counts SET players = players + 1
        WHERE channel_id = NEW.channel_id AND current = NEW.current AND day = NEW.reached_at / 86400000;
END;
CREATE TRIGGER streak_counts_leave AFTER UPDATE ON streaks WHEN OLD.current > 0 BEGIN
    UPDATE streak_counts SET players = players - 1
        WHERE channel_id = OLD.channel_id AND current = OLD.current AND day = OLD.reached_at / 86400000;
END;
CREATE TRIGGER streak_counts_enter AFTER UPDATE ON streaks WHEN NEW.current > 0 BEGIN
    -- (Not INSERT OR IGNORE: an upsert firing the trigger would override the IGNORE.)
    INSERT INTO streak_counts SELECT NEW.channel_id, NEW.current, NEW.reached_at / 86400000, 0
        WHERE NOT EXISTS (SELECT 1 FROM streak_counts
            WHERE channel_id = NEW.channel_id AND current = NEW.current AND day = NEW.reached_at / 86400000);
    UPDATE streak_counts SET players = players + 1
        WHERE channel_id = NEW.channel_id AND current = NEW.current AND day = NEW.reached_at / 86400000;
END;
