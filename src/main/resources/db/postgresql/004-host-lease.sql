-- Version 4 (PostgreSQL): politeness across cluster nodes. See ../sqlite/004-host-lease.sql.
-- Times come from the database server's clock, so nodes whose clocks differ still agree.
CREATE TABLE host_lease (
    host   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    holder TEXT COLLATE "C" NOT NULL,
    until  BIGINT NOT NULL
);
