#!/usr/bin/env bash
# JMH microbenchmarks of hot paths (query parsing, search, snippets, MoreLikeThis).
# Usage: scripts/bench-jmh.sh [sample|handbook] [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
corpus=${1:-sample}; shift || true
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  HotPathBenchmark -p corpus="$corpus" -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
