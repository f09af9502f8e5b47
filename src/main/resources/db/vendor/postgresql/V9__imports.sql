-- PostgreSQL's version of db/vendor/sqlite/V9 (a regular expression for the id's check, bytes as BIGINT).
-- Every db_import or pipeline run is recorded as an import: when, from where, by whom, with which options,
-- the counts of its summary and the location it added to; every file row (and URL) names its import.
-- imp_id is 8 lowercase hex characters (typeable; a unique prefix of 4 or more is accepted where an import
-- is named). A run resumed after a kill continues its unfinished import (same script, same run key) rather
-- than making a second one. Rows imported before this version have no import (NULL). Additive only.
CREATE TABLE imports (
    imp_id      TEXT PRIMARY KEY CHECK (imp_id ~ '^[0-9a-f]{8}$'),
    script      TEXT NOT NULL,
    run_key     TEXT NOT NULL,
    source      TEXT,
    imp_author  TEXT,
    options     TEXT,
    loc_uuid    TEXT REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid    TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    started     TEXT NOT NULL,
    finished    TEXT,
    runs        INTEGER NOT NULL DEFAULT 1,
    resumed_at  INTEGER NOT NULL DEFAULT 0,
    found       INTEGER NOT NULL DEFAULT 0,
    images      INTEGER NOT NULL DEFAULT 0,
    videos      INTEGER NOT NULL DEFAULT 0,
    documents   INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    ignored     INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    bytes       BIGINT  NOT NULL DEFAULT 0,
    urls_added  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_imports_loc_uuid ON imports (loc_uuid);
CREATE INDEX idx_imports_open ON imports (run_key) WHERE finished IS NULL;
ALTER TABLE duplicate_sightings ADD CONSTRAINT duplicate_sightings_imp_id_fkey FOREIGN KEY (imp_id)
    REFERENCES imports (imp_id) ON DELETE SET NULL;

ALTER TABLE images ADD COLUMN imp_id TEXT REFERENCES imports (imp_id) ON DELETE SET NULL;
ALTER TABLE videos ADD COLUMN imp_id TEXT REFERENCES imports (imp_id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN imp_id TEXT REFERENCES imports (imp_id) ON DELETE SET NULL;
ALTER TABLE urls ADD COLUMN imp_id TEXT REFERENCES imports (imp_id) ON DELETE SET NULL;
CREATE INDEX idx_images_imp_id ON images (imp_id);
CREATE INDEX idx_videos_imp_id ON videos (imp_id);
CREATE INDEX idx_documents_imp_id ON documents (imp_id);
