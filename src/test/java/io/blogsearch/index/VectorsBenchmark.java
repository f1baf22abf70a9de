package io.blogsearch.index;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.Medians;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.extract.Article;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * The whole Handbook's posts embedded as the index stage embeds them ({@link PassageText#DEFAULT}
 * through bge on every core, empty cache each round): wall and CPU time; then one edited post
 * with the cache warm; then the index with no vectors, float32 and int7-quantised vectors — size,
 * heap with the index open and searched, kNN overlap@10 with exact search, kNN latency. Saves the
 * cache file for others to reuse. Not a test; run scripts/bench-vectors.sh [rounds] [cache-out-dir].
 */
public final class VectorsBenchmark {
  private static final int QUERIES = 500;

  private VectorsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path cacheOut = args.length > 1 ? Path.of(args[1]) : null;
    List<Article> articles = new ArrayList<>(BenchCorpus.load("handbook").articles());
    articles.sort(Comparator.comparing(Article::url));
    Path work = Files.createTempDirectory("vectors-bench");
    int cores = Runtime.getRuntime().availableProcessors();
    try (OnnxEmbedder bge = OnnxEmbedder.bgeSmall()) {
      bge.embedPassages(List.of("warm up"));
      System.out.printf(Locale.ROOT, "Handbook: %d posts, text %s, model %s, %d cores%n", articles.size(),
          PassageText.DEFAULT.id(), bge.modelId(), cores);
      List<Double> walls = new ArrayList<>();
      Path cacheDir = null;
      for (int r = 1; r <= rounds; r++) {
        cacheDir = work.resolve("cache-" + r);
        PostVectors vectors = new PostVectors(bge, PassageText.DEFAULT, EmbeddingCache.open(cacheDir, bge.modelId(), bge.dimension()));
        double load0 = load();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        vectors.of(articles);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        walls.add(wall);
        System.out.printf(Locale.ROOT, "round %d: embedded %d texts in %.1f s wall (%.1f min), %.1f s CPU (CPU/%d cores = %.1f min);"
            + " load average %.1f -> %.1f%n", r, vectors.lastEmbedded(), wall, wall / 60, cpu, cores, cpu / cores / 60, load0, load());
      }
      System.out.printf(Locale.ROOT, "median wall of %d: %.1f min%n", rounds, Medians.of(walls) / 60);
      EmbeddingCache cache = EmbeddingCache.open(cacheDir, bge.modelId(), bge.dimension());
      editOne(bge, cache, articles);
      if (cacheOut != null) {
        Files.createDirectories(cacheOut);
        String file = bge.modelId() + ".vec";
        Files.copy(cacheDir.resolve(file), cacheOut.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("cache (" + cache.size() + " vectors of " + PassageText.DEFAULT.id() + " texts) saved to "
            + cacheOut.resolve(file));
      }
      formats(new PostVectors(bge, PassageText.DEFAULT, cache), articles, work);
    }
  }

  private static void editOne(OnnxEmbedder bge, EmbeddingCache cache, List<Article> articles) {
    Article a = articles.get(articles.size() / 2);
    Article edited = new Article(a.url(), a.title(), "An edited opening sentence about async standups. " + a.body(),
        a.excerpt(), a.author(), a.published(), a.modified(), a.categories(), a.tags(), a.comments(), a.relatedLinks());
    List<Article> after = articles.stream().map(x -> x == a ? edited : x).toList();
    PostVectors vectors = new PostVectors(bge, PassageText.DEFAULT, cache);
    long t0 = System.nanoTime();
    vectors.of(after);
    System.out.printf(Locale.ROOT, "one edited post: %d text embedded, all %d vectors ready in %.0f ms%n",
        vectors.lastEmbedded(), after.size(), (System.nanoTime() - t0) / 1e6);
  }

  private record Format(String name, Indexer.Vectors vectors, VectorFormat format) {}

  private static void formats(PostVectors cached, List<Article> articles, Path work) throws Exception {
    Map<String, float[]> all = cached.of(articles);
    List<float[]> queries = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      queries.add(all.get(articles.get(i * articles.size() / QUERIES).url()));
    }
    List<Set<String>> exact = new ArrayList<>();
    for (float[] q : queries) {
      exact.add(exactTop10(q, all));
    }
    for (Format f : List.of(new Format("no vectors", Indexer.NO_VECTORS, VectorFormat.FLOAT32),
        new Format("float32 HNSW", cached, VectorFormat.FLOAT32), new Format("int7 HNSW", cached, VectorFormat.INT7))) {
      Path dir = work.resolve(f.name().replace(' ', '-'));
      long heap0 = usedHeap();
      Indexer.Stats stats = new Indexer(BlogAnalyzers.Stemmer.PORTER, f.vectors(), f.format()).rebuild(articles, dir);
      try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // small segments go into compound files, so the vectors' cost is the size over the index without them
        String line = String.format(Locale.ROOT, "%-12s index %.1f MiB, built in %d ms", f.name(),
            stats.bytes() / 1048576.0, stats.millis());
        if (f.vectors() == Indexer.NO_VECTORS) {
          System.out.printf(Locale.ROOT, "%s | heap with the index open %.1f MiB%n", line, (usedHeap() - heap0) / 1048576.0);
          continue;
        }
        double overlap = 0;
        List<Double> perQuery = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          long t0 = System.nanoTime();
          overlap = 0;
          for (int i = 0; i < queries.size(); i++) {
            Set<String> got = new HashSet<>();
            for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, queries.get(i), 10), 10).scoreDocs) {
              got.add(searcher.storedFields().document(sd.doc).get(IndexSchema.URL));
            }
            got.retainAll(exact.get(i));
            overlap += got.size() / 10.0;
          }
          perQuery.add((System.nanoTime() - t0) / 1e3 / queries.size());
        }
        System.out.printf(Locale.ROOT, "%s | heap with the index open and searched %.1f MiB | overlap@10 with exact %.4f"
            + " | kNN k=10 %.0f µs/query (median of 3 rounds of %d)%n", line, (usedHeap() - heap0) / 1048576.0,
            overlap / queries.size(), Medians.of(perQuery), queries.size());
      }
    }
  }

  private static Set<String> exactTop10(float[] q, Map<String, float[]> all) {
    return all.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, float[]> e) -> -dot(q, e.getValue())))
        .limit(10).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
