package io.blogsearch.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.crawl.WordPressSite;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.web.ApiMetrics;
import io.blogsearch.web.ApiServer;
import io.blogsearch.web.ApiSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the WordPress plugin's PHPUnit suite (wordpress-plugin/tests) against a real WordPress
 * (scripts/wordpress/start.sh, the sample blog imported, the plugin installed from the zip that
 * scripts/wordpress/build-plugin-zip.sh builds) and a real engine over HTTP in this JVM: the WordPress crawled, indexed and
 * served with an admin token, so pushes go through PUT/DELETE /api/admin/posts. PHPUnit's output,
 * its summary line included, is printed as it runs; the test fails when PHPUnit does. Skipped only
 * when WordPress or phpunit is missing here, and never under CI=true (see {@link WordPressSite}).
 */
class WordPressPluginTest {
  private static final String TOKEN = "plugin-test-token";
  private static final Path ZIP = Path.of("target/blogsearch-wordpress.zip");
  private static final Path TESTS = Path.of("wordpress-plugin/tests");
  private static final Pattern SUMMARY = Pattern.compile("^(OK \\((\\d+) tests?, (\\d+) assertions?\\)|Tests: \\d+.*)$", Pattern.MULTILINE);

  @Test
  void pluginPhpUnitSuitePassesAgainstRealWordPressAndEngine() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/phpunit"))) {
      WordPressSite.unavailable("phpunit is not installed (run scripts/wordpress/install-packages.sh)");
    }
    Path work = Files.createTempDirectory("wp-plugin-test");
    Path export = work.resolve("export.json");
    WordPressSite.writeSampleExport(export);
    try (WordPressSite wordpress = WordPressSite.start(export.toString(), "twentytwentyone")) {
      install(wordpress.contentDir().resolve("plugins"));
      try (Engine engine = Engine.start(wordpress.baseUrl(), work.resolve("engine"))) {
        String output = phpunit(Map.of(
            "BLOGSEARCH_WP_PORT", String.valueOf(wordpress.port()),
            "BLOGSEARCH_ENGINE_URL", engine.baseUrl(),
            "BLOGSEARCH_TOKEN", TOKEN,
            "BLOGSEARCH_WP_ERROR_LOG", wordpress.errorLog().toString()));
        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), "PHPUnit printed no summary line");
        assertTrue(summary.group(1).startsWith("OK ("), "PHPUnit failed: " + summary.group(1));
        assertTrue(Integer.parseInt(summary.group(2)) >= 30, "the whole suite ran: " + summary.group(1));
      }
    }
  }

  /**
   * Installs the plugin as a site owner would: the zip scripts/wordpress/build-plugin-zip.sh builds,
   * unpacked into wp-content/plugins (readable by Apache's www-data workers).
   */
  private static void install(Path plugins) throws IOException, InterruptedException {
    Process build = new ProcessBuilder("bash", "scripts/wordpress/build-plugin-zip.sh").redirectErrorStream(true).start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, build.waitFor(), "build-plugin-zip.sh: " + log);
    System.out.println(log.lines().findFirst().orElse(""));
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ZIP))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertTrue(e.getName().startsWith("blogsearch/") && !e.getName().contains(".."), "zip entry outside blogsearch/: " + e.getName());
        Path to = plugins.resolve(e.getName());
        for (Path d = to.getParent(); !d.equals(plugins); d = d.getParent()) {
          Files.createDirectories(d);
          Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (!e.isDirectory()) {
          Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
          files++;
        }
      }
    }
    assertTrue(Files.isRegularFile(plugins.resolve("blogsearch/blogsearch.php")), "the zip holds blogsearch/blogsearch.php");
    System.out.println("installed " + files + " files from " + ZIP);
  }

  /** Runs the suite, echoing each line as it comes; its whole output. */
  private static String phpunit(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("phpunit", "--configuration", TESTS.resolve("phpunit.xml").toString(), "--testdox")
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println("phpunit | " + line);
        out.append(line).append('\n');
      }
    }
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("phpunit did not finish in 20 minutes");
    }
    assertEquals(0, p.exitValue(), "phpunit exit code (its output is above)");
    return out.toString();
  }

  /** The engine on the WordPress's posts: crawled once, then served with the admin token (push API included). */
  private record Engine(ServingManager serving, ReindexJobs jobs, ApiServer api) implements AutoCloseable {
    static Engine start(String wordpress, Path data) throws Exception {
      SiteConfig site = new ConfigLoader().parse("name: wp\nseeds: [" + wordpress + "/]\n"
          + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nhttp: {readTimeout: 20s}\n").withDataDir(data);
      long t0 = System.nanoTime();
      new Crawler(site).crawl(CrawlListener.none());
      SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
      new IndexBuilder(site, options.stemmer()).build(true, () -> false);
      ServingManager serving = ServingManager.open(new Generations(site.generationsDir()), options).orElseThrow();
      ApiMetrics metrics = new ApiMetrics();
      ReindexJobs jobs = new ReindexJobs(site, options.stemmer(), serving, metrics.jobsOf(site.name()));
      ApiServer api = new ApiServer(serving, new UrlNormalizer(site.stripQueryParams()),
          new ApiSettings(List.of(), 0, 0, TOKEN, null), metrics, new ApiServer.Admin(jobs, site)).start("127.0.0.1", 0);
      System.out.printf("engine: crawled and indexed %s in %.1f s, serving %s posts on port %d%n", wordpress,
          (System.nanoTime() - t0) / 1e9, serving.with(s -> s.search().documentCount()), api.port());
      return new Engine(serving, jobs, api);
    }

    String baseUrl() {
      return "http://127.0.0.1:" + api.port();
    }

    @Override
    public void close() throws Exception {
      jobs.close();
      api.close();
      serving.close();
    }
  }
}
