-- The camera's clock as read is kept even when its time zone is unknown, with the tag it came from and
-- where its UTC offset came from (offset_tag, gps_time, quicktime_utc or unknown); img_taken/vid_taken
-- stay the UTC time, set only when the offset is known. The source file's modification time survives
-- import, and a file exiftool or ffprobe reports as damaged is archived and flagged. Additive only.
ALTER TABLE images ADD COLUMN img_taken_local TEXT;
ALTER TABLE images ADD COLUMN img_taken_tag TEXT;
ALTER TABLE images ADD COLUMN img_taken_offset TEXT;
ALTER TABLE images ADD COLUMN img_offset_source TEXT;
ALTER TABLE images ADD COLUMN img_mtime TEXT;
ALTER TABLE images ADD COLUMN img_damaged INTEGER;

ALTER TABLE videos ADD COLUMN vid_taken_local TEXT;
ALTER TABLE videos ADD COLUMN vid_taken_tag TEXT;
ALTER TABLE videos ADD COLUMN vid_taken_offset TEXT;
ALTER TABLE videos ADD COLUMN vid_offset_source TEXT;
ALTER TABLE videos ADD COLUMN vid_mtime TEXT;
ALTER TABLE videos ADD COLUMN vid_damaged INTEGER;

ALTER TABLE documents ADD COLUMN doc_mtime TEXT;
