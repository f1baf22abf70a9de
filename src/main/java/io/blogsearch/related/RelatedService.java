package io.blogsearch.related;

import io.blogsearch.extract.PostId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serves precomputed related lists from memory. Answers in microseconds: all the work happened
 * at index time.
 */
public final class RelatedService implements RelatedLookup {
  /** The largest {@code limit} a caller may ask for. */
  public static final int MAX_LIMIT = RelatedEngine.MAX_ITEMS;

  private final RelatedSet set;
  private final Set<String> nonPosts;
  private final Map<String, String> urlById = new HashMap<>();

  public RelatedService(RelatedSet set) {
    this.set = set;
    this.nonPosts = new HashSet<>(set.nonPosts());
    set.lists().keySet().forEach(u -> urlById.put(PostId.of(u), u));
  }

  @Override
  public Optional<String> urlOf(String id) {
    return Optional.ofNullable(urlById.get(id));
  }

  @Override
  public Answer lookup(String url, int limit) {
    RelatedList list = set.lists().get(url);
    if (list != null) {
      return new Found(list.limit(limit));
    }
    return nonPosts.contains(url) ? new NotAPost(url) : new Unknown(url);
  }

  @Override
  public int size() {
    return set.lists().size();
  }
}
