-- PostgreSQL counterpart of migrations/0013_web_tokens_hashed_only.sql.

-- A server page's token is no longer kept in clear beside its hash: it is
-- derived from a key kept beside the database (HMAC over the server and a
-- generation that `web rotate` raises), so a copy of the database alone
-- opens no page. Only the hash stays, to find the server. A link handed out
-- before keeps working until the server's next /quiz web, which hands out
-- the derived one.
ALTER TABLE web_tokens DROP COLUMN token;
ALTER TABLE web_tokens ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
