package io.blogsearch.cli;

import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crawl}: crawls one site per its config and saves posts, state and report. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Crawl a blog as its site config says; posts go to <dataDir>/<name>/crawl/.")
final class CrawlCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines, summary only.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    SiteConfig site = siteOptions.load();
    ConsoleProgress progress = new ConsoleProgress(System.out, quiet);
    // SIGTERM/Ctrl-C: stop fetching, save what was fetched and the report, then let the JVM exit.
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch saved = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopping.set(true);
      try {
        saved.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "crawl-shutdown");
    CrawlReport report;
    try (WriterLock lock = SiteServices.startWriting(site, "crawl",
        "use POST /api/admin/reindex with the admin token (it crawls and indexes)")) {
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        report = new Crawler(site).crawl(progress, CrawlPlan.incremental(), stopping::get);
      } finally {
        saved.countDown();
      }
      if (!stopping.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    if (report.fatalError() != null) {
      System.err.println("error: " + report.fatalError());
      return 1;
    }
    progress.summary(report, site.crawlDir().toString());
    return 0;
  }
}
