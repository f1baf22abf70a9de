package io.blogsearch.admin;

import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedLookup;
import io.blogsearch.related.RelatedService;
import io.blogsearch.search.SearchBackend;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.search.SemanticSettings;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.lucene.search.ReferenceManager;

/**
 * Hands the serving index to requests and swaps in a newly published generation atomically
 * (every generation it serves has first opened and answered a smoke query):
 * after {@link #maybeRefreshBlocking()} new requests see the new generation while requests in
 * flight finish on the old one, which then closes.
 */
public final class ServingManager extends ReferenceManager<ServingIndex> {
  private final Generations generations;
  private final Function<Generations.Generation, ServingIndex> opener;
  /** A generation {@link #publish} opened and checked, handed to the next refresh. */
  private final AtomicReference<ServingIndex> pending = new AtomicReference<>();

  private ServingManager(ServingIndex first, Generations generations, Function<Generations.Generation, ServingIndex> opener) {
    this.current = first;
    this.generations = generations;
    this.opener = opener;
  }

  /** Serves the current generation under {@code generations}; empty if none was ever published. */
  public static Optional<ServingManager> open(Generations generations, SearchOptions options) {
    return open(generations, options, SemanticSettings.keywordOnly());
  }

  /** As {@link #open(Generations, SearchOptions)}; every generation it serves searches by meaning too when {@code semantic} allows. */
  public static Optional<ServingManager> open(Generations generations, SearchOptions options, SemanticSettings semantic) {
    return open(generations, g -> ServingIndex.open(g, options, semantic));
  }

  /**
   * As {@link #open(Generations, SearchOptions, SemanticSettings)}, but a site that has never
   * published serves an empty index until its first generation is published (a site just added).
   */
  public static ServingManager openOrEmpty(Generations generations, SearchOptions options, SemanticSettings semantic) {
    Function<Generations.Generation, ServingIndex> opener = g -> ServingIndex.open(g, options, semantic);
    return open(generations, opener).orElseGet(() -> new ServingManager(
        new ServingIndex(SearchService.empty(options), new RelatedService(io.blogsearch.related.RelatedSet.empty()), null),
        generations, opener));
  }

  /** As {@link #open(Generations, SearchOptions)} with another way to open a generation (tests). */
  static Optional<ServingManager> open(Generations generations, Function<Generations.Generation, ServingIndex> opener) {
    return generations.current().map(g -> new ServingManager(openChecked(opener, g), generations, opener));
  }

  /** Opens {@code g} and smoke-tests it; closes it again and throws if it does not answer. */
  private static ServingIndex openChecked(Function<Generations.Generation, ServingIndex> opener, Generations.Generation g) {
    ServingIndex opened = opener.apply(g);
    try {
      opened.smokeTest();
      return opened;
    } catch (RuntimeException e) {
      opened.discard();
      throw e;
    }
  }

  /** Serves one fixed index (tests and benchmarks); never refreshes. */
  public static ServingManager fixed(SearchBackend search, RelatedLookup related) {
    return new ServingManager(new ServingIndex(search, related, null), null, null);
  }

  @Override
  protected void decRef(ServingIndex s) throws IOException {
    s.decRef();
  }

  @Override
  protected ServingIndex refreshIfNeeded(ServingIndex old) {
    if (generations == null) {
      return null;
    }
    ServingIndex published = pending.getAndSet(null);
    if (published != null) {
      return published;
    }
    Optional<Generations.Generation> cur = generations.current();
    if (cur.isEmpty() || old.generation() != null && cur.get().number() == old.generation().number()) {
      return null;
    }
    return openChecked(opener, cur.get());
  }

  @Override
  protected boolean tryIncRef(ServingIndex s) {
    return s.tryIncRef();
  }

  @Override
  protected int getRefCount(ServingIndex s) {
    return s.refCount();
  }

  /**
   * Publishes {@code g} only if it opens and answers: opens it as it will be served, runs a smoke
   * query, then {@code markServing} (writes {@code COMPLETE}, moves {@code CURRENT}), then serves
   * it. Any failure closes it again, leaving disk and the serving index as they were (as far as
   * {@code markServing} got).
   */
  public void publish(Generations.Generation g, Runnable markServing) {
    if (generations == null) {
      throw new IllegalStateException("a fixed index cannot publish generations");
    }
    ServingIndex fresh = openChecked(opener, g);
    try {
      markServing.run();
    } catch (RuntimeException e) {
      fresh.discard();
      throw e;
    }
    pending.set(fresh);
    swap();
  }

  /** Opens {@code g} as {@link #publish} would and smoke-tests it, then closes it (no server to swap). */
  public static void verify(Generations.Generation g, SearchOptions options) {
    openChecked(h -> ServingIndex.open(h, options), g).discard();
  }

  /** Swaps to the current generation now (after a publish or rollback). */
  public void swap() {
    try {
      maybeRefreshBlocking();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs {@code work} against the serving index, holding it for the duration. */
  public <T> T with(Function<ServingIndex, T> work) {
    ServingIndex s;
    try {
      s = acquire();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      return work.apply(s);
    } finally {
      try {
        release(s);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
