-- PostgreSQL counterpart of migrations/0006_deliveries.sql.

-- What the bot sends on its own, one row per message: a post's question and,
-- once it closes, its reveal. Post-now and reveal-now make the same rows as
-- the schedule, and one sender sends them all.
--   state:    'pending' until the sender takes it, 'sending' while it does
--             (a crash leaves it so: the outcome is unknown), 'sent' once the
--             platform confirmed, 'failed' once it was given up.
--   due_at:   not before this instant (ms): the backoff after a temporary
--             failure, or the wait a rate limit asked for.
--   attempts: tries so far; error: what the last failed one said.
CREATE TABLE deliveries (
    post_id  BIGINT NOT NULL REFERENCES posts (id),
    part     TEXT NOT NULL CHECK (part IN ('question', 'reveal')),
    state    TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    due_at   BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    error    TEXT,
    PRIMARY KEY (post_id, part)
);
CREATE INDEX deliveries_waiting ON deliveries (due_at) WHERE state IN ('pending', 'sending');

-- A question still unsent when its post closed is not sent any more: it would
-- come after its own reveal.
INSERT INTO deliveries (post_id, part, state, due_at)
    SELECT id, 'question', CASE WHEN state != 'open' AND delivery = 'pending' THEN 'failed' ELSE delivery END, posted_at
    FROM posts WHERE delivery != 'sent';
INSERT INTO deliveries (post_id, part, state, due_at)
    SELECT id, 'reveal', reveal_delivery, COALESCE(closed_at, posted_at) FROM posts
    WHERE reveal_delivery IN ('pending', 'sending');

-- (Dropping a column also drops its CHECK constraint, in both databases.)
DROP INDEX posts_delivery;
ALTER TABLE posts DROP COLUMN delivery;
ALTER TABLE posts DROP COLUMN reveal_delivery;

-- A channel the bot could not post in, and why (a `Problem` name), until a
-- post there succeeds again. Shown to admins in `status`.
ALTER TABLE channels ADD COLUMN problem TEXT;
ALTER TABLE channels ADD COLUMN problem_detail TEXT;
ALTER TABLE channels ADD COLUMN problem_since BIGINT;
