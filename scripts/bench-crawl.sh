#!/usr/bin/env bash
# Crawl+extract throughput on the bundled sample blog (politeness off), with same-process baselines.
# Usage: scripts/bench-crawl.sh [runs]   (not part of the test run)
exec "$(dirname "$0")/lib/run-test-class.sh" 1g io.blogsearch.bench.CrawlBenchmark "${1:-7}"
