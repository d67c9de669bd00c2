-- Several processes on one database. Each delivery (a post's question or
-- reveal, a recap) is claimed before it is sent: the claiming process's id
-- and the instant (ms) its lease runs out. Another process takes a claimed
-- delivery over only once the lease has run out, so a process that dies
-- holds its work at most that long.
ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;
ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
ALTER TABLE recaps ADD COLUMN lease_owner TEXT;
ALTER TABLE recaps ADD COLUMN lease_until INTEGER;

-- A rate budget shared by the processes: the next free send slot of each
-- key (Discord's global limit), in ms of the database server's clock.
CREATE TABLE pace_slots (
    key     TEXT PRIMARY KEY,
    next_at INTEGER NOT NULL
);

-- Platform events handled by some process (a Slack envelope), so that one
-- delivered again to another process is not handled twice; kept an hour.
CREATE TABLE handled_events (
    key TEXT PRIMARY KEY,
    at  INTEGER NOT NULL
);
CREATE INDEX handled_events_at ON handled_events (at);
