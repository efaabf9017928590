#!/usr/bin/env bash
# The read path against its floor (issue 12): CleanApp (Release, Production settings on SQLite, caching off) and
# build/FloorServer (raw ADO.NET on the same file) answer the same reads under wrk, in one run on one machine.
# Prints, per endpoint, the median over the runs of requests/s, p50/p99 and the server's CPU per request (utime+stime
# from /proc), the ratio to the floor, and each server's peak RSS (VmHWM) over the whole benchmark.
#
#   build/bench-read-path.sh [duration=10s] [runs=3] [connections=32]
#
# Needs wrk (apt-get install -y wrk). Seeds through CleanApp's public API with build/Seeder: 100 users, 2,000 articles,
# 5,000 favorites, 1,000 follows, 2,000 comments. Everything runs on 127.0.0.1; wrk shares the cores with the server.
# Seeding takes minutes: BENCH_SAVE_SEED=<dir> keeps the seeded file and the load scripts' data there, and
# BENCH_SEED=<dir> starts from such a copy instead of seeding (only for the same schema).
# Every CleanApp series starts once the server is idle: the seeding and the creates enqueue notification jobs, and their
# CPU would otherwise be charged to the reads. Each row carries the 1-minute load average at its start (shared machine).
# BENCH_ENDPOINTS=tags,article,list,feed,create (the default) picks the rows.
set -euo pipefail
duration=${1:-10s}
runs=${2:-3}
connections=${3:-32}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }

work=$(mktemp -d)
app_port=$((20000 + RANDOM % 10000))
floor_port=$((app_port + 1))
app_url="http://127.0.0.1:$app_port"
floor_url="http://127.0.0.1:$floor_port"
app=""; floor=""
trap 'kill $app $floor 2>/dev/null || true; wait 2>/dev/null || true' EXIT

dotnet build -c Release src/WebApi -v q -nologo >/dev/null
dotnet build -c Release build/Seeder -v q -nologo >/dev/null
dotnet build -c Release build/FloorServer -v q -nologo >/dev/null

start_app() {
  ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Sqlite Database__MigrateOnStartup=true \
  ConnectionStrings__Default="Data Source=$work/bench.db" \
  Serilog__MinimumLevel__Default=Warning \
  Email__PickupDirectory="$work/mail" \
    dotnet src/WebApi/bin/Release/net10.0/CleanApp.WebApi.dll --urls "$app_url" --contentRoot "$root/src/WebApi" >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -sf "$app_url/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "$app_url/health/ready" >/dev/null || { echo "CleanApp did not start"; cat "$work/app.log"; exit 1; }
}

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Waits until the process used less than 3% of a core over 2 s (background jobs drained), at most 10 minutes.
wait_quiet() {
  local pid=$1 before after
  for _ in $(seq 1 300); do
    before=$(cpu "$pid"); sleep 2; after=$(cpu "$pid")
    [ $((after - before)) -le $((ticks * 6 / 100)) ] && return 0
  done
  echo "warning: $pid did not go idle within 10 minutes" >&2
}

if [ -n "${BENCH_SEED:-}" ]; then
  cp "$BENCH_SEED"/bench.db* "$work/" && cp -r "$BENCH_SEED/data" "$work/data"
  start_app
else
  start_app
  dotnet build/Seeder/bin/Release/net10.0/CleanApp.Seeder.dll --url "$app_url" --articles 2000 --users 100 \
    --follows 1000 --favorites 5000 --comments 2000 --out "$work/data" >"$work/seed.log"
fi
wait_quiet "$app"
if [ -n "${BENCH_SAVE_SEED:-}" ]; then
  mkdir -p "$BENCH_SAVE_SEED" && cp "$work"/bench.db* "$BENCH_SAVE_SEED/" && cp -r "$work/data" "$BENCH_SAVE_SEED/"
fi

dotnet build/FloorServer/bin/Release/net10.0/CleanApp.FloorServer.dll --urls "$floor_url" --Database "$work/bench.db" >"$work/floor.log" 2>&1 &
floor=$!
for _ in $(seq 1 60); do curl -sf "$floor_url/api/tags" >/dev/null && break; sleep 0.5; done

