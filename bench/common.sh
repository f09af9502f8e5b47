#!/usr/bin/env bash
# Shared by the bench scripts (sourced from the project folder): the checks before a run, the work
# folder, and one timed pipeline run.
jar=target/aupat.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
bin/install-tools
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
work=${BENCH_DIR:-$(mktemp -d /var/tmp/aupat-bench.XXXX)}
project=$(pwd)
# Every run's archive and logs stay in the bench's work folder (a pipeline run: data/ and logs/ in its
# folder, as before), never in the user's AUPAT home.
export AUPAT_HOME="$work/aupat-home"
# bin/aupat records its class data sharing archive on first use: do that outside the timings.
(cd "$(mktemp -d)" && "$project/bin/aupat" --script=gen_uuid >/dev/null)

seconds() { date +%s.%N; }
# One script run in a bench home (its archive in HOME/data, its logs in HOME/logs, run from HOME).
aupat() { (cd "$1" && AUPAT_HOME="$1/data" AUPAT_LOGS="$1/logs" "$project/bin/aupat" "${@:2}"); }
# Reads every file of a folder once, so that each timed run starts with its source in the page cache
# whichever run came before. Without it the first run of a round read a colder source: this host gives
# back cached pages by itself (about 50 MB every 30 s when idle), and a cold read of the corpus costs
# over a second.
warm() { find "$1" -type f -print0 | xargs -0 cat >/dev/null; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
pipeline() { # how home source name [setting...] -> prints "seconds peak_kb", or fails; how is "jar" (java -jar) or "launcher" (bin/aupat)
    # (Callers run it in $(...) and must add "|| exit 1": an exit here leaves only that subshell.)
    # Without the catalogue step: the baseline makes no thumbnails; bench/catalogue.sh measures that step.
    local how=$1 home=$2 source=$3 name=$4 start end run
    if [ "$how" = jar ]; then run=(java ${JAVA_OPTS:-} -jar "$project/$jar"); else run=("$project/bin/aupat"); fi
    mkdir -p "$home"
    start=$(seconds)
    (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" /usr/bin/time -f "%M" -o "$home/time.txt" "${run[@]}" --script=pipeline \
        --source="$source" --name="$name" --state=ny --type=industrial --no-catalogue --quiet "${@:5}" >"$home/out.txt" 2>&1) \
        || { echo "pipeline over $source failed, see $home/out.txt" >&2; tail -5 "$home/out.txt" >&2; exit 1; }
    end=$(seconds)
    echo "$(calc "$end - $start") $(tail -1 "$home/time.txt")"
}
