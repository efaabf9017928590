#!/usr/bin/env bash
# Hangfire's dashboard (the real WebApi host, signed in as an operator) over a seeded SQLite job store: page times.
#   build/bench-dashboard.sh [--succeeded 100000] [--failed 10000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build build/JobsBenchmark -c Release --nologo -v q >/dev/null
dotnet build/JobsBenchmark/bin/Release/net10.0/CleanApp.JobsBenchmark.dll dashboard "$@"
