#!/usr/bin/env bash
# Push freshness (issue 15): 100 sequential PUT /api/admin/posts over real HTTP against the sample
# blog or the Handbook crawled from localhost; each timed from the PUT's answer until search finds
# the post and the related list of the post it belongs beside holds it. p50/p99 per round, medians.
# Keyword only (no embedding model). Usage: scripts/bench-push.sh [sample|handbook] [rounds]
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.admin.PushBenchmark "${1:-sample}" "${2:-3}"
