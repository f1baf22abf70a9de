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
public final class RelatedService {
  /** The largest {@code limit} a caller may ask for. */
  public static final int MAX_LIMIT = RelatedEngine.MAX_ITEMS;

  /** What a look-up found. */
  public sealed interface Answer permits Found, NotAPost, Unknown {}

  /** The post's list. */
  public record Found(RelatedList list) implements Answer {}

  /** The URL is a page of the site, but not a post. */
  public record NotAPost(String url) implements Answer {}

  /** The URL is not known at all. */
  public record Unknown(String url) implements Answer {}

  private final RelatedSet set;
  private final Set<String> nonPosts;
  private final Map<String, String> urlById = new HashMap<>();

  public RelatedService(RelatedSet set) {
    this.set = set;
    this.nonPosts = new HashSet<>(set.nonPosts());
    set.lists().keySet().forEach(u -> urlById.put(PostId.of(u), u));
  }

  /** The canonical URL of the post with this {@link PostId}. */
  public Optional<String> urlOf(String id) {
    return Optional.ofNullable(urlById.get(id));
  }

  public Answer lookup(String url, int limit) {
    RelatedList list = set.lists().get(url);
    if (list != null) {
      return new Found(list.limit(limit));
    }
    return nonPosts.contains(url) ? new NotAPost(url) : new Unknown(url);
  }

  public int size() {
    return set.lists().size();
  }
}
