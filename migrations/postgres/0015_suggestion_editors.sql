-- PostgreSQL counterpart of migrations/0015_suggestion_editors.sql.

-- Who changed a member's suggestion in review: an approved question that a
-- reviewer edited is credited to its author and its editor.
ALTER TABLE suggestions ADD COLUMN edited_by BIGINT REFERENCES users (id);
ALTER TABLE own_items ADD COLUMN edited_by BIGINT REFERENCES users (id);
