#!/usr/bin/env bash
# Hangfire on CleanApp's composition: drain rate of a no-op backlog and enqueue→start latency, per storage.
#   build/bench-jobs.sh [--jobs 20000] [--samples 200] [--workers 20] [--storage Sqlite,InMemory]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build build/JobsBenchmark -c Release --nologo -v q >/dev/null
dotnet build/JobsBenchmark/bin/Release/net10.0/CleanApp.JobsBenchmark.dll jobs "$@"
