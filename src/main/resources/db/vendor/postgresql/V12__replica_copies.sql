-- PostgreSQL's version of db/vendor/sqlite/V12 (regular expression check, size as BIGINT).
-- What each replica holds: one row per replica and file (an archived photo, video or document, a master
-- JSON, a database backup), under the path it has on the replica (the archive's own relative path), with
-- the SHA-256 of the bytes it holds and when they were last proven (read back or checked by the service).
-- A row is written only once its copy is proven; a copy found bad loses its row, so replicate sends it
-- again. Additive only.
CREATE TABLE replica_copies (
    replica  TEXT    NOT NULL CHECK (length(replica) BETWEEN 1 AND 32),
    path     TEXT    NOT NULL CHECK (length(path) > 0 AND substr(path, 1, 1) <> '/'),
    kind     TEXT    NOT NULL CHECK (kind IN ('media', 'master_json', 'backup')),
    sha256   TEXT    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size     BIGINT  NOT NULL CHECK (size >= 0),
    copied   TEXT    NOT NULL,
    verified TEXT    NOT NULL,
    PRIMARY KEY (replica, path)
);

-- db_verify --replica --sample re-reads the copies proven longest ago first.
CREATE INDEX idx_replica_copies_verified ON replica_copies (replica, verified);
