-- The trash: a file taken out of the archive keeps its bytes in the trash folder and one row here that
-- says where it was. Its media row leaves images/videos/documents (so nothing that reads the archive sees
-- it, and the same bytes can be imported again as a new file) and is kept whole in media_row, column by
-- column as JSON, so that restore puts back the very row. Only emptying the trash deletes bytes and rows
-- here. No foreign keys: a trashed file outlives nothing, but it must not stop a location being changed.
CREATE TABLE trash (
    trash_id        INTEGER PRIMARY KEY,
    media_type      TEXT NOT NULL CHECK (media_type IN ('img', 'vid', 'doc')),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    trash_path      TEXT NOT NULL UNIQUE,
    archive_path    TEXT NOT NULL,
    loc_uuid        TEXT NOT NULL,
    sub_uuid        TEXT,
    original_folder TEXT,
    original_name   TEXT,
    -- The files trashed together because they belong together (live photo, RAW+JPEG, sidecars): the
    -- smallest SHA-256 of the group. Restoring one restores the group.
    trash_group     TEXT NOT NULL,
    relations       TEXT,
    media_row       TEXT NOT NULL,
    size            INTEGER,
    trashed         TEXT NOT NULL,
    reason          TEXT
);
CREATE INDEX idx_trash_sha256 ON trash (sha256);
CREATE INDEX idx_trash_loc_uuid ON trash (loc_uuid);
CREATE INDEX idx_trash_group ON trash (trash_group);
CREATE INDEX idx_trash_trashed ON trash (trashed);
CREATE INDEX idx_trash_original_name ON trash (original_name);
