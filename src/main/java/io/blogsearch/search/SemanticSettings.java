package io.blogsearch.search;

import io.blogsearch.fusion.ReciprocalRankFusion;

/**
 * What a search needs beyond keywords: the query embeddings (null when no model is loaded:
 * every search is then a keyword search), the mode used when a request names none, the fusion
 * constant and how many nearest posts the vector side contributes.
 *
 * @param vectors query embeddings, or null for keyword search only
 * @param defaultMode the mode of a request without {@code mode}
 * @param rrfK reciprocal rank fusion constant (60)
 * @param nearest nearest posts taken from the vector side of a search, within its filters
 */
public record SemanticSettings(QueryVectors vectors, SearchMode defaultMode, int rrfK, int nearest) {
  /** The vector side's share of a result set: a few pages of a blog's search. */
  public static final int DEFAULT_NEAREST = 50;

  public SemanticSettings {
    if (rrfK < 1 || nearest < 1) {
      throw new IllegalArgumentException("rrfK and nearest must be 1 or more");
    }
  }

  /** Keyword search only (no model). */
  public static SemanticSettings keywordOnly() {
    return new SemanticSettings(null, SearchMode.KEYWORD, ReciprocalRankFusion.DEFAULT_K, DEFAULT_NEAREST);
  }

  /** Searches with {@code vectors}, {@code defaultMode} unless a request asks otherwise. */
  public static SemanticSettings of(QueryVectors vectors, SearchMode defaultMode, int rrfK) {
    return new SemanticSettings(vectors, defaultMode, rrfK, DEFAULT_NEAREST);
  }
}
