#!/usr/bin/env bash
# Crawl+extract throughput on the bundled sample blog (politeness off), with same-process baselines.
# Usage: scripts/bench-crawl.sh [runs]   (not part of the test run)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  io.blogsearch.bench.CrawlBenchmark "${1:-7}"
