package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WordPress Theme Unit Test data (../shared/corpora/wordpress-theme-unit-test: every edge
 * case theme authors test against) imported into a real WordPress by scripts/wordpress/import-wxr.php,
 * crawled with the stock template config crawler-config/example-wordpress.yaml under the classic
 * theme twentytwentyone and the block theme twentytwentythree, and compared field by field with
 * what WordPress itself says (scripts/wordpress/dump-truth.php): exactly the published posts are
 * indexed, each with its title, author, date, categories, tags, comments and all of its pages, for
 * at most 1.5 requests per page. The accuracy table and every mismatch are printed and written to
 * target/theme-unit-test-report.txt.
 */
class ThemeUnitTestCrawlTest {
  private static final Path WXR = Path.of("../shared/corpora/wordpress-theme-unit-test/themeunittestdata.wordpress.xml");
  private static final Path REPORT = Path.of("target/theme-unit-test-report.txt");
  private static final int MAX_PAGES = 1500;
  private static WordPressSite wordpress;

  @BeforeAll
  static void importThemeUnitTest() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(WXR), WXR + " is not present");
    long t0 = System.nanoTime();
    wordpress = WordPressSite.start("none", "twentytwentyone");
    String imported = wordpress.php("import-wxr.php", WXR.toAbsolutePath().toString());
    System.out.printf("Theme Unit Test imported in %.1f s (WordPress start included):%n%s", (System.nanoTime() - t0) / 1e9, imported);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, "WordPress Theme Unit Test crawled with crawler-config/example-wordpress.yaml\n\n", StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stopWordPress() throws Exception {
    if (wordpress != null) {
      wordpress.close();
    }
  }

  @Test
  void readsEveryPublishedPostWithTheClassicTheme() throws Exception {
    crawlAndCompare("twentytwentyone");
  }

  @Test
  void readsEveryPublishedPostWithTheBlockTheme() throws Exception {
    crawlAndCompare("twentytwentythree");
  }

  @Test
  void importerRejectsMalformedWxrNamingTheProblem() throws Exception {
    Path dir = Files.createTempDirectory("bad-wxr");
    String wxr = Files.readString(WXR, StandardCharsets.UTF_8);
    Path truncated = Files.writeString(dir.resolve("truncated.xml"), wxr.substring(0, wxr.length() / 2));
    assertImportFails(truncated, "is not well-formed XML (line ");
    Path badStatus = Files.writeString(dir.resolve("status.xml"),
        wxr.replaceFirst("<wp:status><!\\[CDATA\\[publish]]></wp:status>", "<wp:status>published</wp:status>"));
    assertImportFails(badStatus, "<wp:status> is 'published'");
    Path notWxr = Files.writeString(dir.resolve("rss.xml"), "<rss version=\"2.0\"><channel><title>x</title></channel></rss>");
    assertImportFails(notWxr, "is not a WXR export: no xmlns:wp namespace");
  }

  private static void assertImportFails(Path file, String message) throws IOException, InterruptedException {
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> wordpress.php("import-wxr.php", file.toString()));
    assertTrue(e.getMessage().contains("exited 2") && e.getMessage().contains(message), e.getMessage());
  }

  private void crawlAndCompare(String theme) throws Exception {
    wordpress.switchTheme(theme);
    // Dumped per theme: a theme may change what WordPress prints (twentytwentyone titles an untitled post "Untitled").
    WordPressTruth truth = WordPressTruth.parse(wordpress.php("dump-truth.php"));
    assertNotEquals(List.of(), truth.posts(), "the import left no published posts");
    SiteConfig site = stockConfig(Files.createTempDirectory("theme-unit-test-" + theme));
    long t0 = System.nanoTime();
    CrawlReport report = new Crawler(site).crawl(CrawlListener.none());
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Article> stored = new CrawlStore(site.crawlDir()).loadArticles();
    CrawlTruthComparison comparison = new CrawlTruthComparison(truth, stored, report);
    String text = comparison.describe(String.format("%s: %d published posts (+%d password-protected, %d unpublished), "
        + "%d indexed, crawl %.1f s", theme, truth.posts().size(), truth.protectedPosts().size(), truth.unpublished().size(),
        stored.size(), seconds));
    System.out.println(text);
    Files.writeString(REPORT, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertTrue(comparison.mismatches().isEmpty(), text);
    assertTrue(comparison.requestsWithinBudget(), text);
  }

  /**
   * The template config as shipped, moved onto the local WordPress. Only the politeness suits a
   * local test, and the limits are lowered so that a crawler trap fails the test in minutes rather
   * than crawling for the template's two hours: the blog has about 800 distinct URLs.
   */
  private SiteConfig stockConfig(Path data) {
    SiteConfig s = new ConfigLoader().load(Path.of("crawler-config/example-wordpress.yaml"))
        .rebasedOnto(URI.create(wordpress.baseUrl() + "/"));
    SiteConfig.Politeness p = s.politeness();
    SiteConfig.Limits l = s.limits();
    return new SiteConfig(s.name(), s.seeds(), s.allowedHosts(), s.include(), s.exclude(), s.sitemaps(), s.stripQueryParams(),
        new SiteConfig.Limits(MAX_PAGES, l.maxDepth(), l.maxBodyBytes(), Duration.ofMinutes(10), l.trapBudget(),
        l.degradedErrorShare()), new SiteConfig.Politeness(4,
        Duration.ZERO, p.maxCrawlDelay(), p.userAgent(), p.respectRobots(), p.followNofollowLinks()), s.http(), s.crawl(), s.selectors(),
        s.service(), s.related(), s.semantic(), data);
  }
}
