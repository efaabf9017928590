#!/usr/bin/env bash
# Issue 10 benchmarks: full-text search (p50/p99 over 50 fixed queries) and a one-year site export, on a SQLite database
# of 100,000 articles, 20,000 users, 1,000,000 favorites and 300,000 comments (build/bench_search_export.py seeds it).
# Usage: build/bench-search-export.sh            (builds Release, runs on a temp folder, prints the numbers and `uptime`)
#        CONFIG=Debug NO_BUILD=1 build/bench-search-export.sh   (reuse an existing build)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-$(mktemp -d)}   # WORK=<dir> keeps (and reuses) the seeded database
port=${PORT:-5187}
trap 'kill "${app:-}" 2>/dev/null || true; tail -n 5 "$work/app.log" 2>/dev/null; [ -n "${WORK:-}" ] || rm -rf "$work"' EXIT
config=${CONFIG:-Release}
[ -n "${NO_BUILD:-}" ] || dotnet build src/WebApi -c "$config" -v q -nologo >/dev/null
dll=src/WebApi/bin/$config/net10.0/CleanApp.WebApi.dll
args=(--environment=Benchmark --ConnectionStrings:Default="Data Source=$work/cleanapp.db" --Email:PickupDirectory="$work/mail" --Exports:Directory="$work/exports"
      --Digest:Enabled=false)
uptime
if [ ! -f "$work/seeded" ]; then
  dotnet "$dll" migrate "${args[@]}" >/dev/null
  t0=$(date +%s)
  python3 build/bench_search_export.py seed "$work/cleanapp.db"
  echo "seeded in $(( $(date +%s) - t0 )) s: $(du -h "$work/cleanapp.db" | cut -f1)"
  touch "$work/seeded"
fi
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" "${args[@]}" >"$work/app.log" 2>&1 &
app=$!
until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done
name=bench$RANDOM   # unique, so a reused database (WORK) takes a new account
token=$(curl -sS -H 'Content-Type: application/json' -d '{"user":{"username":"'$name'","email":"'$name'@example.com","password":"password123"}}' \
  "http://127.0.0.1:$port/api/users" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["token"])')
# the running app holds the SQLite job store (one process per file): this one-off command uses an in-memory one
dotnet "$dll" grant-role --username "$name" --role editor "${args[@]}" --Jobs:Storage=InMemory
uptime
python3 build/bench_search_export.py run "http://127.0.0.1:$port" "$token"
grep -h "built in" "$work/app.log" || true
uptime
