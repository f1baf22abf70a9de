package io.blogsearch.bench;

import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import java.nio.file.Path;

/**
 * Post vectors for benchmarks, kept in an embeddings folder outside the work tree (system
 * property {@code bench.embeddings}, default {@code ../cache/<model id>}) so the minutes of CPU
 * that embedding the Handbook costs are spent once and reused by every later run.
 */
public final class BenchVectors {
  /** The passage text the site embeds (as {@code IndexBuilder}'s default). */
  public static final PassageText PASSAGE = PassageText.DEFAULT;

  private BenchVectors() {}

  /** The embeddings folder of {@code embedder}. */
  public static Path cacheDir(Embedder embedder) {
    return Path.of(System.getProperty("bench.embeddings", "../cache/" + embedder.modelId()));
  }

  /** Vectors of posts by {@code embedder}, through its cache. */
  public static Indexer.Vectors of(Embedder embedder) {
    return new PostVectors(embedder, PASSAGE, EmbeddingCache.open(cacheDir(embedder), embedder.modelId(), embedder.dimension()));
  }

  /** Fills the cache for a corpus (sample or handbook): {@code run-test-class.sh 2g io.blogsearch.bench.BenchVectors handbook}. */
  public static void main(String[] args) {
    BenchCorpus corpus = BenchCorpus.load(args.length > 0 ? args[0] : "sample");
    Embedder embedder = OnnxEmbedder.bgeSmall();
    long t0 = System.nanoTime();
    PostVectors vectors = (PostVectors) of(embedder);
    vectors.of(corpus.articles());
    System.out.printf("%s: %d posts, %d embedded now, %.1f s, cache %s%n", corpus.name(), corpus.articles().size(),
        vectors.lastEmbedded(), (System.nanoTime() - t0) / 1e9, cacheDir(embedder).toAbsolutePath().normalize());
  }
}
