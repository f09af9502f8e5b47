#!/usr/bin/env bash
# AUPAT's import pipeline against the unavoidable work, side by side in the same run, plus start-up
# and scale figures. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/run.sh [COUNT=1000] [ROUNDS=3]
# Prints: per round the pipeline (java -jar and bin/aupat) and baseline times and peak memory; the
# median ratios pipeline/baseline; the speed of the metadata step against one exiftool batch; start-up
# of a trivial script; the advice stack's share of the pipeline (bench/overhead.sh); and with SCALE=1
# the time per file at 10,000 and 100,000 small files (bench/scale.sh); find and locations at 1,000,000
# file rows (bench/finding.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
. bench/common.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10

baseline() { # dest source -> seconds: copy, hash every copy, one exiftool batch, sync
    local dest=$1 source=$2 start end exif_start exif_end
    start=$(seconds)
    cp -r "$source" "$dest"
    find "$dest" -type f -print0 | xargs -0 sha256sum >/dev/null
    exif_start=$(seconds)
    exiftool -json -r -q "$dest" >/dev/null 2>&1 || true
    exif_end=$(seconds)
    sync
    end=$(seconds)
    echo "$(calc "$end - $start") $(calc "$exif_end - $exif_start")"
}
log_seconds() { # "HH:MM:SS,mmm" -> seconds of the day
    awk -F'[:,]' '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 + $4 / 1000 }' <<<"$1"
}
organize_seconds() { # home what -> seconds from the first "organizing images" line to the close of "organizing <what>"
    local log=$1/logs/main.log first last
    first=$(grep -m1 'organizing images: 0/' "$log" | awk '{print $2}')
    last=$(grep -E "Progress.java:[0-9]+:close \| organizing $2" "$log" | tail -1 | awk '{print $2}')
    calc "$(log_seconds "$last") - $(log_seconds "$first")"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fresh() { sync; rm -rf "$work/home" "$work/copy"; sync; warm "$corpus"; }
jar_ratios=()
launcher_ratios=()
launcher_times=()
metadata_speeds=()
exiftool_speeds=()
for ((r = 1; r <= rounds; r++)); do
    fresh
    timed=$(pipeline jar "$work/home" "$corpus" "Bench Mill") || exit 1
    read -r a mem <<<"$timed"
    fresh
    timed=$(pipeline launcher "$work/home" "$corpus" "Bench Mill") || exit 1
    read -r l lmem <<<"$timed"
    organize=$(organize_seconds "$work/home" videos)
    images=$(organize_seconds "$work/home" images)
    fresh
    read -r b exif <<<"$(baseline "$work/copy" "$corpus")"
    launcher_times+=("$l")
    metadata_speeds+=("$(calc "$exif / $organize")")
    exiftool_speeds+=("$(calc "($exif / ($count + 10)) / ($images / $count)")")
    jar_ratios+=("$(calc "$a / $b")")
    launcher_ratios+=("$(calc "$l / $b")")
    printf 'round %d: java -jar %.2f s (peak %d MB), bin/aupat %.2f s (peak %d MB), baseline %.2f s, ratios %.2f / %.2f\n' \
        "$r" "$a" $((mem / 1024)) "$l" $((lmem / 1024)) "$b" "$(calc "$a / $b")" "$(calc "$l / $b")"
done
echo "median ratio pipeline/baseline over $rounds rounds: java -jar $(median "${jar_ratios[@]}"), bin/aupat $(median "${launcher_ratios[@]}") (target <= 1.5)"
echo "metadata speed, one exiftool -json -r over the same files against the pipeline's organize step (1.0 = as fast): median $(median "${metadata_speeds[@]}") (target >= 0.9)"
echo "  of which the photos alone: median $(median "${exiftool_speeds[@]}"); the rest is one ffprobe per video."
echo "  (The pipeline reads photos ahead while it still copies, so part of exiftool's work is hidden in staging.)"

startup() { # command... -> median wall seconds of 5 runs of gen_uuid
    local times=() s e
    for i in 1 2 3 4 5; do
        s=$(seconds); "$@" --script=gen_uuid >/dev/null; e=$(seconds)
        times+=("$(calc "$e - $s")")
    done
    median "${times[@]}"
}
echo "start-up (gen_uuid wall, median of 5): java -jar $(startup java -jar "$jar") s, bin/aupat $(startup bin/aupat) s (target <= 1.5)"

# The advice stack's share of a pipeline as long as this run's.
bench/overhead.sh "$(median "${launcher_times[@]}")"

# find and locations at 1,000,000 file rows (that archive is built once in the work folder, then kept).
bench/finding.sh "$work/finding"

if [ "${SCALE:-0}" = 1 ]; then
    BENCH_DIR=$work bench/scale.sh
fi
echo "work folder: $work (delete when done)"
