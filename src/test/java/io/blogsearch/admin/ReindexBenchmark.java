package io.blogsearch.admin;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.index.BlogAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reindex time end to end — crawl over HTTP, index, related lists, publish — for the sample blog
 * or the Handbook served as a WordPress-style site on localhost; first a full run, then an
 * incremental one (conditional GETs). Not a test; run scripts/bench-reindex.sh [sample|handbook].
 */
public final class ReindexBenchmark {
  public static void main(String[] args) throws Exception {
    String corpus = args.length > 0 ? args[0] : "sample";
    SampleBlog blog = corpus.equals("handbook")
        ? HandbookCorpus.load(Path.of("../shared/corpora/handbook/content")).blog() : SampleBlog.load();
    Path data = Files.createTempDirectory("bench-reindex");
    try (SampleBlogServer server = new SampleBlogServer(blog, 0, Duration.ZERO)) {
      SiteConfig site = new ConfigLoader().parse("name: bench\nseeds: [" + server.baseUrl() + "/]\n"
          + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nlimits: {maxPages: 100000, maxDepth: 1000}\n").withDataDir(data);
      for (CrawlPlan plan : new CrawlPlan[] {CrawlPlan.full(), CrawlPlan.incremental()}) {
        long t0 = System.nanoTime();
        CrawlReport report = new Crawler(site).crawl(p -> { }, plan, () -> false);
        long t1 = System.nanoTime();
        IndexBuilder.Result result = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(plan.mode() == CrawlPlan.Mode.FULL, () -> false);
        long t2 = System.nanoTime();
        System.out.printf("%s reindex of %s: %.1f s total = crawl %.1f s (%d requests, %.0f/s, %d posts, %d not modified) + index %.1f s (%d docs) + related %.1f s (%d lists recomputed)%n",
            plan.mode().name().toLowerCase(), corpus, (t2 - t0) / 1e9, (t1 - t0) / 1e9, report.requests(), report.requests() / ((t1 - t0) / 1e9),
            report.articles(), report.count(Outcome.NOT_MODIFIED), result.stats().millis() / 1e3, result.stats().documents(),
            result.related().computedMillis() / 1e3, result.related().recomputed());
      }
    }
  }
}
