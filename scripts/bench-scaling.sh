#!/usr/bin/env bash
# Index time, size, heap and search latency for the Handbook ×1, ×10, ×100 (~4k, ~41k, ~414k docs).
# Usage: scripts/bench-scaling.sh [factors…]   (needs ../shared; ×100 takes ~15 min and ~5 GB of disk)
exec "$(dirname "$0")/lib/run-test-class.sh" 6g io.blogsearch.search.ScalingBenchmark "$@"
