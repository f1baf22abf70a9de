package io.blogsearch.search;

import java.util.Locale;

/**
 * How a search finds posts: by their words (BM25), by meaning (nearest post vectors to the
 * query's embedding), or both fused by reciprocal rank.
 */
public enum SearchMode {
  KEYWORD, HYBRID, SEMANTIC;

  /** The name used in URLs and config. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code value} (case-insensitive). */
  public static SearchMode parse(String value) {
    for (SearchMode m : values()) {
      if (m.id().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new BadRequestException("mode must be keyword, hybrid or semantic (got \""
        + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "\")");
  }
}
