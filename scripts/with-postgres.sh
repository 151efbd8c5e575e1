#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback: a fresh cluster in a temporary
# folder on a free port, stopped and removed with the command. The command sees its URL in
# LICENSE_TEST_PG_URL. Usage: scripts/with-postgres.sh CMD [ARGS...]
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "error: PostgreSQL is not installed (apt install postgresql)" >&2; exit 1; }
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres "$dir"
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}
cleanup() {
  run_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
run_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
run_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
export LICENSE_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
