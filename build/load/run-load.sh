#!/usr/bin/env bash
# Load test of the public API (issue 3): starts CleanApp (Release) on a fresh SQLite file on loopback, seeds it through
# the API with build/Seeder, then runs wrk per endpoint and prints requests/s, p50/p99 latency and the server's peak RSS.
# Usage: build/load/run-load.sh [duration=20s] [connections=32] [articles=2000]
# Needs wrk (Debian: apt-get install -y wrk). Traffic goes only to 127.0.0.1; every run is bounded by the duration.
set -euo pipefail
duration=${1:-20s}
connections=${2:-32}
articles=${3:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

dotnet build -c Release src/WebApi -v q -nologo >/dev/null
dotnet build -c Release build/Seeder -v q -nologo >/dev/null

# Production settings, but on SQLite and with request logging at Warning so the console does not dominate.
ASPNETCORE_ENVIRONMENT=Production \
Database__Provider=Sqlite Database__MigrateOnStartup=true \
ConnectionStrings__Default="Data Source=$work/load.db" \
Serilog__MinimumLevel__Default=Warning \
Email__PickupDirectory="$work/mail" \
  dotnet src/WebApi/bin/Release/net10.0/CleanApp.WebApi.dll --urls "$url" --contentRoot "$root/src/WebApi" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$url/health/ready" >/dev/null || { echo "server did not start"; cat "$work/server.log"; exit 1; }

dotnet build/Seeder/bin/Release/net10.0/CleanApp.Seeder.dll --url "$url" --articles "$articles" --users 200 \
  --follows 2000 --favorites 5000 --comments 4000 --out "$work/data"

export LOAD_DATA="$work/data" LOAD_SCRIPTS="$root/build/load"
rss_idle=$(ps -o rss= -p "$server" | tr -d ' ')
printf '\n| endpoint | requests/s | p50 | p99 | non-2xx | peak RSS (MiB) |\n|---|---|---|---|---|---|\n'
n=0
run() {
  local name=$1 script=$2 path=$3
  local peak=0 out
  n=$((n + 1))
  ( while kill -0 "$server" 2>/dev/null; do ps -o rss= -p "$server"; sleep 0.5; done ) >"$work/rss-$n" &
  local sampler=$!
  if [ -n "$script" ]; then
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/build/load/$script" "$url$path")
  else
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$url$path")
  fi
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$work/rss-$n" | tail -1)
  echo "$out" >"$work/wrk-$n.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "$((peak / 1024))"
}
run "GET /api/articles (list)" list.lua "/"
run "GET /api/articles/{slug}" article.lua "/"
run "GET /api/articles/feed" feed.lua "/"
run "GET /api/tags" "" "/api/tags"
run "POST /api/articles" create.lua "/"
printf '\nidle RSS after seeding: %s MiB; raw wrk output and server log in %s\n' "$((rss_idle / 1024))" "$work"
