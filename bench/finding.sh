#!/usr/bin/env bash
# The read-only queries at 1,000,000 file rows: find by name, SHA-256 prefix and capture day, and locations,
# through the real FindingService on a real SQLite archive (built once in FOLDER, several minutes, then kept).
# Run from anywhere in the project:
#   bench/finding.sh [FOLDER=/var/tmp/aupat-finding-bench]
# Compiles the test classes when a source changed since the last compile here.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-/var/tmp/aupat-finding-bench}
. bench/test-classes.sh
# A database built by an older schema is rebuilt: the bench measures this version's indexes.
if [ -f "$folder/data/aupat.db" ] && [ -n "$(find src/main/resources/db/migration -newer "$folder/data/aupat.db" -print -quit)" ]; then
    rm -rf "$folder"
fi
exec java -cp "$bench_classpath" org.aupat.bench.FindingBench "$folder"
