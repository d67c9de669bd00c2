-- PostgreSQL counterpart of migrations/0009_installations.sql.

-- Workspaces that installed the app through OAuth ("Add to Slack"). The bot
-- token is sealed (XChaCha20-Poly1305, key from config, the team id as
-- associated data): a copy of this database without the key reveals no token.
CREATE TABLE installations (
    platform      TEXT NOT NULL,
    team_id       TEXT NOT NULL,
    enterprise_id TEXT,
    team_name     TEXT NOT NULL,
    bot_user_id   TEXT NOT NULL,
    installer_id  TEXT NOT NULL,
    token_sealed  BYTEA NOT NULL,
    installed_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, team_id)
);

-- Single-use OAuth `state` values (CSRF), with when they were handed out.
CREATE TABLE oauth_states (
    state      TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
