-- Beyond the original: capture time (UTC), GPS position and, for videos, the main stream's facts get
-- their own columns so that they can be queried and appear in the master JSON. Additive only.
ALTER TABLE images ADD COLUMN img_taken TEXT;
ALTER TABLE images ADD COLUMN img_gps_lat REAL;
ALTER TABLE images ADD COLUMN img_gps_lon REAL;

ALTER TABLE videos ADD COLUMN vid_taken TEXT;
ALTER TABLE videos ADD COLUMN vid_gps_lat REAL;
ALTER TABLE videos ADD COLUMN vid_gps_lon REAL;
ALTER TABLE videos ADD COLUMN vid_duration REAL;
ALTER TABLE videos ADD COLUMN vid_codec TEXT;
ALTER TABLE videos ADD COLUMN vid_width INTEGER;
ALTER TABLE videos ADD COLUMN vid_height INTEGER;

-- Lookups the pipeline makes by state: rows still in staging, and rows not yet verified.
CREATE INDEX idx_images_organize ON images (original) WHERE original IS NULL;
CREATE INDEX idx_videos_organize ON videos (original) WHERE original IS NULL;
CREATE INDEX idx_images_verified ON images (img_verified);
CREATE INDEX idx_videos_verified ON videos (vid_verified);
CREATE INDEX idx_documents_verified ON documents (doc_verified);
