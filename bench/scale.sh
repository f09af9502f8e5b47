#!/usr/bin/env bash
# Scale: the pipeline (bin/aupat) over 10,000 and 100,000 small tagged JPEGs (about 4 KB each, 1,000
# per folder, distinct bytes), each into a fresh home. Prints the time per file at each size, the ratio
# of the two, and peak memory. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/scale.sh [SIZES="10000 100000"]      JAVA_OPTS=-Xmx256m bench/scale.sh   (heap limit)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
sizes=${1:-10000 100000}

base="$work/scale-base.jpg"
if [ ! -f "$base" ]; then
    ffmpeg -loglevel error -y -f lavfi -i "testsrc=size=32x24" -frames:v 1 "$base"
    exiftool -q -overwrite_original -Make=Canon "-Model=Canon EOS 5D Mark IV" \
        "-DateTimeOriginal=2024:05:01 10:00:00" "$base"
fi

declare -A per_file
for n in $sizes; do
    src="$work/scale-$n"
    if [ ! -d "$src" ]; then
        # A JPEG comment segment right after the start marker makes every file's bytes distinct.
        python3 - "$base" "$src" "$n" <<'PY'
import os, sys
base, root, n = open(sys.argv[1], "rb").read(), sys.argv[2], int(sys.argv[3])
pad = max(0, 4096 - len(base) - 4)
for i in range(n):
    folder = os.path.join(root, f"d{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    comment = (f"aupat scale file {i:07d} ".encode() * 200)[:pad or 32]
    with open(os.path.join(folder, f"IMG_{i:07d}.JPG"), "wb") as f:
        f.write(base[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + base[2:])
PY
    fi
    rm -rf "$work/scale-home" && sync
    warm "$src"
    # BENCH_SETTINGS: extra settings for every run (bench/postgres.sh: the database on PostgreSQL).
    timed=$(pipeline launcher "$work/scale-home" "$src" "Scale Mill" ${BENCH_SETTINGS:-}) || exit 1
    read -r elapsed peak <<<"$timed"
    per_file[$n]=$(calc "$elapsed * 1000 / $n")
    printf 'scale %d files: %.1f s, %.3f ms per file, peak %d MB%s\n' "$n" "$elapsed" "${per_file[$n]}" \
        $((peak / 1024)) "${JAVA_OPTS:+ (JAVA_OPTS=$JAVA_OPTS)}"
done
if [ -n "${per_file[10000]:-}" ] && [ -n "${per_file[100000]:-}" ]; then
    echo "per-file time at 100,000 / at 10,000: $(calc "${per_file[100000]} / ${per_file[10000]}") (target <= 1.5)"
fi
