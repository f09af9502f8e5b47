#!/usr/bin/env bash
# A PostgreSQL server for the bench (sourced by bench/postgres.sh): Debian's postgresql package, a
# temporary cluster in the bench's work folder on 127.0.0.1 at a free port, password (SCRAM)
# authentication, and the server's default durability (fsync and synchronous commit on), as a real
# archive server runs: unlike the tests' LocalPostgres, nothing is tuned away. As root the cluster
# belongs to the postgres user the package creates (PostgreSQL refuses to run as root).
# Sets pg_bin, pg_port, pg_user, pg_password; pg_createdb NAME and pg_dropdb NAME; stopped on exit.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "needs PostgreSQL: apt-get install postgresql" >&2; exit 2; }
pg_user=aupat_bench
pg_password=aupat-bench-$RANDOM$RANDOM
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Beside the work folder (same disk), in a folder of its own that the postgres user can enter.
pg_cluster=$(mktemp -d /var/tmp/aupat-bench-pg.XXXX)
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
printf '%s\n' "$pg_password" >"$pg_cluster/pw"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$pg_cluster"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_cluster/data" -U "$pg_user" --pwfile="$pg_cluster/pw" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_cluster/initdb.log" 2>&1 \
    || { cat "$pg_cluster/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster/data" -w -t 60 -l "$pg_cluster/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$pg_cluster" start >/dev/null \
    || { cat "$pg_cluster/server.log" >&2; exit 1; }
pg_stop() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_cluster"; }
trap pg_stop EXIT
pg_sql() { PGPASSWORD=$pg_password "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -c "$1"; }
pg_createdb() { pg_sql "CREATE DATABASE $1"; }
pg_dropdb() { pg_sql "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; }
