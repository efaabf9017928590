#!/usr/bin/env bash
# Builds a released CleanApp (a git ref), runs it on an empty SQLite file with the job server off (so its jobs stay
# queued), fills it through the public API and the ops CLI, and writes the database and a manifest (passwords, tokens,
# expected rows) for the upgrade tests.
#
#   build/make-upgrade-fixture.sh <git-ref> <output-dir>
#   build/make-upgrade-fixture.sh 64ac57d tests/WebApi.FunctionalTests/Platform/Upgrade/release-1
#
# The tokens are minted with Auth:TokenLifetime = 100 years so the fixture does not expire; its Data Protection keys are
# throwaway keys that protect nothing but this fixture.
set -euo pipefail
ref=${1:?git ref of the release}
out=$(realpath -m "${2:?output directory}")
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
port=5177
trap 'kill $pid 2>/dev/null || true; git -C "$top" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$top" worktree add --detach "$work/src" "$ref" >/dev/null
dotnet publish "$work/src/src/WebApi" -c Release -o "$work/app" --nologo -v q >/dev/null
mkdir -p "$out"
rm -f "$out/cleanapp.db"*

export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Default="Data Source=$work/cleanapp.db"
export Jobs__Enabled=false
export Auth__TokenLifetime=36500.00:00:00
export Email__PickupDirectory="$work/mail"

(cd "$work/app" && CLEANAPP_OPS_PASSWORD='ops-password-fixture' dotnet CleanApp.WebApi.dll create-ops-user --email ops@example.com --role operator >/dev/null)
(cd "$work/app" && exec dotnet CleanApp.WebApi.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
pid=$!
api=http://127.0.0.1:$port/api
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

post() { curl -sf -X "${4:-POST}" "$api$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Token $3"} -d "$2"; }
reg() { post /users "{\"user\":{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"password-of-$1\"}}" | jq -r .user.token; }

ann=$(reg ann); ben=$(reg ben); cat=$(reg cat)
post /user '{"user":{"bio":"I write about dragons","image":"https://example.com/ann.png"}}' "$ann" PUT >/dev/null
post /profiles/ann/follow '{}' "$ben" >/dev/null
post /profiles/ann/follow '{}' "$cat" >/dev/null
post /profiles/ben/follow '{}' "$ann" >/dev/null
s1=$(post /articles '{"article":{"title":"How to train your dragon","description":"Ever wonder how?","body":"Very carefully.","tagList":["dragons","training"]}}' "$ann" | jq -r .article.slug)
s2=$(post /articles '{"article":{"title":"Ünïcödé and emoji 🐉","description":"Non-ASCII survives","body":"Line one\nLine two","tagList":["unicode"]}}' "$ann" | jq -r .article.slug)
s3=$(post /articles '{"article":{"title":"Ben writes too","description":"A second author","body":"Body","tagList":[]}}' "$ben" | jq -r .article.slug)
post "/articles/$s1/favorite" '{}' "$ben" >/dev/null
post "/articles/$s1/favorite" '{}' "$cat" >/dev/null
post "/articles/$s3/favorite" '{}' "$ann" >/dev/null
post "/articles/$s1/comments" '{"comment":{"body":"Thank you so much!"}}' "$ben" >/dev/null
post "/articles/$s1/comments" '{"comment":{"body":"Second comment"}}' "$cat" >/dev/null
post "/articles/$s3/comments" '{"comment":{"body":"Nice one, Ben"}}' "$ann" >/dev/null

kill "$pid"; wait "$pid" 2>/dev/null || true
# One self-contained file: fold the WAL into the database.
sqlite3 "$work/cleanapp.db" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;' >/dev/null
cp "$work/cleanapp.db" "$out/cleanapp.db"

q() { sqlite3 "$out/cleanapp.db" "$1"; }
jq -n \
  --arg release "$(git -C "$top" rev-parse "$ref")" \
  --arg ann "$ann" --arg ben "$ben" --arg cat "$cat" \
  --arg s1 "$s1" --arg s2 "$s2" --arg s3 "$s3" \
  --argjson articles "$(q 'SELECT COUNT(*) FROM Articles')" \
  --argjson comments "$(q 'SELECT COUNT(*) FROM Comments')" \
  --argjson favorites "$(q 'SELECT COUNT(*) FROM Favorites')" \
  --argjson follows "$(q 'SELECT COUNT(*) FROM Follows')" \
  --argjson users "$(q 'SELECT COUNT(*) FROM AspNetUsers')" \
  --argjson keys "$(q 'SELECT COUNT(*) FROM DataProtectionKeys')" \
  --argjson queuedJobs "$(q "SELECT COUNT(*) FROM Jobs WHERE State IN (0,1,2)")" \
  '{release: $release,
    users: [{username: "ann", email: "ann@example.com", password: "password-of-ann", token: $ann},
            {username: "ben", email: "ben@example.com", password: "password-of-ben", token: $ben},
            {username: "cat", email: "cat@example.com", password: "password-of-cat", token: $cat}],
    opsUser: {email: "ops@example.com", password: "ops-password-fixture"},
    slugs: [$s1, $s2, $s3],
    counts: {articles: $articles, comments: $comments, favorites: $favorites, follows: $follows, users: $users,
             dataProtectionKeys: $keys, queuedJobs: $queuedJobs}}' >"$out/manifest.json"
cat "$out/manifest.json"
