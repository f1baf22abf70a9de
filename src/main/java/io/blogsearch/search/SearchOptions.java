package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import java.time.Duration;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Tunables of the search engine.
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
