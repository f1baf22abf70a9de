#!/usr/bin/env bash
# Known-item tuning of field weights and BM25 k1/b on the Handbook (needs ../shared). Usage: scripts/tune-relevance.sh [words-per-query]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.blogsearch.search.RelevanceTuning "${1:-4}"
