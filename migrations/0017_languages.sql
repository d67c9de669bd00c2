-- A server's language for what its channels see (daily questions, reveals,
-- recaps): `language` is the one an admin chose (`/quizadmin language`),
-- NULL to follow the platform's; `locale` is the platform's, as last seen
-- (Discord's guild_locale, a Slack installer's locale).
ALTER TABLE guilds ADD COLUMN language TEXT;
ALTER TABLE guilds ADD COLUMN locale TEXT;
