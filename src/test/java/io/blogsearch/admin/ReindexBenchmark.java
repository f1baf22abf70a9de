package io.blogsearch.admin;

import io.blogsearch.bench.Medians;
import io.blogsearch.bench.Pages;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.Selectors;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.crawl.UrlOutcome;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.PageAnalysis;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;

/**
 * Reindex time end to end — crawl over HTTP, index, related lists, publish — for the sample blog
 * or the Handbook served as a WordPress-style site on localhost: a full run, then an incremental
 * one (conditional GETs), then the bare parse+extract+index of the same pages already in memory
 * (2 threads parsing, no HTTP, no crawl bookkeeping), whose rate over the full run's crawl+index
 * rate is the pipeline's efficiency. Repeated for several rounds; medians printed last. Not a
 * test; run scripts/bench-reindex.sh [sample|handbook] [rounds].
 */
public final class ReindexBenchmark {
  public static void main(String[] args) throws Exception {
    String corpus = args.length > 0 ? args[0] : "sample";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SampleBlog blog = corpus.equals("handbook")
        ? HandbookCorpus.load(Path.of("../shared/corpora/handbook/content")).blog() : SampleBlog.load();
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    try (SampleBlogServer server = new SampleBlogServer(blog, 0, Duration.ZERO)) {
      for (int round = 1; round <= rounds; round++) {
        Path data = Files.createTempDirectory("bench-reindex");
        SiteConfig site = new ConfigLoader().parse("name: bench\nseeds: [" + server.baseUrl() + "/]\n"
            + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nlimits: {maxPages: 100000, maxDepth: 1000}\n").withDataDir(data);
        List<String> pages = List.of();
        double crawlIndexSec = 0;
        for (CrawlPlan plan : new CrawlPlan[] {CrawlPlan.full(), CrawlPlan.incremental()}) {
          String mode = plan.mode().name().toLowerCase(Locale.ROOT);
          long t0 = System.nanoTime();
          CrawlReport report = new Crawler(site).crawl(p -> { }, plan, () -> false);
          long t1 = System.nanoTime();
          IndexBuilder.Result result = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(plan.mode() == CrawlPlan.Mode.FULL, () -> false);
          long t2 = System.nanoTime();
          System.out.printf(Locale.ROOT, "round %d: %s reindex of %s: %.1f s total = crawl %.1f s (%d requests, %.0f/s, %d posts, %d not modified) + index %.1f s (%d docs) + related %.1f s (%d lists recomputed)%n",
              round, mode, corpus, (t2 - t0) / 1e9, (t1 - t0) / 1e9, report.requests(), report.requests() / ((t1 - t0) / 1e9),
              report.articles(), report.count(Outcome.NOT_MODIFIED), result.stats().millis() / 1e3, result.stats().documents(),
              result.related().computedMillis() / 1e3, result.related().recomputed());
          figures.computeIfAbsent(mode + " total s", k -> new ArrayList<>()).add((t2 - t0) / 1e9);
          figures.computeIfAbsent(mode + " crawl s", k -> new ArrayList<>()).add((t1 - t0) / 1e9);
          figures.computeIfAbsent(mode + " index s", k -> new ArrayList<>()).add(result.stats().millis() / 1e3);
          figures.computeIfAbsent(mode + " related s", k -> new ArrayList<>()).add(result.related().computedMillis() / 1e3);
          if (plan.mode() == CrawlPlan.Mode.FULL) {
            pages = report.outcomes().stream().filter(o -> o.status() == 200).map(UrlOutcome::url).toList();
            crawlIndexSec = (t1 - t0) / 1e9 + result.stats().millis() / 1e3;
            figures.computeIfAbsent("pipeline crawl+index pages/s", k -> new ArrayList<>()).add(pages.size() / crawlIndexSec);
          }
        }
        double bareSec = bareParseAndIndex(pages);
        double pipeline = pages.size() / crawlIndexSec;
        double bare = pages.size() / bareSec;
        System.out.printf(Locale.ROOT, "round %d: %d pages: crawl+index %.1f pages/s; bare parse+extract+index %.1f pages/s (%.1f s); ratio %.2f%n",
            round, pages.size(), pipeline, bare, bareSec, pipeline / bare);
        figures.computeIfAbsent("bare parse+extract+index pages/s", k -> new ArrayList<>()).add(bare);
        figures.computeIfAbsent("ratio pipeline / bare", k -> new ArrayList<>()).add(pipeline / bare);
      }
    }
    System.out.printf("%nmedians of %d rounds (%s)%n", rounds, corpus);
    figures.forEach((name, xs) -> System.out.printf(Locale.ROOT, "%-36s %9.2f   %s%n", name, Medians.of(xs),
        xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()));
  }

  /** Seconds to parse, extract and index pages whose HTML is already in memory. */
  private static double bareParseAndIndex(List<String> urls) throws Exception {
    List<String> html = Pages.html(urls);
    ArticleExtractor extractor = new ArticleExtractor(Selectors.wordpressDefaults(),
        new UrlNormalizer(ConfigLoader.DEFAULT_STRIP_PARAMS), false);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long t0 = System.nanoTime();
    List<Future<PageAnalysis>> parsed = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      String page = html.get(i);
      parsed.add(pool.submit(() -> extractor.analyze(url, Jsoup.parse(page, url))));
    }
    Map<String, Article> posts = new LinkedHashMap<>();
    for (Future<PageAnalysis> f : parsed) {
      f.get().article().ifPresent(a -> posts.put(a.url(), a));
    }
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(posts.values(), Files.createTempDirectory("bench-bare"));
    double sec = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return sec;
  }

}
