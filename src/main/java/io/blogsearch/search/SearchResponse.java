package io.blogsearch.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results with facet counts.
 *
 * @param total matching posts
 * @param tookMs time spent in the engine
 * @param hits this page
 * @param facets per dimension (category, tag, author, year) the values and their counts; counts
 *     of a filtered dimension ignore that dimension's own filter, so alternatives stay visible
 * @param didYouMean a corrected query that finds more, or null
 * @param relaxed true when no post had every word and posts with some of them are shown
 * @param partial true when the time limit cut the search short
 * @param message why nothing was searched (e.g. {@link #NO_SEARCHABLE_WORDS}), or null
 * @param mode the mode the search ran in: keyword, hybrid or semantic
 * @param fallback why a hybrid or semantic search ran by keyword instead (e.g. {@link #NO_VECTORS}), or null
 */
public record SearchResponse(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets,
    String didYouMean, boolean relaxed, boolean partial, String message, String mode, String fallback) {
  /** The message of a query with only symbols or stop words. */
  public static final String NO_SEARCHABLE_WORDS = "no searchable words in the query";
  /** Fallback: the service runs without an embedding model. */
  public static final String NO_MODEL = "no embedding model is loaded: keyword results";
  /** Fallback: the index being served has no post vectors of the model (built without them, or by another model). */
  public static final String NO_VECTORS = "the index has no post vectors for this model: keyword results";
  /** Fallback: the query has only field clauses or negated words, nothing to compare by meaning. */
  public static final String NO_FREE_TEXT = "the query has no free text to compare by meaning: keyword results";

  /**
   * One result.
   *
   * @param id short stable id of the post
   * @param url canonical URL
   * @param title title (plain text)
   * @param snippet HTML: escaped body text with matches in {@code <mark>}
   * @param author author
   * @param published publication time or null
   * @param categories categories
   * @param tags tags
   * @param score relevance score: BM25 by keyword, the reciprocal rank fusion score in hybrid mode, the
 *     fused score of the vector ranking alone in semantic mode (0 when sorted by date)
   */
  public record Hit(String id, String url, String title, String snippet, String author, Instant published,
      List<String> categories, List<String> tags, float score) {}

  /** A facet value and how many matching posts carry it. */
  public record FacetValue(String value, int count) {}
}
