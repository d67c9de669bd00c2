-- The open discussions, read by every process now and then to know which
-- threads' replies count as taking part: a small partial index, so that
-- read never scans every post.
CREATE INDEX posts_open_discussions ON posts (id) WHERE state = 'open' AND kind = 'discussion';
