#!/usr/bin/env bash
# /api/search QPS and p50/p99 at 1, 8, 32 connections (wrk) next to in-process runs on the same queries.
# Usage: scripts/bench-search.sh [sample|handbook] [seconds-per-run]   (needs: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -Dorg.slf4j.simpleLogger.log.io.blogsearch.web.ApiServer=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.blogsearch.search.SearchBenchmark "${1:-sample}" "${2:-15}"
