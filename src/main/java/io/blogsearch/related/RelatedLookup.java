package io.blogsearch.related;

import java.util.Optional;

/**
 * What serving asks of a site's related lists, wherever they are kept: precomputed in memory from
 * the generation's files ({@link RelatedService}) or stored with each post in a remote engine.
 */
public interface RelatedLookup {
  /** What a look-up found. */
  sealed interface Answer permits Found, NotAPost, Unknown {}

  /** The post's list. */
  record Found(RelatedList list) implements Answer {}

  /** The URL is a page of the site, but not a post. */
  record NotAPost(String url) implements Answer {}

  /** The URL is not known at all. */
  record Unknown(String url) implements Answer {}

  /** The post's list (at most {@code limit} items), or why there is none. */
  Answer lookup(String url, int limit);

  /** The canonical URL of the post with this {@link io.blogsearch.extract.PostId}. */
  Optional<String> urlOf(String id);

  /** Posts that have a list. */
  int size();
}
