package io.blogsearch.related;

import java.util.List;
import java.util.Map;

/**
 * Every post's related list, as computed at index time and saved beside the index.
 *
 * @param lists per canonical post URL
 * @param fingerprints per post URL, a hash of what the lists depend on (to recompute only what changed)
 * @param nonPosts URLs of the site known not to be posts (archives, pages), for clear 404s
 * @param computedMillis time the last computation took
 * @param recomputed how many lists the last computation recomputed
 */
public record RelatedSet(Map<String, RelatedList> lists, Map<String, String> fingerprints, List<String> nonPosts,
    long computedMillis, int recomputed) {
  public RelatedSet {
    lists = Map.copyOf(lists);
    fingerprints = Map.copyOf(fingerprints);
    nonPosts = List.copyOf(nonPosts);
  }

  public static RelatedSet empty() {
    return new RelatedSet(Map.of(), Map.of(), List.of(), 0, 0);
  }
}
