package io.blogsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated search: the visitor's query text, facet filters (values within one dimension are
 * ORed, dimensions ANDed), an optional publication date range, sort and page.
 *
 * @param q query text; blank lists posts newest first
 * @param categories category filter
 * @param tags tag filter
 * @param authors author filter
 * @param years year filter
 * @param from first publication day included, or null
 * @param to last publication day included, or null
 * @param sort relevance, date (newest first) or date-asc
 * @param page 1-based page
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 * @param mode keyword, hybrid or semantic; null for the site's default ({@code semantic.searchMode})
 */
public record SearchRequest(String q, List<String> categories, List<String> tags, List<String> authors,
    List<String> years, LocalDate from, LocalDate to, Sort sort, int page, int size, SearchMode mode) {
  public static final int MAX_SIZE = 50;
  public static final int MAX_DEPTH = 1000;

  /** Result order. */
  public enum Sort { RELEVANCE, DATE, DATE_ASC }

  public SearchRequest {
    q = q == null ? "" : q;
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
    years = List.copyOf(years);
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more (got " + page + ")");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + " (got " + size + ")");
    }
    if ((long) page * size > MAX_DEPTH) {
      throw new BadRequestException("page * size must not exceed " + MAX_DEPTH + "; narrow the search instead");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("from must not be after to");
    }
    for (String y : years) {
      if (!y.matches("\\d{4}")) {
        throw new BadRequestException("year must be four digits (got \"" + y + "\")");
      }
    }
  }

  /** A search in the site's default mode. */
  public SearchRequest(String q, List<String> categories, List<String> tags, List<String> authors,
      List<String> years, LocalDate from, LocalDate to, Sort sort, int page, int size) {
    this(q, categories, tags, authors, years, from, to, sort, page, size, null);
  }

  /** This search in {@code m}. */
  public SearchRequest withMode(SearchMode m) {
    return new SearchRequest(q, categories, tags, authors, years, from, to, sort, page, size, m);
  }

  /** A first-page relevance search for {@code q} without filters. */
  public static SearchRequest of(String q) {
    return new SearchRequest(q, List.of(), List.of(), List.of(), List.of(), null, null, Sort.RELEVANCE, 1, 10);
  }
}
