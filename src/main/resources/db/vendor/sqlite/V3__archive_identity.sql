-- The archive's identity: a random id made once, when this database is created or upgraded. AUPAT's
-- file journals carry it, so a journal is only ever recovered against the archive that wrote it
-- (a journal copied from another archive, or left by another database in the same folder, is refused).
-- A backup restored in place keeps the id: it is the same archive.
CREATE TABLE archive_identity (
    one        INTEGER PRIMARY KEY CHECK (one = 1),
    archive_id TEXT    NOT NULL CHECK (length(archive_id) = 32),
    created    TEXT    NOT NULL
);

INSERT INTO archive_identity (one, archive_id, created)
VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
