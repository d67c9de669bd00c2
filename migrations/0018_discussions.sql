-- Discussion questions. An own item's kind (`quiz` for a choice or typed
-- question, `discussion` for an open prompt), so that a quiz never draws a
-- discussion without reading every item; what a schedule posts (`quiz`,
-- `discussion`, or `alternate` between them) and what each post was; and
-- who took part in each discussion (once per player and post), for the
-- wrap-up and the participation streak. Never points or accuracy.
ALTER TABLE own_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz';
ALTER TABLE schedules ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz';
ALTER TABLE posts ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz';
CREATE TABLE discussion_takes (
    post_id INTEGER NOT NULL REFERENCES posts (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    at      INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX discussion_takes_user ON discussion_takes (user_id);
