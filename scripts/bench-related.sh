#!/usr/bin/env bash
# Related posts: precompute time, incremental recompute, /api/related QPS and p50/p99 at 1/8/32 connections.
# Usage: scripts/bench-related.sh [sample|handbook] [seconds-per-run]   (needs: apt-get install wrk; ../shared for handbook)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx3g -Dorg.slf4j.simpleLogger.log.io.blogsearch.web.ApiServer=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.blogsearch.related.RelatedBenchmark "${1:-handbook}" "${2:-15}"
