#!/usr/bin/env bash
# Hybrid and semantic /api/search against keyword at 8 connections (wrk), same index and run, medians
# of 3 rounds, with query embeddings cached (hits) and uncached (every query embedded).
# Post vectors come from ../cache/<model id>/ (JAVA_OPTS=-Dbench.embeddings=DIR to change; the first
# Handbook run embeds 4,136 pages: minutes of CPU).
# Usage: scripts/bench-hybrid.sh [sample|handbook] [seconds-per-run]   (needs: apt-get install wrk)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.search.HybridBenchmark "${1:-handbook}" "${2:-15}"
