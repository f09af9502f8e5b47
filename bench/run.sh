#!/usr/bin/env bash
# AUPAT's import pipeline against the unavoidable work, side by side in the same run, plus start-up
# and scale figures. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/run.sh [COUNT=1000] [ROUNDS=3]
# Prints: pipeline and baseline times per round, the median ratio pipeline/baseline, peak memory of
# the pipeline, start-up of a trivial script, and (with SCALE=1) time per file at 10,000 and 100,000
# small files.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
jar=target/aupat.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
bin/install-tools
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
work=${BENCH_DIR:-$(mktemp -d /var/tmp/aupat-bench.XXXX)}
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10

seconds() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
pipeline() { # home source -> prints "seconds peak_kb"
    local home=$1 source=$2 start end
    mkdir -p "$home"
    start=$(seconds)
    (cd "$home" && /usr/bin/time -f "%M" -o "$home/time.txt" java -jar "$OLDPWD/$jar" --script=pipeline \
        --source="$source" --name="Bench Mill" --state=ny --type=industrial --quiet >"$home/out.txt" 2>&1) \
        || { echo "pipeline failed, see $home/out.txt" >&2; tail -5 "$home/out.txt" >&2; exit 1; }
    end=$(seconds)
    echo "$(calc "$end - $start") $(tail -1 "$home/time.txt")"
}
baseline() { # dest source -> seconds: copy, hash every copy, one exiftool batch, sync
    local dest=$1 source=$2 start end
    start=$(seconds)
    cp -r "$source" "$dest"
    find "$dest" -type f -print0 | xargs -0 sha256sum >/dev/null
    exiftool -json -r -q "$dest" >/dev/null 2>&1 || true
    sync
    end=$(seconds)
    calc "$end - $start"
}

ratios=()
for ((r = 1; r <= rounds; r++)); do
    sync; rm -rf "$work/home" "$work/copy"
    read -r a mem <<<"$(pipeline "$work/home" "$corpus")"
    b=$(baseline "$work/copy" "$corpus")
    ratio=$(calc "$a / $b")
    ratios+=("$ratio")
    printf 'round %d: pipeline %.2f s (peak %d MB), baseline %.2f s, ratio %.2f\n' "$r" "$a" $((mem / 1024)) "$b" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median ratio pipeline/baseline over $rounds rounds: $median (target <= 1.5)"

starts=()
for i in 1 2 3 4 5; do
    s=$(seconds); java -jar "$jar" --script=gen_uuid >/dev/null; e=$(seconds)
    starts+=("$(calc "$e - $s")")
done
echo "start-up (gen_uuid wall, median of 5): $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p) s (target <= 1.5)"

if [ "${SCALE:-0}" = 1 ]; then
    for n in 10000 100000; do
        src="$work/small-$n"
        if [ ! -d "$src" ]; then
            mkdir -p "$src"
            # 4 KB documents with distinct content, 1,000 per folder.
            python3 - "$src" "$n" <<'PY'
import os, sys, random
root, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
for i in range(n):
    d = os.path.join(root, f"d{i // 1000:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"note{i:06d}.txt"), "wb") as f:
        f.write(rnd.randbytes(4096))
PY
        fi
        rm -rf "$work/scale-home"
        read -r a mem <<<"$(pipeline "$work/scale-home" "$src")"
        printf 'scale %d files: %.2f s, %.3f ms per file, peak %d MB\n' "$n" "$a" "$(calc "$a * 1000 / $n")" $((mem / 1024))
    done
fi
echo "work folder: $work (delete when done)"
