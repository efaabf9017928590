#!/usr/bin/env bash
# Dashboard benchmark (JOBS.md "Numbers to reach"): 1M succeeded + 100k failed jobs in a temp SQLite file, every
# dashboard page timed over HTTP against the real WebApi host, in Release. Extra arguments go to the program:
# --succeeded N --failed N --runs N.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project build/DashboardBenchmark -- "$@"
