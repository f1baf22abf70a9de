package io.blogsearch.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * What serving asks of a search engine holding one site's posts, whichever engine that is: the
 * embedded Lucene index ({@link SearchService}) or a remote one. Every implementation keeps the
 * visitor contract of {@link SearchResponse}: {@code title} and every other field is plain text,
 * and {@code snippet} is the post's text HTML-escaped with only {@code <mark>}/{@code </mark>}
 * added (a backend whose engine highlights otherwise must rewrite its output to this form).
 * Bad visitor input is a {@link BadRequestException}, never another exception.
 */
public interface SearchBackend extends Closeable {
  /** One page of results with facets, snippets, "did you mean" and relaxation. */
  SearchResponse search(SearchRequest request);

  /** Up to {@code limit} titles and tags completing {@code prefix}. */
  List<Suggestion> suggest(String prefix, int limit);

  /** The stored post with this canonical URL. */
  Optional<PostView> post(String url);

  /** The stored post with this {@link io.blogsearch.extract.PostId}. */
  Optional<PostView> postById(String id);

  /** Posts served now. */
  int documentCount();
}
