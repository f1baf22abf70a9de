package io.blogsearch.search;

import io.blogsearch.encoder.Embedder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query embeddings with a bounded least-recently-used cache: embedding one short query costs
 * tens of milliseconds of CPU, far more than the search itself, and visitors repeat queries
 * (and search-as-you-type repeats them within seconds). One instance serves every index
 * generation of a site, since the vectors depend on the model only.
 */
public final class QueryVectors {
  /** Entries kept by default: 384 floats each, about 1.5 MB in all. */
  public static final int DEFAULT_CAPACITY = 1024;

  private final Embedder embedder;
  private final Map<String, float[]> recent;
  private long hits;
  private long misses;

  public QueryVectors(Embedder embedder, int capacity) {
    this.embedder = embedder;
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  public QueryVectors(Embedder embedder) {
    this(embedder, DEFAULT_CAPACITY);
  }

  /** The model the vectors come from. */
  public String modelId() {
    return embedder.modelId();
  }

  /** The unit vector of {@code text}, from the cache when it was embedded recently. */
  public float[] of(String text) {
    synchronized (this) {
      float[] v = recent.get(text);
      if (v != null) {
        hits++;
        return v;
      }
      misses++;
    }
    // Embedded outside the lock: concurrent misses run in parallel (rarely the same text twice).
    float[] v = embedder.embedQuery(text);
    synchronized (this) {
      recent.put(text, v);
    }
    return v;
  }

  /** Look-ups answered from the cache and embedded, since the start. */
  public synchronized long[] hitsAndMisses() {
    return new long[] {hits, misses};
  }

  /** Forgets every cached vector (benchmarks measuring misses). */
  public synchronized void clear() {
    recent.clear();
  }
}
