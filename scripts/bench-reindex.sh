#!/usr/bin/env bash
# End-to-end reindex time (crawl over HTTP + index + related + publish), full then incremental.
# Usage: scripts/bench-reindex.sh [sample|handbook]   (handbook needs ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx3g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.blogsearch.admin.ReindexBenchmark "${1:-sample}"
