-- The archive schema of AUPAT.md section 4 (the seven tables of the original design) with the
-- additive REC columns: *_verified timestamps, documents.docs_vid, images.film_stock.
-- Timestamps are UTC text 'yyyy-MM-ddTHH:mm:ss.SSSZ'; booleans are INTEGER 1/0/NULL (NULL = not decided).
-- Prefixes of uuids and shas are never stored; they are computed when names are built.

CREATE TABLE locations (
    loc_uuid    TEXT PRIMARY KEY CHECK (length(loc_uuid) = 36),
    loc_name    TEXT NOT NULL CHECK (length(loc_name) BETWEEN 1 AND 255),
    aka_name    TEXT,
    state       TEXT NOT NULL,
    type        TEXT NOT NULL,
    sub_type    TEXT,
    org_loc     TEXT,
    loc_loc     TEXT,
    loc_add     TEXT,
    loc_update  TEXT,
    imp_author  TEXT,
    json_update TEXT
);
CREATE INDEX idx_locations_state_type ON locations (state, type);

CREATE TABLE sub_locations (
    sub_uuid   TEXT PRIMARY KEY CHECK (length(sub_uuid) = 36),
    sub_name   TEXT NOT NULL CHECK (length(sub_name) BETWEEN 1 AND 255),
    loc_uuid   TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    org_loc    TEXT,
    loc_loc    TEXT,
    loc_add    TEXT,
    loc_update TEXT,
    imp_author TEXT
);
CREATE INDEX idx_sub_locations_loc_uuid ON sub_locations (loc_uuid);

CREATE TABLE images (
    img_sha256        TEXT UNIQUE NOT NULL CHECK (length(img_sha256) = 64 AND img_sha256 NOT GLOB '*[^0-9a-f]*'),
    img_name          TEXT NOT NULL,
    img_loc           TEXT NOT NULL,
    original          INTEGER CHECK (original IN (0, 1)),
    camera            INTEGER CHECK (camera IN (0, 1)),
    phone             INTEGER CHECK (phone IN (0, 1)),
    drone             INTEGER CHECK (drone IN (0, 1)),
    go_pro            INTEGER CHECK (go_pro IN (0, 1)),
    film              INTEGER CHECK (film IN (0, 1)),
    other             INTEGER CHECK (other IN (0, 1)),
    exiftool_hardware TEXT,
    img_hardware      TEXT,
    loc_uuid          TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid          TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    img_loco          TEXT,
    img_nameo         TEXT,
    img_add           TEXT,
    img_update        TEXT,
    imp_author        TEXT,
    img_docs          TEXT,
    img_vids          TEXT,
    img_verified      TEXT,
    film_stock        TEXT
);
CREATE INDEX idx_images_loc_uuid ON images (loc_uuid);
CREATE INDEX idx_images_camera ON images (loc_uuid, camera);

CREATE TABLE videos (
    vid_sha256      TEXT UNIQUE NOT NULL CHECK (length(vid_sha256) = 64 AND vid_sha256 NOT GLOB '*[^0-9a-f]*'),
    vid_name        TEXT NOT NULL,
    vid_loc         TEXT NOT NULL,
    original        INTEGER CHECK (original IN (0, 1)),
    camera          INTEGER CHECK (camera IN (0, 1)),
    drone           INTEGER CHECK (drone IN (0, 1)),
    phone           INTEGER CHECK (phone IN (0, 1)),
    go_pro          INTEGER CHECK (go_pro IN (0, 1)),
    dash_cam        INTEGER CHECK (dash_cam IN (0, 1)),
    other           INTEGER CHECK (other IN (0, 1)),
    ffmpeg_hardware TEXT,
    vid_hardware    TEXT,
    loc_uuid        TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid        TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    vid_loco        TEXT,
    vid_nameo       TEXT,
    vid_add         TEXT,
    vid_update      TEXT,
    imp_author      TEXT,
    vid_docs        TEXT,
    vid_imgs        TEXT,
    vid_verified    TEXT
);
CREATE INDEX idx_videos_loc_uuid ON videos (loc_uuid);
CREATE INDEX idx_videos_drone ON videos (loc_uuid, drone);

CREATE TABLE documents (
    doc_sha256   TEXT UNIQUE NOT NULL CHECK (length(doc_sha256) = 64 AND doc_sha256 NOT GLOB '*[^0-9a-f]*'),
    doc_name     TEXT NOT NULL,
    doc_loc      TEXT NOT NULL,
    doc_ext      TEXT NOT NULL,
    loc_uuid     TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid     TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    doc_loco     TEXT,
    doc_nameo    TEXT,
    doc_add      TEXT,
    doc_update   TEXT,
    imp_author   TEXT,
    docs_img     TEXT,
    docs_vid     TEXT,
    doc_verified TEXT
);
CREATE INDEX idx_documents_loc_uuid ON documents (loc_uuid);
CREATE INDEX idx_documents_ext ON documents (doc_ext);

CREATE TABLE urls (
    url_uuid   TEXT PRIMARY KEY CHECK (length(url_uuid) = 36),
    url        TEXT NOT NULL,
    domain     TEXT NOT NULL,
    url_loc    TEXT,
    loc_uuid   TEXT NOT NULL REFERENCES locations (loc_uuid) ON DELETE CASCADE,
    sub_uuid   TEXT REFERENCES sub_locations (sub_uuid) ON DELETE SET NULL,
    url_add    TEXT,
    url_update TEXT,
    imp_author TEXT
);
CREATE INDEX idx_urls_loc_uuid ON urls (loc_uuid);
CREATE INDEX idx_urls_domain ON urls (domain);

CREATE TABLE versions (
    modules     TEXT PRIMARY KEY,
    version     TEXT NOT NULL,
    ver_updated TEXT NOT NULL
);
