#!/usr/bin/env bash
# Job engine benchmark (JOBS.md "Numbers to reach"): drain rate of a 100,000 no-op backlog and enqueue→start latency
# on a temp SQLite file, in Release. Extra arguments go to the program: --jobs N --workers N --samples N.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project build/JobsBenchmark -- "$@"
