#!/usr/bin/env bash
# Faults, measured: 10,000 hostile requests, 3 full reindexes under 32-connection load, kill -9 at
# 20 random moments of crawl/index/related/publish, a full disk during a build (needs root for a
# tmpfs mount), 1,000 idle + 50 slow-loris connections beside searches. One run each, all against
# the real service in child JVMs on this machine.  Usage: scripts/bench-faults.sh [section…]
#   sections: hostile reindex kill disk idle (default: all)
exec "$(dirname "$0")/lib/run-test-class.sh" 1g io.blogsearch.bench.FaultsBenchmark "$@"
