-- The catalogue's cheap check (docs/catalogue.md, "The incremental rule") asks per location for counts and
-- the latest add, update and verification times of its rows. These indexes hold every column it asks for, so
-- the database answers from them alone (one scan of about 20 MB at 100,000 files) without reading a row,
-- whose recorded EXIF can fill several pages.
CREATE INDEX idx_images_catalogue ON images (loc_uuid, img_update, img_add, img_verified, img_archived, img_damaged, sub_uuid);
CREATE INDEX idx_videos_catalogue ON videos (loc_uuid, vid_update, vid_add, vid_verified, vid_archived, vid_damaged, sub_uuid);
CREATE INDEX idx_documents_catalogue ON documents (loc_uuid, doc_update, doc_add, doc_verified, doc_archived, sub_uuid);
