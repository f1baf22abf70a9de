package io.blogsearch.admin;

import io.blogsearch.index.PostHashes;
import java.util.Map;
import java.util.Optional;

import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedLookup;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedStore;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import io.blogsearch.search.SearchBackend;
import io.blogsearch.search.SearchService;
import io.blogsearch.search.SemanticSettings;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search engine and the related lists of one index generation, served together so search
 * and related never disagree. Reference-counted: a request holds it from start to end, and a
 * swapped-out index closes when its last request finishes.
 */
public final class ServingIndex {
  private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");

  private final SearchBackend search;
  private final RelatedLookup related;
  private final Generations.Generation generation;
  private final AtomicInteger refs = new AtomicInteger(1);
  /** The generation's {@code posts.sha}, read on first use (only pushes ask). */
  private volatile Map<String, String> postHashes;

  public ServingIndex(SearchBackend search, RelatedLookup related, Generations.Generation generation) {
    this.search = search;
    this.related = related;
    this.generation = generation;
  }

  /**
   * Opens everything a generation serves: search (with facets and autocomplete) and related
   * lists. Refuses a generation of another index layout.
   */
  public static ServingIndex open(Generations.Generation g, SearchOptions options) {
    return open(g, options, SemanticSettings.keywordOnly());
  }

  /** As {@link #open(Generations.Generation, SearchOptions)}, searching by meaning too when {@code semantic} allows. */
  public static ServingIndex open(Generations.Generation g, SearchOptions options, SemanticSettings semantic) {
    Generations.requireReadableLayout(g);
    SearchService search = SearchService.open(g.dir(), options, semantic);
    try {
      return new ServingIndex(search, new RelatedService(RelatedStore.load(g.dir())), g);
    } catch (RuntimeException e) {
      closeQuietly(search);
      throw e;
    }
  }

  /**
   * One request through each part a visitor reaches — browse with facets, a word search,
   * autocomplete, related posts — failing if any part throws or the index disagrees with itself.
   */
  void smokeTest() {
    String name = generation == null ? "the index" : generation.name();
    int documents = search.documentCount();
    SearchResponse all = search.search(SearchRequest.of(""));
    if (all.total() != documents) {
      throw new IllegalStateException(name + ": browsing finds " + all.total() + " of " + documents + " posts");
    }
    if (all.hits().isEmpty()) {
      return;
    }
    SearchResponse.Hit first = all.hits().get(0);
    // a plain word of the title: query syntax in titles (quotes, a leading minus) is not what is tested here
    Matcher word = PLAIN_WORD.matcher(first.title());
    if (word.find()) {
      search.search(SearchRequest.of(word.group()));
      search.suggest(word.group().substring(0, Math.min(3, word.group().length())), 5);
    }
    if (related.size() > 0 && related.lookup(first.url(), 5) instanceof RelatedLookup.Unknown) {
      throw new IllegalStateException(name + ": no related list for " + first.url());
    }
  }

  /** Closes an index that was opened but never served. */
  void discard() {
    try {
      decRef();
    } catch (IOException e) {
      // nothing was served from it
    }
  }

  private static void closeQuietly(SearchBackend search) {
    try {
      search.close();
    } catch (IOException | RuntimeException e) {
      // already failing; the first error is the one worth reporting
    }
  }

  public SearchBackend search() {
    return search;
  }

  public RelatedLookup related() {
    return related;
  }

  /**
   * The content hash ({@link PostHashes}) of the post served at {@code url}; empty when none is, or
   * when the generation keeps no hashes (a fixed index, or one built before they were kept).
   */
  public Optional<String> postHash(String url) {
    Map<String, String> hashes = postHashes;
    if (hashes == null) {
      hashes = generation == null ? Map.of() : PostHashes.load(generation.dir()).orElse(Map.of());
      postHashes = hashes;
    }
    return Optional.ofNullable(hashes.get(url));
  }

  /** The generation served, or null for a fixed index outside any generation folder. */
  public Generations.Generation generation() {
    return generation;
  }

  boolean tryIncRef() {
    for (int n = refs.get(); n > 0; n = refs.get()) {
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  void decRef() throws IOException {
    if (refs.decrementAndGet() == 0) {
      search.close();
    }
  }

  int refCount() {
    return refs.get();
  }
}
