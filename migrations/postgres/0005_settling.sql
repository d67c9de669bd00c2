-- PostgreSQL counterpart of migrations/0005_settling.sql.

-- A reveal settles its players in chunks, so that the writer takes answers
-- for other questions in between. `settling` is 1 from the close until every
-- player is settled; the reveal is delivered, and stats count the question,
-- only after that. A crash in between resumes where it stopped.
ALTER TABLE posts ADD COLUMN settling BIGINT NOT NULL DEFAULT 0 CHECK (settling IN (0, 1));
CREATE INDEX posts_settling ON posts (settling) WHERE settling = 1;

-- The post a streak row was last settled for: a player is settled for a post
-- once their row names it.
ALTER TABLE streaks ADD COLUMN settled_post BIGINT;
