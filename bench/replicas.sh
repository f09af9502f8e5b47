#!/usr/bin/env bash
# Replicas: a folder replica of the bench corpus against `cp -r` plus `sha256sum` of the copy, side by
# side in one run, and a second replicate with nothing new over 100,000 recorded files. Run from the
# project folder after `./mvnw -B -q -DskipTests package`:
#   bench/replicas.sh [COUNT=1000] [ROUNDS=3]
# The 100,000-file figure uses a database whose rows are written by sqlite3 (no media behind them): with
# nothing new, replicate reads only the database, so the rows are all it can cost.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
. bench/common.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10

home="$work/replica-home"
rm -rf "$home"
pipeline launcher "$home" "$corpus" "Replica Bench" >/dev/null || exit 1
archive="$home/data/archive"
files=$(find "$archive" -type f | wc -l)
bytes=$(du -sb "$archive" | cut -f1)
echo "archive: $files files, $((bytes / 1000000)) MB"

ratios=()
for round in $(seq 1 "$rounds"); do
    rm -rf "$work/nas" "$work/cp"; mkdir -p "$work/nas"; sync; warm "$archive"
    start=$(seconds)
    aupat "$home" --script=replicate --quiet "--aupat.replicas.nas.path=$work/nas" >/dev/null
    sync
    end=$(seconds); t_aupat=$(calc "$end - $start")
    # The replicate above sent every file; drop its records so the next round sends them again.
    sqlite3 "$home/data/aupat.db" "DELETE FROM replica_copies"
    sync; warm "$archive"
    start=$(seconds)
    cp -r "$archive" "$work/cp"
    find "$work/cp" -type f -print0 | xargs -0 sha256sum >/dev/null
    sync
    end=$(seconds); t_cp=$(calc "$end - $start")
    ratio=$(calc "$t_cp / $t_aupat")
    ratios+=("$ratio")
    printf 'round %d: replicate %.2f s, cp -r + sha256sum + sync %.2f s, throughput replicate/baseline %.2f\n' \
        "$round" "$t_aupat" "$t_cp" "$ratio"
done
printf 'folder replica throughput / (cp -r + sha256sum), median of %d: %.2f (target >= 0.90)\n' "$rounds" \
    "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"

# Nothing new at 100,000 files: rows verified and recorded on the replica, replicate finds nothing to send.
big="$work/replica-100k"
rm -rf "$big"; mkdir -p "$big" "$work/nas-100k"
aupat "$big" --script=db_migrate --quiet >/dev/null
sqlite3 "$big/data/aupat.db" <<SQL
INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES ('11111111-1111-4111-8111-111111111111', 'Big', 'ny', 'industrial');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, original, img_archived, img_verified)
SELECT printf('%064x', i), 'f' || i || '.jpg', '$big/data/archive/ny-industrial/big_111111111111/photos/f' || i || '.jpg',
       '11111111-1111-4111-8111-111111111111', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n;
INSERT INTO replica_copies (replica, path, kind, sha256, size, copied, verified)
SELECT 'nas', substr(img_loc, length('$big/data/archive') + 2), 'media', img_sha256, 4096, img_verified, img_verified FROM images;
SQL
aupat "$big" --script=replicate --quiet "--aupat.replicas.nas.path=$work/nas-100k" >/dev/null  # its backup goes once
for round in 1 2 3; do
    start=$(seconds)
    aupat "$big" --script=replicate "--aupat.replicas.nas.path=$work/nas-100k" > "$work/100k.txt" 2>&1
    end=$(seconds)
    printf 'second replicate, nothing new, 100,000 files: %.2f s in all (%s) (target < 2 s)\n' "$(calc "$end - $start")" \
        "$(grep -o 'replicate took [0-9.]* s' "$work/100k.txt")"
done