# The floor must answer what CleanApp answers, or the comparison means nothing.
slug=$(head -1 "$work/data/slugs.txt")
for path in /api/tags "/api/articles/$slug" "/api/articles?limit=20&offset=40"; do
  if ! diff <(curl -sf "$app_url$path" | jq -S .) <(curl -sf "$floor_url$path" | jq -S .) >"$work/diff.txt"; then
    echo "the floor answers $path differently from CleanApp:"; head -20 "$work/diff.txt"; exit 1
  fi
done

export LOAD_DATA="$work/data" LOAD_SCRIPTS="$root/build/load"

# One wrk run; prints "rps p50_ms p99_ms cpu_us_per_request".
measure() {
  local pid=$1 url=$2 script=$3 path=$4 before after out requests
  before=$(cpu "$pid")
  if [ -n "$script" ]; then
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/build/load/$script" "$url$path")
  else
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$url$path")
  fi
  after=$(cpu "$pid")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  awk -v out="$out" -v req="$requests" -v t="$((after - before))" -v hz="$ticks" 'BEGIN {
    n = split(out, lines, "\n")
    for (i = 1; i <= n; i++) {
      split(lines[i], f, " ")
      if (f[1] == "Requests/sec:") rps = f[2]
      if (f[1] == "50%") p50 = f[2]
      if (f[1] == "99%") p99 = f[2]
    }
    printf "%.0f %.2f %.2f %.0f\n", rps, ms(p50), ms(p99), t / hz * 1e6 / req
  }
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }'
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# Runs an endpoint on one server $runs times after a 5 s warm-up (tiered JIT still compiles the first thousands of
# requests, which would weigh on the first run); prints the medians "rps p50 p99 cpu".
series() {
  local pid=$1 url=$2 script=$3 path=$4 i
  wrk -t2 -c"$connections" -d5s ${script:+-s "$root/build/load/$script"} "$url$path" >/dev/null
  for i in $(seq 1 "$runs"); do measure "$pid" "$url" "$script" "$path"; done >"$work/series"
  printf '%s %s %s %s\n' "$(cut -d' ' -f1 "$work/series" | median)" "$(cut -d' ' -f2 "$work/series" | median)" \
    "$(cut -d' ' -f3 "$work/series" | median)" "$(cut -d' ' -f4 "$work/series" | median)"
}

printf '\n%s, %s × %s runs, %s connections, %s cores\n\n' "$(date -u +%Y-%m-%d)" "$duration" "$runs" "$connections" "$(nproc)"
printf '| endpoint | load avg | CleanApp req/s | p50 ms | p99 ms | CPU µs/req | floor req/s | floor p50 | floor p99 | floor CPU µs/req | req/s ratio |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
row() {
  local key=$1 name=$2 script=$3 path=$4 with_floor=$5 a f load
  [[ ",${BENCH_ENDPOINTS:-tags,article,list,feed,create}," == *",$key,"* ]] || return 0
  wait_quiet "$app"
  load=$(cut -d' ' -f1 /proc/loadavg)
  a=($(series "$app" "$app_url" "$script" "$path"))
  if [ "$with_floor" = yes ]; then
    f=($(series "$floor" "$floor_url" "$script" "$path"))
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f× |\n' "$name" "$load" "${a[0]}" "${a[1]}" "${a[2]}" "${a[3]}" \
      "${f[0]}" "${f[1]}" "${f[2]}" "${f[3]}" "$(awk -v a="${a[0]}" -v f="${f[0]}" 'BEGIN {print a / f}')"
  else
    printf '| %s | %s | %s | %s | %s | %s | – | – | – | – | – |\n' "$name" "$load" "${a[0]}" "${a[1]}" "${a[2]}" "${a[3]}"
  fi
}
row tags "GET /api/tags" "" "/api/tags" yes
row article "GET /api/articles/{slug}" article.lua "/" yes
row list "GET /api/articles?limit=20" list.lua "/" yes
row feed "GET /api/articles/feed (token)" feed.lua "/" no
row create "POST /api/articles (token)" create.lua "/" no

peak() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
printf '\npeak RSS (VmHWM): CleanApp %s MiB, floor %s MiB; logs and wrk data in %s\n' "$(peak "$app")" "$(peak "$floor")" "$work"
