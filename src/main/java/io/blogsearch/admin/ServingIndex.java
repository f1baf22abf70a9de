package io.blogsearch.admin;

import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedService;
import io.blogsearch.search.SearchService;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search engine and the related lists of one index generation, served together so search
 * and related never disagree. Reference-counted: a request holds it from start to end, and a
 * swapped-out index closes when its last request finishes.
 */
public final class ServingIndex {
  private final SearchService search;
  private final RelatedService related;
  private final Generations.Generation generation;
  private final AtomicInteger refs = new AtomicInteger(1);

  public ServingIndex(SearchService search, RelatedService related, Generations.Generation generation) {
    this.search = search;
    this.related = related;
    this.generation = generation;
  }

  public SearchService search() {
    return search;
  }

  public RelatedService related() {
    return related;
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
