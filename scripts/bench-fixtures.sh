#!/usr/bin/env bash
# Extraction accuracy: field × fixture exact-match table of the extractor against the real-world
# theme fixtures in src/test/resources/fixtures/real-world (GeneratePress, Astra, Ghost, Blogger…).
# Usage: scripts/bench-fixtures.sh
exec "$(dirname "$0")/lib/run-test-class.sh" 512m io.blogsearch.extract.RealWorldFixturesBenchmark "$@"
