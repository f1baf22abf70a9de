#!/usr/bin/env bash
# Related-list quality and compute time in each mode (keyword, semantic, hybrid), all from `eval-related`.
# Usage: scripts/eval-related-modes.sh [handbook|sample] [date]   (sample: run `demo --exit --data-dir index-data` first)
# Embeddings are cached in index-data/eval-related-handbook/embeddings (Handbook) or the demo site's embeddings
# folder, so only the first run embeds (the Handbook: tens of minutes of CPU on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-handbook}
day=${2:-$(date +%F)}
jar=target/blogsearch.jar
[ -f "$jar" ] || mvn -B -q -o package -DskipTests
if [ "$corpus" = handbook ]; then
  args=(--handbook ../shared/corpora/handbook/content --embeddings-dir index-data/eval-related-handbook/embeddings)
else
  args=(--data-dir index-data)
fi
mkdir -p bench-results
for mode in keyword semantic hybrid; do
  out=bench-results/related-semantic-$corpus-$mode-$day.txt
  java -jar "$jar" eval-related "${args[@]}" --mode "$mode" 2>&1 | grep -v ' WARN \| INFO ' | tee "$out"
done
