package io.blogsearch.bench;

import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.index.BlogAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-process body for the kill -9 trials: full crawl, then index + related + publish, over and
 * over until killed, printing the phase it enters so the parent knows where each kill landed.
 * Args: config YAML file, data dir.
 */
public final class CrawlIndexLoop {
  private CrawlIndexLoop() {}

  public static void main(String[] args) throws Exception {
    SiteConfig site = new ConfigLoader().parse(Files.readString(Path.of(args[0]))).withDataDir(Path.of(args[1]));
    IndexBuilder builder = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER);
    System.out.println("ready");
    System.out.flush();
    while (true) {
      System.out.println("crawl " + System.nanoTime());
      System.out.flush();
      new Crawler(site).crawl(CrawlListener.none(), CrawlPlan.full(), () -> false);
      System.out.println("build " + System.nanoTime());
      System.out.flush();
      builder.build(true, () -> false);
    }
  }
}
