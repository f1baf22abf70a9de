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
 */
public record SearchResponse(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets,
    String didYouMean, boolean relaxed, boolean partial, String message) {
  /** The message of a query with only symbols or stop words. */
  public static final String NO_SEARCHABLE_WORDS = "no searchable words in the query";

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
   * @param score relevance score (0 when sorted by date)
   */
  public record Hit(String id, String url, String title, String snippet, String author, Instant published,
      List<String> categories, List<String> tags, float score) {}

  /** A facet value and how many matching posts carry it. */
  public record FacetValue(String value, int count) {}
}
