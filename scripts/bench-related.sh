#!/usr/bin/env bash
# Related posts: precompute time, incremental recompute, /api/related QPS and p50/p99 at 1/8/32 connections.
# Usage: scripts/bench-related.sh [sample|handbook] [seconds-per-run]   (needs: apt-get install wrk; ../shared for handbook)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.related.RelatedBenchmark "${1:-handbook}" "${2:-15}"
