package io.blogsearch.search;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.BenchVectors;
import io.blogsearch.bench.LoadResult;
import io.blogsearch.bench.Medians;
import io.blogsearch.bench.QueryMix;
import io.blogsearch.bench.Wrk;
import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.web.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hybrid (and semantic) /api/search against keyword search at 8 connections (wrk), same index
 * (the corpus with bge post vectors, from the {@link BenchVectors} cache), same process, same
 * 500-search mix, three rounds, medians. Two servers over the same index: one caching query
 * embeddings (after a warm-up every query is a cache hit: the cost of fusion alone) and one with
 * the cache off (every request embeds its query: the honest cost of a new query). Not a test;
 * run scripts/bench-hybrid.sh [sample|handbook] [seconds].
 */
public final class HybridBenchmark {
  private static final int CONNECTIONS = 8;

  public static void main(String[] args) throws Exception {
    String corpusName = args.length > 0 ? args[0] : "handbook";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    if (!Wrk.available()) {
      throw new IllegalStateException("wrk is missing: apt-get install -y wrk");
    }
    BenchCorpus corpus = BenchCorpus.load(corpusName);
    Embedder bge = OnnxEmbedder.bgeSmall();
    Path dir = Files.createTempDirectory("bench-hybrid-index");
    SearchOptions options = SearchOptions.defaults(
        BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    Indexer.Stats stats = new Indexer(options.stemmer(), BenchVectors.of(bge)).rebuild(corpus.articles(), dir);
    System.out.printf(Locale.ROOT, "corpus %s: %d docs indexed with vectors in %d ms, %d KiB; %d connections, %d s per run%n",
        corpusName, stats.documents(), stats.millis(), stats.bytes() / 1024, CONNECTIONS, seconds);
    List<String> paths = QueryMix.generate(corpus.posts(), 500, 42).stream().map(QueryMix.Search::path).toList();
    QueryVectors cached = new QueryVectors(bge, QueryVectors.DEFAULT_CAPACITY);
    QueryVectors uncached = new QueryVectors(bge, 0);
    try (SearchService withCache = SearchService.open(dir, options, SemanticSettings.of(cached, SearchMode.HYBRID, 60));
        SearchService noCache = SearchService.open(dir, options, SemanticSettings.of(uncached, SearchMode.HYBRID, 60));
        ApiServer cachedApi = server(withCache);
        ApiServer uncachedApi = server(noCache)) {
      String cachedBase = "http://127.0.0.1:" + cachedApi.port();
      String uncachedBase = "http://127.0.0.1:" + uncachedApi.port();
      Path keyword = Wrk.script(withMode(paths, "keyword"));
      Path hybrid = Wrk.script(withMode(paths, "hybrid"));
      Path semantic = Wrk.script(withMode(paths, "semantic"));
      for (String p : withMode(paths, "hybrid")) {
        withCache.search(SearchRequest.of(java.net.URLDecoder.decode(p.substring(p.indexOf("q=") + 2, p.indexOf('&')),
            java.nio.charset.StandardCharsets.UTF_8)).withMode(SearchMode.HYBRID));
      }
      Wrk.run("warm-up", cachedBase, keyword, CONNECTIONS, 5);
      Wrk.run("warm-up", cachedBase, hybrid, CONNECTIONS, 5);
      Wrk.run("warm-up", uncachedBase, hybrid, CONNECTIONS, 5);
      Map<String, List<LoadResult>> runs = new LinkedHashMap<>();
      for (int round = 1; round <= 3; round++) {
        add(runs, Wrk.run("keyword", cachedBase, keyword, CONNECTIONS, seconds), round);
        add(runs, Wrk.run("hybrid, query embeddings cached (hits)", cachedBase, hybrid, CONNECTIONS, seconds), round);
        add(runs, Wrk.run("hybrid, cache off (every query embedded)", uncachedBase, hybrid, CONNECTIONS, seconds), round);
        add(runs, Wrk.run("semantic, query embeddings cached (hits)", cachedBase, semantic, CONNECTIONS, seconds), round);
        add(runs, Wrk.run("semantic, cache off (every query embedded)", uncachedBase, semantic, CONNECTIONS, seconds), round);
      }
      report(runs);
      long[] hm = cached.hitsAndMisses();
      System.out.printf(Locale.ROOT, "cached server: %d query embeddings from the cache, %d embedded; cache-off server: %d embedded%n",
          hm[0], hm[1], uncached.hitsAndMisses()[1]);
    }
  }

  private static ApiServer server(SearchService search) {
    return new ApiServer(ServingManager.fixed(search, new RelatedService(RelatedSet.empty())), new UrlNormalizer(Set.of()),
        List.of()).start("127.0.0.1", 0);
  }

  /** The paths asking for {@code mode}. */
  private static List<String> withMode(List<String> paths, String mode) {
    return paths.stream().map(p -> p + "&mode=" + mode).toList();
  }

  private static void add(Map<String, List<LoadResult>> runs, LoadResult r, int round) {
    System.out.println("round " + round + ": " + r.row());
    runs.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
  }

  private static void report(Map<String, List<LoadResult>> runs) {
    System.out.println();
    System.out.println("median of 3 rounds                                   QPS    p50 ms    p99 ms  errors   QPS/kw  p99/kw");
    List<LoadResult> kw = runs.get("keyword");
    double kwQps = Medians.of(kw.stream().map(LoadResult::qps).toList());
    double kwP99 = Medians.of(kw.stream().map(LoadResult::p99ms).toList());
    runs.forEach((label, rs) -> {
      double qps = Medians.of(rs.stream().map(LoadResult::qps).toList());
      double p50 = Medians.of(rs.stream().map(LoadResult::p50ms).toList());
      double p99 = Medians.of(rs.stream().map(LoadResult::p99ms).toList());
      long errors = rs.stream().mapToLong(LoadResult::errors).sum();
      System.out.printf(Locale.ROOT, "%-48s %8.1f %9.2f %9.2f %7d %8.3f %7.2f%n", label, qps, p50, p99, errors, qps / kwQps, p99 / kwP99);
    });
  }
}
