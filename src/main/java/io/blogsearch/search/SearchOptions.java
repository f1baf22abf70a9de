package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import java.time.Duration;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Tunables of the search engine.
 *
 * <p>Two retrieval options exist only for long natural-language queries and are used by the
 * {@code eval} command, not by the search box: RM3 pseudo-relevance feedback
 * ({@link RelevanceModel}, via {@link RankedRetrieval}) and a longer query stop list
 * ({@link BlogAnalyzers.StopList#SNOWBALL}). On CACM (bench-results/cacm-eval-rm3-2026-11-28.txt)
 * both help, RM3 mostly through documents' citation ids; visitors' two- or three-word queries
 * give feedback too little to work with and need every word, so the site keeps neither.
 *
 * @param stemmer stemmer used at index and query time (must match the index)
 * @param synonyms query-time synonyms, or an empty map
 * @param weights field weights
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param timeout per-query time limit
 */
public record SearchOptions(BlogAnalyzers.Stemmer stemmer, SynonymMap synonyms, FieldWeights weights,
    float k1, float b, Duration timeout) {

  /** Defaults with the given synonyms. */
  public static SearchOptions defaults(SynonymMap synonyms) {
    return new SearchOptions(BlogAnalyzers.Stemmer.PORTER, synonyms, FieldWeights.defaults(), 1.2f, 0.75f,
        Duration.ofMillis(2000));
  }
}
