package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.WriterLock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: serves the bundled sample blog on localhost, crawls it and prints where to look. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the bundled sample blog, crawl it, index it and serve the API (Ctrl-C stops).")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--port", description = "Port of the search service (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
  int port;

  @Option(names = "--blog-port", description = "Port of the sample blog; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "7071")
  int blogPort;

  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--exit", description = "Exit once everything is up (crawl, index, API) instead of serving until Ctrl-C.")
  boolean exitAfterCrawl;

  @Override
  public Integer call() throws Exception {
    SiteConfig site = siteOptions.load();
    try (WriterLock lock = SiteServices.startWriting(site, "demo", "stop it before starting another demo on this data dir");
        SampleBlogServer blog = new SampleBlogServer(SampleBlog.load(), blogPort, Duration.ZERO)) {
      site = site.rebasedOnto(URI.create(blog.baseUrl() + "/"));
      System.out.println("Sample blog running at " + blog.baseUrl() + "/ — crawling it…");
      ConsoleProgress progress = new ConsoleProgress(System.out, false);
      CrawlReport report = new Crawler(site).crawl(progress);
      if (report.fatalError() != null) {
        System.err.println("error: " + report.fatalError());
        return 1;
      }
      progress.summary(report, site.crawlDir().toString());
      SemanticModel semantic = SiteServices.semanticModel(site);
      IndexBuilder.Result indexed = SiteServices.index(site, false, false, semantic);
      System.out.printf("Indexed %d posts in %d ms into %s; related lists in %d ms%n", indexed.stats().documents(),
          indexed.stats().millis(), indexed.stats().directory(), indexed.related().computedMillis());
      SiteConfig.Service svc = site.service();
      List<String> cors = new ArrayList<>(svc.corsOrigins());
      cors.add(blog.baseUrl());
      site = site.withService(new SiteConfig.Service(svc.synonyms(), cors, svc.queryTimeout(), svc.adminToken(),
          svc.publicPerSecond(), svc.adminPerMinute(), svc.recrawlInterval(), svc.trustedProxies(), svc.ingestToken()));
      String example = SiteServices.examplePost(site);
      try (RunningService service = RunningService.start(site, "127.0.0.1", port, true, example, semantic)) {
        String api = "http://127.0.0.1:" + service.api.port();
        blog.embedWidget(api + "/widget.js");
        System.out.println();
        System.out.println("Open:");
        System.out.println("  Search page      " + api + "/");
        System.out.println("  Widget demo      " + api + "/demo/widget  (a sample-blog post embedding the widget)");
        System.out.println("  Admin page       " + api + "/admin");
        System.out.println("  Sample blog      " + blog.baseUrl() + "/");
        ServeCommand.printUrls(api, example);
        System.out.println("  Admin API        http://127.0.0.1:" + service.api.port() + "/api/admin/status  (header "
            + "Authorization: Bearer " + (System.getenv(RunningService.TOKEN_ENV) != null ? "$" + RunningService.TOKEN_ENV
            : service.adminToken) + ")");
        System.out.println("  Crawl report     " + site.crawlDir().resolve("report.json"));
        if (exitAfterCrawl) {
          return 0;
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
      }
    }
  }
}
