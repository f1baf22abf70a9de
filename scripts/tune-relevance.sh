#!/usr/bin/env bash
# Known-item tuning of field weights and BM25 k1/b on the Handbook (needs ../shared). Usage: scripts/tune-relevance.sh [words-per-query]
exec "$(dirname "$0")/lib/run-test-class.sh" 2g io.blogsearch.search.RelevanceTuning "${1:-4}"
