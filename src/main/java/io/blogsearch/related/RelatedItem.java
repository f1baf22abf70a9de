package io.blogsearch.related;

import java.time.Instant;
import java.util.List;

/**
 * One recommended post.
 *
 * @param url canonical URL
 * @param title title
 * @param excerpt summary
 * @param published publication time or null
 * @param score 0–1, relative to the source post's match with itself
 * @param reasons why it is recommended, for readers and editors
 */
public record RelatedItem(String url, String title, String excerpt, Instant published, double score, List<String> reasons) {
  public RelatedItem {
    reasons = List.copyOf(reasons);
  }
}
