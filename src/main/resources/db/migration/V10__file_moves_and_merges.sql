-- Moves and merges are recorded. Each moved file: where it was (location, sub-location, path) and where it
-- went; each merged location: its uuid and name and the location it became part of. People read them to see
-- where a file was; a rerun uses them to finish what a killed run left (the master JSON of a location a file
-- left) and to recognise a merge that is already done. Additive only.
CREATE TABLE file_moves (
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
    media     TEXT NOT NULL CHECK (media IN ('img', 'vid', 'doc')),
    from_loc  TEXT NOT NULL,
    from_sub  TEXT,
    from_path TEXT NOT NULL,
    to_loc    TEXT NOT NULL,
    to_sub    TEXT,
    to_path   TEXT NOT NULL,
    moved     TEXT NOT NULL
);
CREATE INDEX idx_file_moves_sha256 ON file_moves (sha256);

CREATE TABLE location_merges (
    loc_uuid  TEXT PRIMARY KEY CHECK (length(loc_uuid) = 36),
    loc_name  TEXT NOT NULL,
    into_uuid TEXT NOT NULL CHECK (length(into_uuid) = 36),
    merged    TEXT NOT NULL
);
