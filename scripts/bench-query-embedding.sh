#!/usr/bin/env bash
# CPU milliseconds to embed one visitor query, per model, with and without the query instruction
# (the cost of an uncached hybrid/semantic search). Needs ../shared. Usage: scripts/bench-query-embedding.sh [queries]
exec "$(dirname "$0")/lib/run-test-class.sh" 2g io.blogsearch.encoder.QueryEmbeddingBenchmark "${1:-300}"
