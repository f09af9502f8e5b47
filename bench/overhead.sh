#!/usr/bin/env bash
# Cost per call of AUPAT's advice stack (failure log, checkpoint, retry, transaction), a checkpoint update, a
# committed chunk, a log line and a progress update, measured on the real components with a real SQLite
# database in a temporary folder, and their share of a pipeline run. Run from anywhere in the project:
#   bench/overhead.sh [PIPELINE_SECONDS=15]
# Compiles the test classes when a source changed since the last compile here; takes about half a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/test-classes.sh
exec java -cp "$bench_classpath" org.aupat.bench.OverheadBench "$@"
