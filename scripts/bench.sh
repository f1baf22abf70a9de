#!/usr/bin/env bash
# The whole benchmark suite, one benchmark after the other (never in parallel: 2 cores), each
# one's output kept in bench-results/<name>-<date>.txt. Not part of the test run.
# Usage: scripts/bench.sh [quick|full]
#   quick (default): crawl, search, related, reindex, Solr peer comparison, many sites, CACM evaluation (~55 min)
#   full: also JMH and scaling to ×10 and ×100, 3 runs each (another ~45 min, ~5 GB of disk)
# Needs: wrk (apt-get install -y wrk) and ../shared (Handbook and CACM corpora).
set -euo pipefail
cd "$(dirname "$0")/.."
day=$(date +%F)
out=bench-results
run() {
  local name=$1; shift
  echo "== $name: $*"
  "$@" 2>&1 | tee "$out/$name-$day.txt"
}
run crawl-sample scripts/bench-crawl.sh 7
for i in 1 2 3; do
  run "search-sample-run$i" scripts/bench-search.sh sample 15
  run "search-handbook-run$i" scripts/bench-search.sh handbook 15
  run "related-handbook-run$i" scripts/bench-related.sh handbook 10
done
run reindex-sample scripts/bench-reindex.sh sample 3
run reindex-handbook scripts/bench-reindex.sh handbook 3
run solr-peer-handbook scripts/bench-solr.sh handbook 10 3
run sites scripts/bench-sites.sh 10 5
run cacm-eval scripts/eval-cacm.sh
run tune-relevance-handbook scripts/tune-relevance.sh 4
if [ "${1:-quick}" = full ]; then
  for i in 1 2 3; do
    run "jmh-handbook-run$i" scripts/bench-jmh.sh handbook
  done
  for i in 1 2 3; do
    run "scaling-handbook-run$i" scripts/bench-scaling.sh 1 10 100
  done
fi
