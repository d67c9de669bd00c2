-- Rate-limited starts shared by every process on this database: when each
-- key (such as one of Discord's IDENTIFY buckets) was last used, in ms.
CREATE TABLE start_slots (
    key     TEXT PRIMARY KEY,
    last_at INTEGER NOT NULL
) WITHOUT ROWID;
