#!/usr/bin/env bash
# Peer comparison with Apache Solr 9.10.1: same documents, analysis and requests to our API and to
# a 2-node SolrCloud (bench/solr-peer, its own JVM), wrk at 1/8/32 connections, caches on and off.
# Usage: scripts/bench-solr.sh [handbook|sample] [seconds-per-run] [rounds]   (needs: apt-get install wrk)
set -euo pipefail
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
cd "$(dirname "$0")/.."
(cd bench/solr-peer && mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
exec scripts/lib/run-test-class.sh 2g io.blogsearch.bench.SolrComparison "${1:-handbook}" "${2:-10}" "${3:-3}" bench/solr-peer
