#!/usr/bin/env bash
# Index time, size, heap and search latency for the Handbook ×1, ×10, ×100 (~4k, ~41k, ~414k docs).
# Usage: scripts/bench-scaling.sh [factors…]   (needs ../shared; ×100 takes ~15 min and ~5 GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.blogsearch.search.ScalingBenchmark "$@"
