package io.blogsearch.search;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.LoadResult;
import io.blogsearch.bench.QueryMix;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;

/**
 * How cost grows with the corpus: the Handbook replicated ×1, ×10 and ×100 (distinct URLs, each
 * copy's text lightly varied), generated lazily so the JVM never holds the whole corpus. For each
 * size: index time, index size, heap in use after GC with the index open for search, and search
 * p50/p99 in-process on the standard query mix. Not a test; run scripts/bench-scaling.sh.
 */
public final class ScalingBenchmark {
  public static void main(String[] args) throws Exception {
    int[] factors = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {1, 10, 100};
    BenchCorpus base = BenchCorpus.load("handbook");
    List<QueryMix.Search> queries = QueryMix.generate(base.posts(), 500, 42);
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    System.out.println("docs, index seconds, index MiB, heap MiB after GC (index open), search p50 ms, p99 ms, QPS (1 thread)");
    for (int factor : factors) {
      Path dir = Files.createTempDirectory("scaling-" + factor);
      Replicated corpus = new Replicated(base.articles(), factor);
      long t0 = System.nanoTime();
      Indexer.Stats stats = new Indexer(options.stemmer()).rebuild(corpus, dir);
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (SearchService search = SearchService.open(dir, options)) {
        for (int i = 0; i < 200; i++) {
          search.search(SearchRequest.of(queries.get(i % queries.size()).q()));
        }
        System.gc();
        Thread.sleep(500);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long[] nanos = new long[2000];
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
          long s = System.nanoTime();
          search.search(SearchRequest.of(queries.get(i % queries.size()).q()));
          nanos[i] = System.nanoTime() - s;
        }
        LoadResult r = LoadResult.of("", nanos, nanos.length, (System.nanoTime() - start) / 1e9, 0);
        System.out.printf(java.util.Locale.ROOT, "%d, %.1f, %.1f, %.1f, %.2f, %.2f, %.1f%n", stats.documents(), seconds,
            stats.bytes() / 1048576.0, heap / 1048576.0, r.p50ms(), r.p99ms(), r.qps());
      }
      deleteTree(dir);
    }
  }

  /** The articles {@code factor} times; copy n > 0 gets its own URLs and a varied first sentence. */
  private static final class Replicated extends AbstractCollection<Article> {
    private final List<Article> base;
    private final int factor;

    Replicated(List<Article> base, int factor) {
      this.base = base;
      this.factor = factor;
    }

    @Override
    public int size() {
      return base.size() * factor;
    }

    @Override
    public Iterator<Article> iterator() {
      return new Iterator<>() {
        private int i;

        @Override
        public boolean hasNext() {
          return i < size();
        }

        @Override
        public Article next() {
          Article a = base.get(i % base.size());
          int copy = i / base.size();
          i++;
          if (copy == 0) {
            return a;
          }
          return new Article(a.url().replace(BenchCorpus.BASE, BenchCorpus.BASE + "/copy-" + copy), a.title() + " (" + copy + ")",
              "Edition " + copy + " of this page. " + a.body(), a.excerpt(), a.author(), a.published(), a.modified(),
              a.categories(), a.tags(), a.comments(), a.relatedLinks());
        }
      };
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
