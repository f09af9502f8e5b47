#!/usr/bin/env bash
# The pipeline with its database on PostgreSQL against the same pipeline on SQLite, side by side in
# the same run (issue 24: at most 1.3x), and with SCALE=1 the 100,000-file scale run on PostgreSQL
# with its time per file. The server is a temporary cluster on 127.0.0.1 (bench/postgres-server.sh)
# with PostgreSQL's default durability. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/postgres.sh [COUNT=1000] [ROUNDS=3]        SCALE=1 bench/postgres.sh    SCALE_SIZES="10000 100000"
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
rounds=${2:-3}
. bench/common.sh
. bench/postgres-server.sh
corpus="$work/corpus-$count"
[ -d "$corpus" ] || bench/make-corpus.sh "$corpus" "$count" 10
export AUPAT_DATABASE_USER=$pg_user AUPAT_DATABASE_PASSWORD=$pg_password
pg_url() { echo "jdbc:postgresql://127.0.0.1:$pg_port/$1"; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fresh() { sync; rm -rf "$work/home"; pg_dropdb bench_archive; pg_createdb bench_archive; sync; warm "$corpus"; }
ratios=()
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1 (default fsync and synchronous_commit); corpus $count photos + 10 videos"
for ((r = 1; r <= rounds; r++)); do
    # Alternating which goes first, so that neither always meets the warmer machine.
    if ((r % 2)); then order=(sqlite postgres); else order=(postgres sqlite); fi
    for db in "${order[@]}"; do
        fresh
        if [ "$db" = sqlite ]; then
            timed=$(pipeline launcher "$work/home" "$corpus" "Bench Mill") || exit 1
            read -r s smem <<<"$timed"
        else
            timed=$(pipeline launcher "$work/home" "$corpus" "Bench Mill" "--aupat.database=$(pg_url bench_archive)") \
                || exit 1
            read -r p pmem <<<"$timed"
        fi
    done
    ratios+=("$(calc "$p / $s")")
    printf 'round %d: SQLite %.2f s (peak %d MB), PostgreSQL %.2f s (peak %d MB), ratio %.2f\n' \
        "$r" "$s" $((smem / 1024)) "$p" $((pmem / 1024)) "$(calc "$p / $s")"
done
echo "median ratio PostgreSQL/SQLite over $rounds rounds: $(median "${ratios[@]}") (target <= 1.3)"

if [ "${SCALE:-0}" = 1 ]; then
    for n in ${SCALE_SIZES:-100000}; do
        pg_dropdb bench_scale
        pg_createdb bench_scale
        BENCH_DIR=$work BENCH_SETTINGS="--aupat.database=$(pg_url bench_scale)" bench/scale.sh "$n" | sed 's/^/PostgreSQL /'
    done
fi
