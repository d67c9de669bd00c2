-- PostgreSQL counterpart of migrations/0007_cards.sql.

-- Spaced repetition: a card per player and item, scheduled with FSRS. The
-- columns are FSRS's card; instants are ms. On upgrade, the players' past
-- answers are replayed into cards (in Rust, right after this script; on
-- PostgreSQL the migration runner does it, not this file).
CREATE TABLE cards (
    user_id        BIGINT NOT NULL REFERENCES users (id),
    item_id        TEXT NOT NULL,
    due            BIGINT NOT NULL,
    stability      DOUBLE PRECISION NOT NULL,
    difficulty     DOUBLE PRECISION NOT NULL,
    elapsed_days   BIGINT NOT NULL,
    scheduled_days BIGINT NOT NULL,
    reps           BIGINT NOT NULL,
    lapses         BIGINT NOT NULL,
    -- 0 new, 1 learning, 2 review, 3 relearning.
    state          BIGINT NOT NULL CHECK (state BETWEEN 0 AND 3),
    last_review    BIGINT NOT NULL,
    PRIMARY KEY (user_id, item_id)
);
CREATE INDEX cards_due ON cards (user_id, due);
