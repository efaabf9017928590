#!/usr/bin/env bash
# Adds a migration for BOTH providers (SQLite, the embedded default, and SQL Server, production) from the current model.
# Usage: build/add-migration.sh <Name>
# No database is contacted: the design-time factories in Infrastructure/Persistence build each context offline.
set -euo pipefail
name=${1:?usage: build/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}ApplicationDbContext" \
    --output-dir "Persistence/Migrations/${provider}"
done
