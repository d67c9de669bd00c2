-- Discussion questions: an own item's kind (`quiz` for a choice or typed
-- question, `discussion` for an open prompt), so that a quiz never draws
-- a discussion without reading every item.
ALTER TABLE own_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'quiz';
