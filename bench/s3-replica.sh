#!/usr/bin/env bash
# S3 replica: replicate of the bench corpus to a local S3 server (s3proxy on the loopback address, objects
# on disk, the tests' org.aupat.testing.LocalS3) against `rclone copy --checksum` of the same archive folder
# to the same server, side by side in each round (who goes first alternates); each side writes under a
# prefix of its own per round. The server speaks HTTPS, as every real service is used, with a self-signed
# certificate made here by keytool (AUPAT trusts it through JAVA_OPTS, rclone through --ca-cert); `http`
# as the third argument measures plain HTTP instead, where the AWS SDK signs every body (the server hashes
# it to check) and rclone does not. rclone is Debian's package (apt-get install rclone); without it only
# AUPAT's side runs. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/s3-replica.sh [COUNT=1000] [ROUNDS=3] [https|http]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
scheme=${3:-https}
case "$scheme" in https | http) ;; *) echo "the third argument is https or http, not $scheme" >&2; exit 2 ;; esac
. bench/common.sh
. bench/test-classes.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10

home="$work/s3-home"
rm -rf "$home"
pipeline launcher "$home" "$corpus" "S3 Bench" >/dev/null || exit 1
archive="$home/data/archive"
echo "archive: $(find "$archive" -type f | wc -l) files, $(( $(du -sb "$archive" | cut -f1) / 1000000 )) MB"

# The server: one bucket, objects as files under $work/s3; it serves until its input closes. Over HTTPS its
# key and self-signed certificate (for 127.0.0.1, valid two days) are made anew in the work folder, with a
# trust store holding that certificate for AUPAT and the certificate in PEM for rclone.
rm -rf "$work/s3"; mkdir -p "$work/s3"
rm -f "$work/s3-in"; mkfifo "$work/s3-in"
tls=()
rclone_tls=()
if [ "$scheme" = https ]; then
    rm -rf "$work/tls"; mkdir -p "$work/tls"
    pass=bench-$RANDOM$RANDOM
    keytool -genkeypair -alias s3 -keyalg EC -groupname secp256r1 -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 \
        -validity 2 -keystore "$work/tls/server.p12" -storetype PKCS12 -storepass "$pass" -keypass "$pass" 2>/dev/null
    keytool -exportcert -rfc -alias s3 -keystore "$work/tls/server.p12" -storepass "$pass" -file "$work/tls/ca.pem" 2>/dev/null
    keytool -importcert -noprompt -alias s3 -file "$work/tls/ca.pem" -keystore "$work/tls/trust.p12" \
        -storetype PKCS12 -storepass "$pass" 2>/dev/null
    tls=("$work/tls/server.p12" "$pass")
    rclone_tls=(--ca-cert "$work/tls/ca.pem")
    export JAVA_OPTS="${JAVA_OPTS:-} -Djavax.net.ssl.trustStore=$work/tls/trust.p12 -Djavax.net.ssl.trustStorePassword=$pass"
fi
java -cp "$bench_classpath" org.aupat.testing.LocalS3 "$work/s3" bench "${tls[@]}" <"$work/s3-in" >"$work/s3-out.txt" 2>"$work/s3-err.txt" &
server=$!
exec 3>"$work/s3-in"
trap 'exec 3>&-; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q '^endpoint ' "$work/s3-out.txt" && break; sleep 0.1; done
endpoint=$(sed -n 's/^endpoint //p' "$work/s3-out.txt")
[ -n "$endpoint" ] || { echo "the local S3 server did not start, see $work/s3-err.txt" >&2; exit 1; }
echo "local S3 server: $endpoint ($scheme; load average $(cut -d' ' -f1-3 /proc/loadavg))"
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
# The client's own CPU-seconds (user + system, its children included) from GNU time's last line: on a host
# of 2 cores the server's work and the client's share them, so a client's CPU is the steadier figure.
cpu() { tail -1 "$1" | awk '{ printf "%.1f", $1 + $2 }'; }
run_aupat() {
    sync; warm "$archive"
    local start end
    start=$(seconds)
    # shellcheck disable=SC2086
    (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" /usr/bin/time -f "%U %S" -o "$work/s3-cpu.txt" \
        "$project/bin/aupat" --script=replicate --quiet $s3) >"$work/s3-replicate.txt" 2>&1 \
        || { echo "replicate failed, see $work/s3-replicate.txt" >&2; tail -3 "$work/s3-replicate.txt" >&2; exit 1; }
    end=$(seconds); t_aupat=$(calc "$end - $start"); c_aupat=$(cpu "$work/s3-cpu.txt")
}
run_rclone() {
    sync; warm "$archive"
    local start end
    start=$(seconds)
    # AWS_CA_BUNDLE (set on some hosts) would replace the bench's certificate (or, over plain HTTP, make rclone
    # refuse its client): not wanted here.
    env -u AWS_CA_BUNDLE /usr/bin/time -f "%U %S" -o "$work/rclone-cpu.txt" rclone copy --checksum "${rclone_tls[@]}" "$archive" "bench:bench/rclone-$round" 2>"$work/rclone.txt" \
        || { echo "rclone failed, see $work/rclone.txt" >&2; tail -3 "$work/rclone.txt" >&2; exit 1; }
    end=$(seconds); t_rclone=$(calc "$end - $start"); c_rclone=$(cpu "$work/rclone-cpu.txt")
}
for round in $(seq 1 "$rounds"); do
    # Every file again: forget what the last round recorded, and write under a prefix of this round.
    sqlite3 "$home/data/aupat.db" "DELETE FROM replica_copies"
    s3="--aupat.replicas.s3.s3.bucket=bench --aupat.replicas.s3.s3.endpoint=$endpoint"
    s3="$s3 --aupat.replicas.s3.s3.region=us-east-1 --aupat.replicas.s3.s3.path-style=true"
    s3="$s3 --aupat.replicas.s3.s3.prefix=aupat-$round/"
    if [ "$have_rclone" = 1 ]; then
        # Who goes first alternates, so neither side always meets the server (and the page cache) fresher.
        if [ $((round % 2)) = 1 ]; then run_aupat; run_rclone; first=replicate; else run_rclone; run_aupat; first=rclone; fi
        ratio=$(calc "$t_rclone / $t_aupat")
        ratios+=("$ratio")
        printf 'round %d (%s first): replicate to S3 %.2f s (%s CPU-s), rclone copy --checksum %.2f s (%s CPU-s), throughput replicate/rclone %.2f\n' \
            "$round" "$first" "$t_aupat" "$c_aupat" "$t_rclone" "$c_rclone" "$ratio"
    else
        run_aupat
        printf 'round %d: replicate to S3 %.2f s (%s CPU-s)\n' "$round" "$t_aupat" "$c_aupat"
    fi
done
objects=$(find "$work/s3/bench/aupat-1" -type f | wc -l)
echo "objects written by one replicate: $objects (every archived file, the master JSON, the backup and its .sha256)"
if [ "$have_rclone" = 1 ]; then
    printf 'S3 replica throughput / rclone copy --checksum over %s, median of %d: %.2f (target >= 1.00); load average %s\n' \
        "$scheme" "$rounds" \
        "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
fi
