#!/usr/bin/env bash
# JMH microbenchmarks of hot paths (query parsing, search, snippets, MoreLikeThis).
# Usage: scripts/bench-jmh.sh [sample|handbook] [extra JMH args]
corpus=${1:-sample}; shift || true
exec "$(dirname "$0")/lib/run-test-class.sh" 2g org.openjdk.jmh.Main HotPathBenchmark -p corpus="$corpus" \
  -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
