-- Questions members suggest, and their review. The item is kept as a pack's
-- [[item]] table, checked by the pack rules before it is stored.
CREATE TABLE suggestions (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL REFERENCES guilds (id),
    -- NULL once the author asked to be forgotten.
    author_id  INTEGER REFERENCES users (id),
    state      TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    item       TEXT NOT NULL,
    -- Why it was turned down, when the reviewer said.
    reason     TEXT,
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    decided_by INTEGER REFERENCES users (id)
);
CREATE INDEX suggestions_pending ON suggestions (guild_id, id) WHERE state = 'pending';
CREATE INDEX suggestions_author ON suggestions (author_id, guild_id);

-- A server's own items (approved suggestions, imported packs): asked in that
-- server only. Posts and cards name one `own:<guild_id>:<slug>`.
CREATE TABLE own_items (
    guild_id      INTEGER NOT NULL REFERENCES guilds (id),
    slug          TEXT NOT NULL,
    category      TEXT NOT NULL,
    item          TEXT NOT NULL,
    author_id     INTEGER REFERENCES users (id),
    suggestion_id INTEGER REFERENCES suggestions (id),
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, slug)
) WITHOUT ROWID;
