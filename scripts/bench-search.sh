#!/usr/bin/env bash
# /api/search QPS and p50/p99 at 1, 8, 32 connections (wrk) next to in-process runs on the same queries.
# Usage: scripts/bench-search.sh [sample|handbook] [seconds-per-run]   (needs: apt-get install wrk)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
exec "$(dirname "$0")/lib/run-test-class.sh" 2g io.blogsearch.search.SearchBenchmark "${1:-sample}" "${2:-15}"
