-- A video's thumbnail (a Canon/GoPro-style .THM: a small JPEG with the same name stem beside the video,
-- holding the EXIF the video itself lacks) is read when the video is imported, since only the video is
-- staged; exiftool's JSON of it waits here for db_organize, which uses its capture time, make and model
-- when the video has none of its own. Null when the video had no thumbnail. Additive only.
ALTER TABLE videos ADD COLUMN vid_thumbnail_exif TEXT;
