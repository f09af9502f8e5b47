-- Which version of the relationship rules (live photos, sidecars, RAW+JPEG pairs) last linked a
-- location's files; NULL: none, or an AUPAT from before sidecars and pairs were linked. db_organize
-- links each location below the current version once, archived files included, so that an archive
-- organised before those rules gains its links (database and master JSON only: no file is renamed).
ALTER TABLE locations ADD COLUMN loc_links INTEGER;
