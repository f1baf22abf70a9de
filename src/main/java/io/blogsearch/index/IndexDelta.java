package io.blogsearch.index;

import io.blogsearch.extract.Article;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What differs between the posts an index holds and the crawl output: posts to add, posts whose
 * content changed, and URLs no longer among the posts.
 *
 * @param added posts the index does not hold
 * @param updated posts the index holds with other content
 * @param deleted URLs the index holds that are no longer posts
 */
public record IndexDelta(List<Article> added, List<Article> updated, List<String> deleted) {
  public IndexDelta {
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    deleted = List.copyOf(deleted);
  }

  /**
   * @param indexed hash per URL of the posts in the index ({@link PostHashes})
   * @param crawled the crawl output's posts
   * @param crawledHashes {@link PostHashes#of} of {@code crawled}
   */
  public static IndexDelta between(Map<String, String> indexed, Collection<Article> crawled,
      Map<String, String> crawledHashes) {
    List<Article> added = new ArrayList<>();
    List<Article> updated = new ArrayList<>();
    for (Article a : crawled) {
      String old = indexed.get(a.url());
      if (old == null) {
        added.add(a);
      } else if (!old.equals(crawledHashes.get(a.url()))) {
        updated.add(a);
      }
    }
    List<String> deleted = indexed.keySet().stream().filter(u -> !crawledHashes.containsKey(u)).sorted().toList();
    return new IndexDelta(added, updated, deleted);
  }

  public boolean isEmpty() {
    return added.isEmpty() && updated.isEmpty() && deleted.isEmpty();
  }

  /** Posts written: added plus updated. */
  public int written() {
    return added.size() + updated.size();
  }

  @Override
  public String toString() {
    return added.size() + " added, " + updated.size() + " updated, " + deleted.size() + " deleted";
  }
}
