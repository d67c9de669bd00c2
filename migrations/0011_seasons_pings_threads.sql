-- A server's seasons: boards that start from zero on an admin's word while
-- the all-time boards keep counting. The current season has no end.
CREATE TABLE seasons (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL REFERENCES guilds (id),
    -- Told apart regardless of case: `Spring` and `spring` are one season.
    name       TEXT NOT NULL COLLATE NOCASE,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    UNIQUE (guild_id, name)
);
CREATE UNIQUE INDEX seasons_current ON seasons (guild_id) WHERE ended_at IS NULL;

-- A closed season's final board, kept as it stood when the season closed.
CREATE TABLE season_standings (
    season_id INTEGER NOT NULL REFERENCES seasons (id),
    rank      INTEGER NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    points    INTEGER NOT NULL,
    correct   INTEGER NOT NULL,
    answered  INTEGER NOT NULL,
    points_at INTEGER NOT NULL,
    PRIMARY KEY (season_id, user_id)
) WITHOUT ROWID;

-- Streak rows are deleted now (a player's /quiz forget-me): the counts the
-- streak board ranks by follow.
CREATE TRIGGER streak_counts_delete AFTER DELETE ON streaks WHEN OLD.current > 0 BEGIN
    UPDATE streak_counts SET players = players - 1
        WHERE channel_id = OLD.channel_id AND current = OLD.current AND day = OLD.reached_at / 86400000;
END;

-- The role (Discord) or user group (Slack) a channel's daily post mentions.
ALTER TABLE channels ADD COLUMN ping_role TEXT;
-- Whether each daily question opens a discussion thread.
ALTER TABLE channels ADD COLUMN threads INTEGER NOT NULL DEFAULT 0 CHECK (threads IN (0, 1));
-- The question's discussion thread (Discord: a thread channel id).
ALTER TABLE posts ADD COLUMN thread_ref TEXT;
