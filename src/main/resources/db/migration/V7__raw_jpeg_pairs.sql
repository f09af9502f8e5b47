-- Photos taken as a pair (RAW+JPEG: same name stem, same folder, other extension) name each other here,
-- a JSON array of SHA-256 like img_vids. Additive only.
ALTER TABLE images ADD COLUMN img_pairs TEXT;
