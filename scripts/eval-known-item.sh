#!/usr/bin/env bash
# Handbook known-item MRR@10 of the search box in keyword, hybrid and semantic mode (needs ../shared).
# Post vectors are read from (and missing ones added to) ../cache/<model id>/ — override with
# JAVA_OPTS=-Dbench.embeddings=DIR; the first run embeds the 4,136 pages (minutes of CPU).
# Usage: scripts/eval-known-item.sh [words-per-query]
exec "$(dirname "$0")/lib/run-test-class.sh" 3g io.blogsearch.search.KnownItemModes "${1:-4}"
