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

-- locations: each location's figures per media type, kept up to date by the triggers below on every insert,
-- delete and change of a file row (import, organize, and any later move between locations), so that listing
-- every location reads a few rows per location instead of every file. A capture time's first and last are
-- found again through idx_*_location_taken when a row leaves; the last import only ever grows.
CREATE TABLE location_totals (
    loc_uuid      TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    media_type    TEXT NOT NULL CHECK (media_type IN ('img', 'vid', 'doc')),
    files         INTEGER NOT NULL,
    bytes         INTEGER NOT NULL,
    unsized       INTEGER NOT NULL,
    first_capture TEXT,
    last_capture  TEXT,
    last_added    TEXT,
    PRIMARY KEY (loc_uuid, media_type)
) WITHOUT ROWID;
CREATE INDEX idx_images_location_taken ON images (loc_uuid, img_taken_local);
CREATE INDEX idx_videos_location_taken ON videos (loc_uuid, vid_taken_local);

INSERT INTO location_totals
SELECT loc_uuid, 'img', count(*), coalesce(sum(img_size), 0), count(*) - count(img_size), min(img_taken_local),
       max(img_taken_local), max(img_add) FROM images GROUP BY loc_uuid;
INSERT INTO location_totals
SELECT loc_uuid, 'vid', count(*), coalesce(sum(vid_size), 0), count(*) - count(vid_size), min(vid_taken_local),
       max(vid_taken_local), max(vid_add) FROM videos GROUP BY loc_uuid;
INSERT INTO location_totals
SELECT loc_uuid, 'doc', count(*), coalesce(sum(doc_size), 0), count(*) - count(doc_size), NULL, NULL, max(doc_add)
FROM documents GROUP BY loc_uuid;

CREATE TRIGGER images_totals_insert AFTER INSERT ON images BEGIN
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'img', 1, coalesce(new.img_size, 0), new.img_size IS NULL, new.img_taken_local, new.img_taken_local, new.img_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;
CREATE TRIGGER images_totals_delete AFTER DELETE ON images BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.img_size, 0),
        unsized = unsized - (old.img_size IS NULL), first_capture = (SELECT min(img_taken_local) FROM images WHERE loc_uuid = old.loc_uuid), last_capture = (SELECT max(img_taken_local) FROM images WHERE loc_uuid = old.loc_uuid)
    WHERE loc_uuid = old.loc_uuid AND media_type = 'img';
END;
CREATE TRIGGER images_totals_update AFTER UPDATE OF loc_uuid, img_size, img_add, img_taken_local ON images BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.img_size, 0),
        unsized = unsized - (old.img_size IS NULL), first_capture = (SELECT min(img_taken_local) FROM images WHERE loc_uuid = old.loc_uuid), last_capture = (SELECT max(img_taken_local) FROM images WHERE loc_uuid = old.loc_uuid)
    WHERE loc_uuid = old.loc_uuid AND media_type = 'img';
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'img', 1, coalesce(new.img_size, 0), new.img_size IS NULL, new.img_taken_local, new.img_taken_local, new.img_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;

CREATE TRIGGER videos_totals_insert AFTER INSERT ON videos BEGIN
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'vid', 1, coalesce(new.vid_size, 0), new.vid_size IS NULL, new.vid_taken_local, new.vid_taken_local, new.vid_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;
CREATE TRIGGER videos_totals_delete AFTER DELETE ON videos BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.vid_size, 0),
        unsized = unsized - (old.vid_size IS NULL), first_capture = (SELECT min(vid_taken_local) FROM videos WHERE loc_uuid = old.loc_uuid), last_capture = (SELECT max(vid_taken_local) FROM videos WHERE loc_uuid = old.loc_uuid)
    WHERE loc_uuid = old.loc_uuid AND media_type = 'vid';
END;
CREATE TRIGGER videos_totals_update AFTER UPDATE OF loc_uuid, vid_size, vid_add, vid_taken_local ON videos BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.vid_size, 0),
        unsized = unsized - (old.vid_size IS NULL), first_capture = (SELECT min(vid_taken_local) FROM videos WHERE loc_uuid = old.loc_uuid), last_capture = (SELECT max(vid_taken_local) FROM videos WHERE loc_uuid = old.loc_uuid)
    WHERE loc_uuid = old.loc_uuid AND media_type = 'vid';
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'vid', 1, coalesce(new.vid_size, 0), new.vid_size IS NULL, new.vid_taken_local, new.vid_taken_local, new.vid_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;

CREATE TRIGGER documents_totals_insert AFTER INSERT ON documents BEGIN
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'doc', 1, coalesce(new.doc_size, 0), new.doc_size IS NULL, NULL, NULL, new.doc_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;
CREATE TRIGGER documents_totals_delete AFTER DELETE ON documents BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.doc_size, 0),
        unsized = unsized - (old.doc_size IS NULL), first_capture = NULL, last_capture = NULL
    WHERE loc_uuid = old.loc_uuid AND media_type = 'doc';
END;
CREATE TRIGGER documents_totals_update AFTER UPDATE OF loc_uuid, doc_size, doc_add ON documents BEGIN
    UPDATE location_totals SET files = files - 1, bytes = bytes - coalesce(old.doc_size, 0),
        unsized = unsized - (old.doc_size IS NULL), first_capture = NULL, last_capture = NULL
    WHERE loc_uuid = old.loc_uuid AND media_type = 'doc';
    INSERT INTO location_totals (loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture, last_added)
    VALUES (new.loc_uuid, 'doc', 1, coalesce(new.doc_size, 0), new.doc_size IS NULL, NULL, NULL, new.doc_add)
    ON CONFLICT (loc_uuid, media_type) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes,
        unsized = unsized + excluded.unsized,
        first_capture = min(coalesce(first_capture, excluded.first_capture), coalesce(excluded.first_capture, first_capture)),
        last_capture = max(coalesce(last_capture, excluded.last_capture), coalesce(excluded.last_capture, last_capture)),
        last_added = max(coalesce(last_added, excluded.last_added), coalesce(excluded.last_added, last_added));
END;
