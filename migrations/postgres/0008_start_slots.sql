-- PostgreSQL counterpart of migrations/0008_start_slots.sql.

-- Rate-limited starts shared by every process on this database: when each
-- key (such as one of Discord's IDENTIFY buckets) was last used, in ms.
CREATE TABLE start_slots (
    key     TEXT PRIMARY KEY,
    last_at BIGINT NOT NULL
);
