#!/usr/bin/env bash
# Ranking quality on CACM (../shared/corpora/cacm): the configurations that matter, one after the
# other, each printed as "== eval ARGS" then MAP, nDCG@10, P@10, P@30, Recall@100.
# Every configuration ever tried is in bench-results/cacm-eval*.txt and eval-cacm-modes-*.txt; add a
# line below to try one. Hybrid/semantic lines keep the CACM embeddings in ../cache/cacm (the first
# run embeds 3,204 abstracts: minutes of CPU).
# Usage: scripts/eval-cacm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cacm=../shared/corpora/cacm
[ -d "$cacm" ] || { echo "CACM corpus missing at $cacm" >&2; exit 2; }
[ -f target/blogsearch.jar ] || mvn -q -B package -DskipTests
while read -r args; do
  [ -z "$args" ] && continue
  echo "== eval $args"
  # shellcheck disable=SC2086
  java -jar target/blogsearch.jar eval --format smart --docs $cacm/cacm.all --queries $cacm/query.text \
    --qrels $cacm/qrels.text $args 2>&1
done <<'CONFIGS'
--stemmer PORTER
--k1 0.9 --b 0.4 --single-field --body-fields W,K,B,N,X,C
--k1 0.9 --b 0.4 --single-field --body-fields W,K,B,N,X,C --rm3
--stemmer KSTEM --k1 0.9 --b 0.4 --title-weight 1 --body-fields W,K
--stemmer KSTEM --k1 0.9 --b 0.6 --title-weight 1 --body-fields W,K --query-stopwords SNOWBALL
--stemmer KSTEM --k1 0.9 --b 0.4 --title-weight 1 --body-fields W,K --query-stopwords SNOWBALL --rm3 --original-weight 0.8 --fb-terms 20
--k1 0.9 --b 0.4 --title-weight 1 --body-fields W,K,X
--k1 0.9 --b 0.4 --title-weight 1 --body-fields W,K,X --rm3
--k1 0.9 --b 0.4 --title-weight 1 --mode hybrid --embeddings ../cache/cacm
--k1 0.9 --b 0.4 --title-weight 1 --mode semantic --embeddings ../cache/cacm
CONFIGS
