-- What the read-only scripts locations, show and find need, additive only.
--
-- The size of each file, recorded at import (NULL for files imported before this version: they count as
-- unknown in a location's size).
ALTER TABLE images ADD COLUMN img_size INTEGER;
ALTER TABLE videos ADD COLUMN vid_size INTEGER;
ALTER TABLE documents ADD COLUMN doc_size INTEGER;

-- A file an import found to be a duplicate is not archived again, but where it was seen is worth keeping:
-- its original name and folder, the location (and sub-location) it was imported with, who imported it and
-- when. The archived file that holds its bytes is the media row with the same type and SHA-256. A file seen
-- again under the same name, in the same folder, for the same location is recorded once (its first sighting).
CREATE TABLE duplicate_sightings (
    sighting_id  INTEGER PRIMARY KEY,
    media_type   TEXT NOT NULL CHECK (media_type IN ('img', 'vid', 'doc')),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    orig_name    TEXT NOT NULL,
    orig_folder  TEXT NOT NULL,
    loc_uuid     TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid     TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    imp_author   TEXT,
    seen         TEXT NOT NULL,
    -- The import that saw it; the imports table comes with V9, before any row is written here.
    imp_id       TEXT REFERENCES imports (imp_id) ON DELETE SET NULL,
    UNIQUE (sha256, media_type, orig_folder, orig_name, loc_uuid)
);
CREATE INDEX idx_sightings_name ON duplicate_sightings (lower(orig_name));
CREATE INDEX idx_sightings_loc_uuid ON duplicate_sightings (loc_uuid);

-- find by original name: names are compared in lower case (a glob's literal start walks this index);
-- by SHA-256 prefix: the UNIQUE index on *_sha256; by capture day: the camera's clock.
CREATE INDEX idx_images_nameo ON images (lower(img_nameo));
CREATE INDEX idx_videos_nameo ON videos (lower(vid_nameo));
CREATE INDEX idx_documents_nameo ON documents (lower(doc_nameo));
CREATE INDEX idx_images_taken_local ON images (img_taken_local);
CREATE INDEX idx_videos_taken_local ON videos (vid_taken_local);

-- locations: each location's count, first and last capture, last import and size read from the index alone.
CREATE INDEX idx_images_location_summary ON images (loc_uuid, img_taken_local, img_add, img_size);
CREATE INDEX idx_videos_location_summary ON videos (loc_uuid, vid_taken_local, vid_add, vid_size);
CREATE INDEX idx_documents_location_summary ON documents (loc_uuid, doc_add, doc_size);
