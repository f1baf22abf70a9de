#!/usr/bin/env bash
# Many sites in one `serve --service` process (the fat jar in a child JVM): heap after GC, RSS, open
# files, mapped index files, threads, open sites, and search QPS/p50/p99 at 8 connections for 1, 10,
# 50 sample-blog sites (50 also with maxOpenSites 16) and 1 vs N Handbook-size sites. Ratios
# against the 1-site run of the same corpus. Usage: scripts/bench-sites.sh [seconds-per-run] [handbook-copies]
set -euo pipefail
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
JAVA_OPTS="${JAVA_OPTS:-} -Dbench.serviceJar=$PWD/target/blogsearch.jar" \
  exec scripts/lib/run-test-class.sh 2g io.blogsearch.bench.SitesBenchmark "${1:-10}" "${2:-5}"
