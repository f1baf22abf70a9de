package io.blogsearch.index;

import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.extract.Article;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeds posts: each post's {@link PassageText} through an {@link Embedder}, keyed by URL. Texts
 * already in the {@link EmbeddingCache} are not embedded again.
 */
public final class PostVectors implements Indexer.Vectors {
  /** Texts per call to the embedder: each batch is embedded on every core, then stored in the cache. */
  private static final int BATCH = 32;

  /** Told how far embedding has come; may throw to stop it (a cancelled job). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> { };

    /** @param total texts this call embeds (those not in the cache); called first with 0 done, then after each batch */
    void embedded(int done, int total);
  }

  private final Embedder embedder;
  private final PassageText text;
  private final EmbeddingCache cache;
  private final Progress progress;
  private volatile int lastEmbedded;

  public PostVectors(Embedder embedder, PassageText text, EmbeddingCache cache) {
    this(embedder, text, cache, Progress.NONE);
  }

  public PostVectors(Embedder embedder, PassageText text, EmbeddingCache cache, Progress progress) {
    this.embedder = embedder;
    this.text = text;
    this.cache = cache;
    this.progress = progress;
  }

  /** The site's vectors: {@link PassageText#DEFAULT} through {@code embedder}, cached in the site's embeddings folder. */
  public static PostVectors forSite(Embedder embedder, java.nio.file.Path embeddingsDir, Progress progress) {
    return new PostVectors(embedder, PassageText.DEFAULT,
        EmbeddingCache.open(embeddingsDir, embedder.modelId(), embedder.dimension()), progress);
  }

  @Override
  public String modelId() {
    return embedder.modelId() + "/" + text.id();
  }

  /** Texts the last {@link #of} call had to embed (the rest came from the cache). */
  public int lastEmbedded() {
    return lastEmbedded;
  }

  @Override
  public Map<String, float[]> of(Collection<Article> articles) {
    Map<String, String> keyByUrl = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>(); // key -> text
    for (Article a : articles) {
      String passage = text.of(a);
      String key = EmbeddingCache.key(passage);
      keyByUrl.put(a.url(), key);
      if (cache.get(key) == null) {
        missing.putIfAbsent(key, passage);
      }
    }
    List<String> keys = new ArrayList<>(missing.keySet());
    lastEmbedded = 0;
    progress.embedded(0, keys.size());
    for (int i = 0; i < keys.size(); i += BATCH) {
      List<String> batch = keys.subList(i, Math.min(keys.size(), i + BATCH));
      List<float[]> vectors = embedder.embedPassages(batch.stream().map(missing::get).toList());
      Map<String, float[]> added = new HashMap<>();
      for (int j = 0; j < batch.size(); j++) {
        added.put(batch.get(j), vectors.get(j));
      }
      cache.putAll(added);
      lastEmbedded = i + batch.size();
      progress.embedded(lastEmbedded, keys.size());
    }
    Map<String, float[]> byUrl = new HashMap<>();
    keyByUrl.forEach((url, key) -> byUrl.put(url, cache.get(key)));
    return byUrl;
  }

  /** Lets the cache drop texts no post of {@code articles} has any more. */
  @Override
  public void retainOnly(Collection<Article> articles) {
    Set<String> live = new HashSet<>();
    articles.forEach(a -> live.add(EmbeddingCache.key(text.of(a))));
    cache.retainOnly(live);
  }
}
