#!/usr/bin/env bash
# S3 replica: replicate of the bench corpus to a local S3 server (s3proxy on the loopback address, objects
# on disk, the tests' org.aupat.testing.LocalS3) against `rclone copy --checksum` of the same archive folder
# to the same server, side by side in each round; each side writes under a prefix of its own per round.
# rclone is Debian's package (apt-get install rclone); without it only AUPAT's side runs. Run from the
# project folder after `./mvnw -B -q -DskipTests package`:
#   bench/s3-replica.sh [COUNT=1000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
. bench/common.sh
. bench/test-classes.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10

home="$work/s3-home"
rm -rf "$home"
pipeline launcher "$home" "$corpus" "S3 Bench" >/dev/null || exit 1
archive="$home/data/archive"
echo "archive: $(find "$archive" -type f | wc -l) files, $(( $(du -sb "$archive" | cut -f1) / 1000000 )) MB"

# The server: one bucket, objects as files under $work/s3; it serves until its input closes.
rm -rf "$work/s3"; mkdir -p "$work/s3"
rm -f "$work/s3-in"; mkfifo "$work/s3-in"
java -cp "$bench_classpath" org.aupat.testing.LocalS3 "$work/s3" bench <"$work/s3-in" >"$work/s3-out.txt" 2>"$work/s3-err.txt" &
server=$!
exec 3>"$work/s3-in"
trap 'exec 3>&-; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q '^endpoint ' "$work/s3-out.txt" && break; sleep 0.1; done
endpoint=$(sed -n 's/^endpoint //p' "$work/s3-out.txt")
[ -n "$endpoint" ] || { echo "the local S3 server did not start, see $work/s3-err.txt" >&2; exit 1; }
echo "local S3 server: $endpoint"
export AWS_ACCESS_KEY_ID=AKIAAUPATTESTKEY0001 AWS_SECRET_ACCESS_KEY=aupat-test-secret-0a1b2c3d4e5f6a7b8c9d
export RCLONE_CONFIG_BENCH_TYPE=s3 RCLONE_CONFIG_BENCH_PROVIDER=Other RCLONE_CONFIG_BENCH_ENDPOINT="$endpoint" \
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY" \
    RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true RCLONE_CONFIG_BENCH_REGION=us-east-1
have_rclone=1
if ! command -v rclone >/dev/null 2>&1; then
    have_rclone=0
    echo "rclone is not installed (Debian: apt-get install -y rclone): only AUPAT's side runs"
else
    echo "$(rclone version | head -1), defaults (--transfers 4 --checkers 8)"
fi

ratios=()
for round in $(seq 1 "$rounds"); do
    # Every file again: forget what the last round recorded, and write under a prefix of this round.
    sqlite3 "$home/data/aupat.db" "DELETE FROM replica_copies"
    s3="--aupat.replicas.s3.s3.bucket=bench --aupat.replicas.s3.s3.endpoint=$endpoint"
    s3="$s3 --aupat.replicas.s3.s3.region=us-east-1 --aupat.replicas.s3.s3.path-style=true"
    s3="$s3 --aupat.replicas.s3.s3.prefix=aupat-$round/"
    sync; warm "$archive"
    start=$(seconds)
    # shellcheck disable=SC2086
    aupat "$home" --script=replicate --quiet $s3 >"$work/s3-replicate.txt" 2>&1 \
        || { echo "replicate failed, see $work/s3-replicate.txt" >&2; tail -3 "$work/s3-replicate.txt" >&2; exit 1; }
    end=$(seconds); t_aupat=$(calc "$end - $start")
    if [ "$have_rclone" = 1 ]; then
        sync; warm "$archive"
        start=$(seconds)
        # AWS_CA_BUNDLE (set on some hosts for HTTPS) makes rclone refuse its plain-HTTP client: not needed here.
        env -u AWS_CA_BUNDLE rclone copy --checksum "$archive" "bench:bench/rclone-$round" 2>"$work/rclone.txt" \
            || { echo "rclone failed, see $work/rclone.txt" >&2; exit 1; }
        end=$(seconds); t_rclone=$(calc "$end - $start")
        ratio=$(calc "$t_rclone / $t_aupat")
        ratios+=("$ratio")
        printf 'round %d: replicate to S3 %.2f s, rclone copy --checksum %.2f s, throughput replicate/rclone %.2f\n' \
            "$round" "$t_aupat" "$t_rclone" "$ratio"
    else
        printf 'round %d: replicate to S3 %.2f s\n' "$round" "$t_aupat"
    fi
done
objects=$(find "$work/s3/bench/aupat-1" -type f | wc -l)
echo "objects written by one replicate: $objects (every archived file, the master JSON, the backup and its .sha256)"
if [ "$have_rclone" = 1 ]; then
    printf 'S3 replica throughput / rclone copy --checksum, median of %d: %.2f (target >= 1.00)\n' "$rounds" \
        "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
fi
