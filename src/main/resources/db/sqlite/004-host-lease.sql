-- Version 4: politeness across processes. A row holds one host while a request to it is in flight
-- and, after it, until the configured gap has passed. Cluster nodes sharing a PostgreSQL database
-- use it so that two nodes never hit the same host at once (fetch.HostThrottle); with SQLite one
-- process fetches and keeps the same rule in memory, so the table stays empty.
CREATE TABLE host_lease (
    host   TEXT    NOT NULL PRIMARY KEY,   -- lower case
    holder TEXT    NOT NULL,               -- who holds it: node and request, unique per acquisition
    until  INTEGER NOT NULL                -- epoch ms (the database's clock): free from then on
);
