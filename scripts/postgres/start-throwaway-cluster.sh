#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and benchmarks: initdb in a fresh
# temporary folder, a server listening on 127.0.0.1 only, on a free port, with
# durability off (fsync, synchronous_commit: nothing here outlives the run). Prints two
# shell assignments on stdout, for `eval`:
#   PM_POSTGRES_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   PM_POSTGRES_DIR=<folder>   (pass it to stop-throwaway-cluster.sh)
# Needs the server binaries (Debian: apt-get install postgresql). As root, the cluster
# runs as the `postgres` user, which PostgreSQL requires.
set -euo pipefail

bindir="${PM_POSTGRES_BIN:-}"
if [[ -z "$bindir" ]]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "start-throwaway-cluster: no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin): install the postgresql package, or set PM_POSTGRES_BIN to the folder holding initdb and pg_ctl." >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/policy-matrix-pg.XXXXXX")"
as_owner=()
if [[ "$(id -u)" == 0 ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

# A free local port: bind port 0 and read what the kernel chose.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
  echo "start-throwaway-cluster: initdb failed, see $dir/initdb.log:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
}
# The server's options are kept in the folder, for a test that stops and starts it again.
options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
echo "$options" >"$dir/postgres.opts"
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null || {
  echo "start-throwaway-cluster: the server did not start, see $dir/server.log:" >&2
  cat "$dir/server.log" >&2
  exit 1
}

echo "PM_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "PM_POSTGRES_DIR=$dir"
