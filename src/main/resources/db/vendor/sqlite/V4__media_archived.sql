-- The step a file has reached is recorded by the step itself, not read from where its path lies:
-- db_ingest now stamps *_archived when it places a file in the archive (NULL while it is in staging).
-- Together with original (db_organize) and *_verified (db_verify) it gives each row's state; see
-- MediaState. Additive only.
ALTER TABLE images ADD COLUMN img_archived TEXT;
ALTER TABLE videos ADD COLUMN vid_archived TEXT;
ALTER TABLE documents ADD COLUMN doc_archived TEXT;

-- Rows of an existing database are archived when they were verified (only archive copies are), or when
-- their recorded path lies inside their location's archive folder (loc_loc, set before the first file
-- goes in and never moved). Staging, archive and backups are separate folders, so a staged path never
-- starts with loc_loc. The time of the ingest was not kept: the row's last update is the best known.
UPDATE images SET img_archived = COALESCE(img_update, img_add, img_verified, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
WHERE img_verified IS NOT NULL OR EXISTS (SELECT 1 FROM locations l WHERE l.loc_uuid = images.loc_uuid
    AND l.loc_loc IS NOT NULL AND substr(images.img_loc, 1, length(l.loc_loc) + 1) = l.loc_loc || '/');
UPDATE videos SET vid_archived = COALESCE(vid_update, vid_add, vid_verified, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
WHERE vid_verified IS NOT NULL OR EXISTS (SELECT 1 FROM locations l WHERE l.loc_uuid = videos.loc_uuid
    AND l.loc_loc IS NOT NULL AND substr(videos.vid_loc, 1, length(l.loc_loc) + 1) = l.loc_loc || '/');
UPDATE documents SET doc_archived = COALESCE(doc_update, doc_add, doc_verified, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
WHERE doc_verified IS NOT NULL OR EXISTS (SELECT 1 FROM locations l WHERE l.loc_uuid = documents.loc_uuid
    AND l.loc_loc IS NOT NULL AND substr(documents.doc_loc, 1, length(l.loc_loc) + 1) = l.loc_loc || '/');

-- db_ingest and db_folder look up the rows still waiting for the archive: a small partial index each.
CREATE INDEX idx_images_to_archive ON images (img_archived) WHERE img_archived IS NULL;
CREATE INDEX idx_videos_to_archive ON videos (vid_archived) WHERE vid_archived IS NULL;
CREATE INDEX idx_documents_to_archive ON documents (doc_archived) WHERE doc_archived IS NULL;
