package io.blogsearch.related;

import java.util.List;

/**
 * The precomputed recommendations of one post, best first.
 *
 * @param items up to {@link RelatedEngine#MAX_ITEMS} items
 * @param fallback true when nothing passed the threshold and recent posts sharing tags or
 *     categories are shown instead
 */
public record RelatedList(List<RelatedItem> items, boolean fallback) {
  public RelatedList {
    items = List.copyOf(items);
  }

  /** The first {@code limit} items. */
  public RelatedList limit(int limit) {
    return items.size() <= limit ? this : new RelatedList(items.subList(0, limit), fallback);
  }
}
