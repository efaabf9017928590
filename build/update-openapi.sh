#!/usr/bin/env bash
# Regenerates the committed OpenAPI document and everything generated from it, in one command (ADR 0051):
#   docs/openapi/v1.json            the document the host serves (CommittedDocumentTests with CLEANAPP_UPDATE_OPENAPI=1)
#   clients/CSharp/ConduitClient.g.cs   NSwag (local tool) with clients/CSharp/nswag.json
#   clients/typescript/src/schema.d.ts  openapi-typescript
# then lints the document. Run it after changing any endpoint, and commit the results in the same change.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
dotnet tool restore >/dev/null
dotnet build tests/WebApi.FunctionalTests -c Debug -v quiet -nologo

echo "== docs/openapi/v1.json"
CLEANAPP_UPDATE_OPENAPI=1 dotnet test tests/WebApi.FunctionalTests --no-build -c Debug \
  --filter "FullyQualifiedName~CleanApp.WebApi.FunctionalTests.OpenApi.CommittedDocumentTests" -v quiet -nologo

echo "== C# client (NSwag)"
dotnet nswag run clients/CSharp/nswag.json

echo "== TypeScript types (openapi-typescript)"
(cd clients/typescript && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent generate)

echo "== lint (Spectral)"
(cd build/openapi-lint && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent lint)

git status --short docs/openapi clients || true
