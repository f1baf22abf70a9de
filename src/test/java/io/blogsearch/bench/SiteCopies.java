package io.blogsearch.bench;

import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.index.BlogAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sites for the many-sites benchmark: one real crawl and index of a blog (served on localhost),
 * then as many sites as asked, each with its own config file and its own full copy of that data
 * dir (real files, not links: every site holds its own writer lock and index files).
 */
final class SiteCopies {
  /** One crawled and indexed blog to copy from. */
  record Template(String kind, Path dataRoot, String name, int pages, long bytes) {}

  private SiteCopies() {}

  /** Crawls {@code blog} over HTTP and builds its first generation under {@code root/templates}. */
  static Template build(String kind, SampleBlog blog, Path root) throws Exception {
    Path data = root.resolve("templates");
    try (SampleBlogServer server = new SampleBlogServer(blog, 0, Duration.ZERO)) {
      SiteConfig site = new ConfigLoader().parse(siteYaml("tpl-" + kind, server.baseUrl())).withDataDir(data);
      CrawlReport crawl = new io.blogsearch.crawl.Crawler(site).crawl(CrawlListener.none());
      new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
      int pages = (int) crawl.outcomes().stream().filter(o -> o.status() == 200).count();
      return new Template(kind, data, site.name(), pages, size(data.resolve(site.name())));
    }
  }

  /**
   * Writes {@code count} site configs named {@code prefix-01…} under {@code scenario/sites} and
   * copies the template's data dir for each under {@code scenario/data}. Returns the site names.
   */
  static List<String> copies(Template template, String prefix, int count, Path scenario) throws IOException {
    Files.createDirectories(scenario.resolve("sites"));
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = String.format(Locale.ROOT, "%s-%02d", prefix, i);
      // the seeds point at a blog that is gone by now: these sites only serve, no job runs
      Files.writeString(scenario.resolve("sites").resolve(name + ".yaml"), siteYaml(name, "http://127.0.0.1:9"));
      copyTree(template.dataRoot().resolve(template.name()), scenario.resolve("data").resolve(name));
      names.add(name);
    }
    return names;
  }

  static String siteYaml(String name, String seed) {
    return """
        name: %s
        seeds: [%s/]
        limits: {maxPages: 100000, maxDepth: 1000}
        politeness: {concurrencyPerHost: 4, delay: 0ms}
        semantic: {enabled: false}
        """.formatted(name, seed);
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, target);
        }
      }
    }
  }
}
