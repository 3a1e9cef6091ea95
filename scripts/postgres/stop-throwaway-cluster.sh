#!/usr/bin/env bash
# Stops a cluster started by start-throwaway-cluster.sh and deletes its folder:
#   scripts/postgres/stop-throwaway-cluster.sh "$PM_POSTGRES_DIR"
# Does nothing for an empty or missing folder, so it is safe in a trap.
set -euo pipefail

dir="${1:-}"
if [[ -z "$dir" || ! -d "$dir/data" ]]; then
  exit 0
fi
bindir="${PM_POSTGRES_BIN:-}"
if [[ -z "$bindir" ]]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
as_owner=()
if [[ "$(id -u)" == 0 ]]; then
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$dir"
