package io.blogsearch.cli;

import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import java.util.concurrent.Callable;
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
    CrawlReport report;
    try (WriterLock lock = SiteServices.startWriting(site, "crawl",
        "use POST /api/admin/reindex with the admin token (it crawls and indexes)")) {
      report = new Crawler(site).crawl(progress);
    }
    if (report.fatalError() != null) {
      System.err.println("error: " + report.fatalError());
      return 1;
    }
    progress.summary(report, site.crawlDir().toString());
    return 0;
  }
}
