#!/usr/bin/env bash
# Embedding the whole Handbook (wall and CPU time, rounds with an empty cache), one edited post with
# the cache warm, then the index without vectors, with float32 and with int7 vectors: size, heap,
# kNN overlap@10 with exact search, kNN latency. Saves the embedding cache to the given folder.
# Usage: scripts/bench-vectors.sh [rounds] [cache-out-dir]   (needs ../shared)
exec "$(dirname "$0")/lib/run-test-class.sh" 2g io.blogsearch.index.VectorsBenchmark "${1:-3}" ${2:-}
