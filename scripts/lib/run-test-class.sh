#!/usr/bin/env bash
# Shared by the bench scripts: compiles main and test code once, then runs a main class from the
# test sources with the test classpath. Usage: run-test-class.sh HEAP CLASS [args…]
set -euo pipefail
cd "$(dirname "$0")/../.."
heap=$1; shift
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java "-Xmx$heap" ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.log.io.blogsearch.web.ApiServer=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" "$@"
