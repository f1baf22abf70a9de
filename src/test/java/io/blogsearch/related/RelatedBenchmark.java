package io.blogsearch.related;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.LoadResult;
import io.blogsearch.bench.Wrk;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.web.ApiServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Related posts: full precompute time, incremental recompute after one edited post, and
 * /api/related QPS and p50/p99 at 1, 8 and 32 connections (wrk) next to the in-process lookup.
 * Not a test; run scripts/bench-related.sh [sample|handbook] [seconds].
 */
public final class RelatedBenchmark {
  public static void main(String[] args) throws Exception {
    String corpusName = args.length > 0 ? args[0] : "handbook";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    BenchCorpus corpus = BenchCorpus.load(corpusName);
    Path dir = Files.createTempDirectory("bench-related");
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(corpus.articles(), dir);
    RelatedEngine engine = new RelatedEngine(RelatedOptions.defaults(SiteConfig.Related.defaults()), BlogAnalyzers.Stemmer.PORTER);
    engine.compute(corpus.articles(), dir, RelatedSet.empty(), List.of());
    RelatedSet full = engine.compute(corpus.articles(), dir, RelatedSet.empty(), List.of());
    System.out.printf("corpus %s: %d posts; full precompute %d ms (second run, warm JVM)%n", corpusName, full.lists().size(), full.computedMillis());
    List<Article> edited = new ArrayList<>(corpus.articles());
    Article a = edited.get(edited.size() / 2);
    edited.set(edited.size() / 2, new Article(a.url(), a.title(), a.body() + "\n\nOne more paragraph on hiring managers.", a.excerpt(),
        a.author(), a.published(), a.modified(), a.categories(), a.tags(), a.comments(), a.relatedLinks()));
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(edited, dir);
    RelatedSet incremental = engine.compute(edited, dir, full, List.of());
    System.out.printf("after editing one post: %d lists recomputed in %d ms%n", incremental.recomputed(), incremental.computedMillis());
    RelatedService related = new RelatedService(incremental);
    List<String> urls = new ArrayList<>(incremental.lists().keySet());
    Collections.shuffle(urls, new Random(3));
    List<String> paths = urls.subList(0, Math.min(500, urls.size())).stream()
        .map(u -> "/api/related?limit=5&url=" + URLEncoder.encode(u, StandardCharsets.UTF_8)).toList();
    List<LoadResult> results = new ArrayList<>();
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    try (SearchService search = SearchService.open(dir, options);
        ApiServer api = new ApiServer(io.blogsearch.admin.ServingManager.fixed(search, related), new UrlNormalizer(Set.of()), List.of())
            .start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + api.port();
      Path script = Wrk.script(paths);
      Wrk.run("warm-up", base, script, 8, 5);
      for (int c : new int[] {1, 8, 32}) {
        results.add(Wrk.run("HTTP /api/related, wrk, " + c + " connections", base, script, c, seconds));
      }
    }
    long[] nanos = new long[2_000_000];
    int n = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    while (System.nanoTime() < end && n < nanos.length) {
      long s = System.nanoTime();
      related.lookup(urls.get(n % urls.size()), 5);
      nanos[n++] = System.nanoTime() - s;
    }
    results.add(LoadResult.of("in-process lookup, 1 thread", nanos, n, (System.nanoTime() - t0) / 1e9, 0));
    System.out.println(LoadResult.header());
    results.forEach(r -> System.out.println(r.row()));
  }
}
