#!/usr/bin/env bash
# The catalogue: thumbnails for the bench corpus (1,000 photos + 10 videos) against the same work done by
# the tools themselves (one exiftool preview batch, then one ffmpeg per file that has no preview, as many at
# once as there are cores), side by side; the catalogue's pages; and a rebuild with nothing new at 100,000
# files (rows added to the database directly, each with a thumbnail in place, since importing 100,000 files
# takes several minutes; only the catalogue is timed). Run from the project folder after
# `./mvnw -B -q -DskipTests package`:
#   bench/catalogue.sh [COUNT=1000] [SCALE_ROWS=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rows=${2:-100000}
. bench/common.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10
home="$work/catalogue-home"
aupat() { (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" "$project/bin/aupat" "$@" --quiet >"$home/out.txt" 2>&1) || { tail -5 "$home/out.txt" >&2; exit 1; }; }
timed() { local start; start=$(seconds); "$@"; calc "$(seconds) - $start"; }

rm -rf "$home"; mkdir -p "$home"
pipeline launcher "$home" "$corpus" "Bench Mill" >/dev/null || exit 1
archive="$home/data/archive"
files=$(find "$archive" -type f \( -name '*-img_*' -o -name '*-vid_*' \) | wc -l)

# The tools alone: one exiftool batch asking every file for its preview, then ffmpeg for those without.
out="$work/baseline-thumbs"; rm -rf "$out"; mkdir -p "$out"
start=$(seconds)
exiftool -q -b -ThumbnailImage -PreviewImage -JpgFromRaw -json -r "$archive" >"$out/previews.json" 2>/dev/null || true
with_preview=$(grep -c '"base64:' "$out/previews.json" || true)
find "$archive" -type f \( -name '*-img_*' -o -name '*-vid_*' \) -print0 | xargs -0 -P "$(nproc)" -I{} sh -c \
    'ffmpeg -nostdin -loglevel error -y -i "$1" -vf scale=320:320:force_original_aspect_ratio=decrease -frames:v 1 -q:v 5 "$2/$(basename "$1").jpg"' _ {} "$out"
tools=$(calc "$(seconds) - $start")

warm "$archive"
rm -rf "$home/data/thumbnails" "$home/data/catalogue"
first=$(timed aupat --script=catalogue)
made=$(find "$home/data/thumbnails" -name '*.jpg' | wc -l)
rm -rf "$home/data/catalogue"
pages=$(timed aupat --script=catalogue)
again=$(timed aupat --script=catalogue)

# 100,000 rows: one location, every row pointing at one archived photo, each with a thumbnail (hard links).
sqlite3 "$home/data/aupat.db" <<SQL
INSERT INTO locations (loc_uuid, loc_name, state, type, loc_add, loc_update)
VALUES ('00000000-0000-4000-8000-00000000b1b1', 'Scale Works', 'ny', 'industrial', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO images (img_sha256, img_name, img_loc, original, camera, loc_uuid, img_nameo, img_loco, img_hardware,
                    img_taken_local, img_gps_lat, img_gps_lon, img_archived, img_verified, img_add)
SELECT printf('%064x', i), 'x.jpg', (SELECT img_loc FROM images LIMIT 1), 1, 1, '00000000-0000-4000-8000-00000000b1b1',
       printf('IMG_%06d.JPG', i), '/card', '{"make":"Canon","model":"Canon EOS R5","category":"dslr"}',
       printf('2024-%02d-%02dT10:00:00', 1 + i % 12, 1 + i % 28), 42.9 + (i % 1000) / 100000.0, -78.8 - (i % 997) / 100000.0,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n;
SQL
python3 - "$home/data/thumbnails" "$rows" <<'PY'
import os, sys, glob, shutil
root, n = sys.argv[1], int(sys.argv[2])
source, links = glob.glob(os.path.join(root, "*", "*.jpg"))[0], 60000
for i in range(1, n + 1):
    sha = "%064x" % i
    os.makedirs(os.path.join(root, sha[:2]), exist_ok=True)
    target = os.path.join(root, sha[:2], sha + ".jpg")
    if os.path.exists(target):
        continue
    if links >= 60000:  # a file system allows about 65,000 links to one file
        fresh = os.path.join(root, "link-source-%d.bin" % i)
        shutil.copy(source, fresh)
        source, links = fresh, 0
    os.link(source, target)
    links += 1
PY
scale_first=$(timed aupat --script=catalogue)
scale_again=$(timed aupat --script=catalogue)
scale_again2=$(timed aupat --script=catalogue)
page_kb=$(du -k "$home/data/catalogue/locations/00000000-0000-4000-8000-00000000b1b1.html" | cut -f1)
data_mb=$(du -m "$home/data/catalogue/locations/00000000-0000-4000-8000-00000000b1b1" | cut -f1)
data_files=$(find "$home/data/catalogue/locations/00000000-0000-4000-8000-00000000b1b1" -type f | wc -l)
start_only=$(timed aupat --script=gen_uuid)

echo "catalogue bench ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)); times include bin/aupat's start"
echo "  thumbnails for $files files ($made made; $with_preview with an embedded preview):"
echo "    AUPAT catalogue, first run   $(printf %.1f "$first") s"
echo "    exiftool batch + ffmpeg each $(printf %.1f "$tools") s"
echo "    ratio                        $(calc "$first / $tools")   (target <= 1.5)"
echo "  catalogue pages, thumbnails present: $(printf %.1f "$pages") s   (target < 10 s)"
echo "  rebuild with nothing new ($files files): $(printf %.1f "$again") s"
echo "  at $((files + rows)) files (one location: a page of ${page_kb} kB, ${data_files} data files of ${data_mb} MB):"\
     "first $(printf %.1f "$scale_first") s, rebuild with nothing new $(printf %.1f "$scale_again") s and"\
     "$(printf %.1f "$scale_again2") s   (target < 2 s)"
echo "  bin/aupat's start alone (gen_uuid): $(printf %.1f "$start_only") s; the catalogue's own times: see $home/logs/main.log"
grep -h "catalogue finished" "$home/logs/main.log" | tail -3 | sed 's/^/    /' || true
