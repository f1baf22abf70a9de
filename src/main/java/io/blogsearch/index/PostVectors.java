package io.blogsearch.index;

import io.blogsearch.encoder.Embedder;
import io.blogsearch.extract.Article;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Embeds posts: each post's {@link PassageText} through an {@link Embedder}, keyed by URL. */
public final class PostVectors implements Indexer.Vectors {
  private final Embedder embedder;
  private final PassageText text;

  public PostVectors(Embedder embedder, PassageText text) {
    this.embedder = embedder;
    this.text = text;
  }

  @Override
  public String modelId() {
    return embedder.modelId() + "/" + text.id();
  }

  @Override
  public Map<String, float[]> of(Collection<Article> articles) {
    List<Article> list = new ArrayList<>(articles);
    List<float[]> vectors = embedder.embedPassages(list.stream().map(text::of).toList());
    Map<String, float[]> byUrl = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      byUrl.put(list.get(i).url(), vectors.get(i));
    }
    return byUrl;
  }
}
