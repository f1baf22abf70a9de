#!/usr/bin/env bash
# End-to-end reindex time (crawl over HTTP + index + related + publish), full then incremental,
# and the bare parse+extract+index rate of the same pages (pipeline efficiency); medians over rounds.
# Usage: scripts/bench-reindex.sh [sample|handbook] [rounds] [semantic]   (handbook needs ../shared;
# semantic: builds embed posts with bge-small, the first round every post, later rounds from the cache)
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.admin.ReindexBenchmark "${1:-sample}" "${2:-3}" ${3:+"$3"}
