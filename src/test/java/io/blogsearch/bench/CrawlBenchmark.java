package io.blogsearch.bench;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.Selectors;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.crawl.UrlOutcome;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.UrlNormalizer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;

/**
 * Crawl+extract throughput on the sample blog with politeness off, next to two baselines run in
 * the same process on the same URLs: plain HTTP fetching with the same concurrency (no parsing),
 * and parse+extract alone on bodies already in memory. Not a test; run scripts/bench-crawl.sh.
 */
public final class CrawlBenchmark {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int concurrency = 4;
    try (SampleBlogServer blog = new SampleBlogServer(SampleBlog.load(), 0, Duration.ZERO)) {
      List<Double> crawlRates = new ArrayList<>();
      List<Double> fetchRates = new ArrayList<>();
      List<Double> extractRates = new ArrayList<>();
      List<String> urls = List.of();
      for (int i = -3; i < runs; i++) {
        Path dir = Files.createTempDirectory("bench-crawl");
        SiteConfig cfg = new ConfigLoader().parse("name: bench\nseeds: [" + blog.baseUrl() + "/]\n"
            + "politeness: {concurrencyPerHost: " + concurrency + ", delay: 0ms}\n").withDataDir(dir);
        long t0 = System.nanoTime();
        CrawlReport report = new Crawler(cfg).crawl(CrawlListener.none());
        double crawlSec = (System.nanoTime() - t0) / 1e9;
        urls = report.outcomes().stream().filter(o -> o.status() == 200).map(UrlOutcome::url).toList();
        double fetchSec = fetchAll(urls, concurrency);
        double extractSec = extractAll(urls);
        if (i >= 0) {
          crawlRates.add(report.requests() / crawlSec);
          fetchRates.add(urls.size() / fetchSec);
          extractRates.add(urls.size() / extractSec);
        }
      }
      double crawl = Medians.of(crawlRates);
      double fetch = Medians.of(fetchRates);
      double extract = Medians.of(extractRates);
      System.out.printf(Locale.ROOT, "pages per crawl: %d requests (%d answered 200)%n", urls.size() + 0, urls.size());
      System.out.printf(Locale.ROOT, "crawl+extract (politeness off, %d conns): median %.1f pages/s over %d runs (min %.1f, max %.1f)%n",
          concurrency, crawl, runs, Collections.min(crawlRates), Collections.max(crawlRates));
      System.out.printf(Locale.ROOT, "baseline fetch only (%d conns):          median %.1f pages/s%n", concurrency, fetch);
      System.out.printf(Locale.ROOT, "baseline parse+extract only (1 thread):  median %.1f pages/s%n", extract);
      System.out.printf(Locale.ROOT, "ratio crawl / fetch-only: %.2f%n", crawl / fetch);
    }
  }

  private static double fetchAll(List<String> urls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (String u : urls) {
      fs.add(pool.submit(() -> {
        HttpURLConnection c = (HttpURLConnection) URI.create(u).toURL().openConnection();
        c.setRequestProperty("Accept-Encoding", "gzip");
        try (InputStream in = c.getInputStream()) {
          in.readAllBytes();
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return sec;
  }

  private static double extractAll(List<String> urls) throws Exception {
    List<String> bodies = Pages.html(urls);
    ArticleExtractor extractor = new ArticleExtractor(Selectors.wordpressDefaults(),
        new UrlNormalizer(Set.of()), false);
    long t0 = System.nanoTime();
    for (int i = 0; i < bodies.size(); i++) {
      extractor.analyze(urls.get(i), Jsoup.parse(bodies.get(i), urls.get(i)));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

}
