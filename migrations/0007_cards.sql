-- Spaced repetition: a card per player and item, scheduled with FSRS. The
-- columns are FSRS's card; instants are ms. On upgrade, the players' past
-- answers are replayed into cards (in Rust, right after this script).
CREATE TABLE cards (
    user_id        INTEGER NOT NULL REFERENCES users (id),
    item_id        TEXT NOT NULL,
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    -- 0 new, 1 learning, 2 review, 3 relearning.
    state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    last_review    INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
) WITHOUT ROWID;
CREATE INDEX cards_due ON cards (user_id, due);
