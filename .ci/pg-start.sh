#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server from the machine's binaries and prints its URL.
# Usage: eval "$(bash .ci/pg-start.sh [port])"  → exports TEST_DATABASE_URL and PG_TMP_DIR
set -euo pipefail
port="${1:-55432}"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 1; }
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
dir=$(mktemp -d /tmp/onecounty-pg.XXXXXX)
chown postgres "$dir"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run "'$pgbin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
# fsync and synchronous_commit stay on: start-up refuses a server without them.
run "'$pgbin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB ${PG_EXTRA_OPTS:-}\" start" >&2
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres PG_TMP_DIR=$dir PG_BIN=$pgbin"
