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
