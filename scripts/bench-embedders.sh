#!/usr/bin/env bash
# Model and text choice: pure-kNN related quality (same-section P@5, internal-link recall@10) and
# embedding cost per page for each model × text on a fixed subset of the Handbook (needs ../shared).
# Usage: scripts/bench-embedders.sh [subset-size] [models,comma,separated] [texts: 64,128,256,chunks4x128] [threads]
exec "$(dirname "$0")/lib/run-test-class.sh" 2g io.blogsearch.encoder.EmbedderBenchmark "${1:-800}" \
  "${2:-bge-small-en-v1.5-q,all-minilm-l6-v2-q,e5-small-v2-q}" "${3:-64,128,256,chunks4x128}" ${4:-}
