#!/usr/bin/env bash
# The OpenAPI checks that need Node and a running host, run by .ci/run after `dotnet test` (ADR 0052, 0053). Expects
# the solution already built (Debug). Each check prints "  ok"/"  FAIL"; the TypeScript smoke test's own checks count
# one by one. The last line is "N passed, N failed", which .ci/run adds to its totals; the exit code is 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
passed=0
failed=0
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "  ok   $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL $*"; }
run() { # run NAME COMMAND...: one check, its output shown only when it fails
  local name=$1; shift
  if "$@" >"$work/out" 2>&1; then ok "$name"; else fail "$name"; sed 's/^/       /' "$work/out" | tail -40; fi
}

npm_ci() { (cd "$1" && npm ci --no-audit --no-fund --loglevel=error); }
run "npm ci build/openapi-lint" npm_ci build/openapi-lint
run "npm ci clients/typescript" npm_ci clients/typescript

run "Spectral lint of docs/openapi/v1.json (our ruleset, no warning)" \
  bash -c "cd build/openapi-lint && npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity=hint ../../docs/openapi/v1.json"

csharp_up_to_date() {
  node -e '
    const fs = require("fs"), path = require("path");
    const config = JSON.parse(fs.readFileSync("clients/CSharp/nswag.json", "utf8"));
    config.documentGenerator.fromDocument.url = path.resolve("docs/openapi/v1.json");
    config.codeGenerators.openApiToCSharpClient.output = process.argv[1] + "/ConduitClient.g.cs";
    fs.writeFileSync(process.argv[1] + "/nswag.json", JSON.stringify(config, null, 2));' "$work" &&
    dotnet nswag run "$work/nswag.json" && diff -u clients/CSharp/ConduitClient.g.cs "$work/ConduitClient.g.cs" | head -40 &&
    cmp -s clients/CSharp/ConduitClient.g.cs "$work/ConduitClient.g.cs"
}
run "C# client is what NSwag generates from the committed document (else: build/update-openapi.sh)" csharp_up_to_date

ts_up_to_date() {
  (cd clients/typescript && npx --no-install openapi-typescript ../../docs/openapi/v1.json --output "$work/schema.d.ts") &&
    diff -u clients/typescript/src/schema.d.ts "$work/schema.d.ts" | head -40 && cmp -s clients/typescript/src/schema.d.ts "$work/schema.d.ts"
}
run "TypeScript types are what openapi-typescript generates from the committed document" ts_up_to_date
run "TypeScript client compiles (tsc, strict)" bash -c "cd clients/typescript && npx --no-install tsc -p tsconfig.json"

# The real host, as a consumer meets it: the built WebApi on a free port, its own SQLite file.
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
url="http://127.0.0.1:$port"
(cd src/WebApi/bin/Debug/net10.0 &&
  ASPNETCORE_ENVIRONMENT=Testing ConnectionStrings__Default="Data Source=$work/cleanapp.db" Database__Provider=Sqlite \
    Email__PickupDirectory="$work/mail" exec dotnet CleanApp.WebApi.dll --urls "$url") >"$work/server.log" 2>&1 &
server_pid=$!
# Node's fetch rather than curl: a fresh CI machine has Node (installed by .ci/run) but not necessarily curl.
get() { node -e 'fetch(process.argv[1]).then(async r => { if (!r.ok) process.exit(1); if (process.argv[2]) require("fs").writeFileSync(process.argv[2], await r.text()); }, () => process.exit(1))' "$@"; }
started=no
for _ in $(seq 1 120); do
  if get "$url/api/tags"; then started=yes; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
if [ "$started" = yes ]; then
  ok "CleanApp started at $url"
  served_matches() {
    get "$url/swagger/v1/swagger.json" "$work/served.json" &&
      node -e '
        const fs = require("fs");
        const [a, b] = process.argv.slice(1).map(f => JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8"))));
        if (a !== b) { console.error("the running host serves a different document than docs/openapi/v1.json"); process.exit(1); }' \
        "$work/served.json" docs/openapi/v1.json
  }
  run "the running host serves docs/openapi/v1.json" served_matches
  (cd clients/typescript && CLEANAPP_URL="$url" node dist/smoke.js) | tee "$work/smoke.txt"
  smoke_status=${PIPESTATUS[0]}
  read -r sp sf < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ { p = $1; f = $3 } END { printf "%d %d\n", p, f }' "$work/smoke.txt")
  passed=$((passed + sp))
  failed=$((failed + sf))
  if [ "$smoke_status" -ne 0 ] && [ "$sf" -eq 0 ]; then fail "TypeScript smoke test crashed"; fi
else
  fail "CleanApp did not start at $url"
  tail -40 "$work/server.log"
fi

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
