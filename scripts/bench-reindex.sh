#!/usr/bin/env bash
# End-to-end reindex time (crawl over HTTP + index + related + publish), full then incremental.
# Usage: scripts/bench-reindex.sh [sample|handbook]   (handbook needs ../shared)
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.admin.ReindexBenchmark "${1:-sample}"
