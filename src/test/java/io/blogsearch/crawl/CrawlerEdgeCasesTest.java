package io.blogsearch.crawl;

import static io.blogsearch.crawl.TestSite.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad responses, odd markup and the discovery formats, each on a scripted localhost site. */
class CrawlerEdgeCasesTest {
  @TempDir Path data;
  private TestSite site;

  @BeforeEach
  void start() throws Exception {
    site = new TestSite();
    site.route("/robots.txt", new Reply(200, "text/plain", "User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private CrawlReport crawl(String extraYaml) throws InterruptedException {
    SiteConfig cfg = new ConfigLoader().parse("""
        name: edge
        seeds: [%s/]
        politeness: {concurrencyPerHost: 2, delay: 0ms}
        http: {retryBackoff: 5ms, readTimeout: 3s, fetchTimeout: 5s}
        limits: {maxBodyBytes: 100000}
        %s
        """.formatted(site.base(), extraYaml)).withDataDir(data);
    return new Crawler(cfg).crawl(CrawlListener.none());
  }

  private Map<String, Article> stored() {
    return new CrawlStore(data.resolve("edge/crawl")).loadArticles();
  }

  private static UrlOutcome outcome(CrawlReport r, String url) {
    return r.outcomes().stream().filter(o -> o.url().equals(url)).findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + url + " in " + r.outcomes()));
  }

  @Test
  void recordsEveryBadResponseWithItsReasonAndCarriesOn() throws Exception {
    try (TestSite other = new TestSite("127.0.0.2")) {
      String b = site.base();
      site.route("/", Reply.html(TestSite.home("/good/", "/loop-a", "/big/", "/file.pdf", "/broken/", "/flaky/",
              "/offsite", "/moved", "/mislabeled/", "/untyped/", "/gone/")))
          .route("/good/", Reply.html(TestSite.post("Good post", "Fine text.", "")))
          .route("/loop-a", Reply.redirect(b + "/loop-b"))
          .route("/loop-b", Reply.redirect("/loop-a"))
          .route("/big/", Reply.html(TestSite.post("Big", "x".repeat(200_000), "")))
          .route("/file.pdf", new Reply(200, "application/pdf", "%PDF-1.4 binary".getBytes(StandardCharsets.UTF_8)))
          .route("/broken/", Reply.html("<html><body class='single single-post postid-3'><article class='post'>"
              + "<h1 class=entry-title>Broken <b>markup</h1><div class=entry-content><p>Unclosed <i>tags <p>everywhere <td>x"))
          .route("/flaky/", Reply.status(500))
          .route("/offsite", Reply.redirect(other.base() + "/steal"))
          .route("/moved", new Reply(301, null, new byte[0], "Location", "/moved-target/"))
          .route("/moved-target/", Reply.html(TestSite.post("Moved post", "Moved text.", "")))
          .route("/mislabeled/", new Reply(200, "text/plain", TestSite.post("Mislabeled", "Text.", "").getBytes(StandardCharsets.UTF_8)))
          .route("/untyped/", new Reply(200, null, TestSite.post("Untyped", "Text.", "").getBytes(StandardCharsets.UTF_8)))
          .route("/gone/", Reply.status(410));

      CrawlReport r = crawl("");

      assertEquals(new UrlOutcome(b + "/loop-a", Outcome.ERROR, 302, "redirect loop via " + b + "/loop-a"), outcome(r, b + "/loop-a"));
      assertEquals(new UrlOutcome(b + "/big/", Outcome.ERROR, 200, "body of " + TestSite.post("Big", "x".repeat(200_000), "")
          .getBytes(StandardCharsets.UTF_8).length + " bytes exceeds the limit of 100000"), outcome(r, b + "/big/"));
      assertEquals(new UrlOutcome(b + "/file.pdf", Outcome.SKIPPED_NON_HTML, 200, "content type application/pdf"), outcome(r, b + "/file.pdf"));
      assertEquals(new UrlOutcome(b + "/flaky/", Outcome.ERROR, 500, "HTTP 500 after 3 attempts"), outcome(r, b + "/flaky/"));
      assertEquals(new UrlOutcome(b + "/offsite", Outcome.ERROR, 302,
          "redirect to disallowed URL " + other.base() + "/steal not followed"), outcome(r, b + "/offsite"));
      assertEquals(List.of(), other.requests(), "the other loopback address was never contacted");
      assertEquals(new UrlOutcome(b + "/moved", Outcome.INDEXED, 200, "new post as " + b + "/moved-target/"), outcome(r, b + "/moved"));
      assertEquals(new UrlOutcome(b + "/gone/", Outcome.NOT_FOUND, 410, "HTTP 410"), outcome(r, b + "/gone/"));
      assertEquals(Outcome.INDEXED, outcome(r, b + "/broken/").outcome());
      assertEquals(Set.of(b + "/good/", b + "/broken/", b + "/moved-target/", b + "/mislabeled/", b + "/untyped/"),
          stored().keySet());
      assertEquals("Broken markup", stored().get(b + "/broken/").title());
      assertEquals("Unclosed tags\n\neverywhere x", stored().get(b + "/broken/").body());
      assertEquals(3, site.requests().stream().filter(p -> p.equals("/flaky/")).count(), "1 try + 2 retries");
    }
  }

  @Test
  void honoursNoindexCanonicalAndNofollow() throws Exception {
    String b = site.base();
    site.route("/", Reply.html(TestSite.home("/noindex/", "/xrobots/", "/copy/", "/original/", "/nofollow/")))
        .route("/noindex/", Reply.html(TestSite.post("Hidden", "Text.", "<meta name='robots' content='noindex, follow'>")))
        .route("/xrobots/", new Reply(200, "text/html", TestSite.post("Hidden too", "Text.", "")
            .getBytes(StandardCharsets.UTF_8), "X-Robots-Tag", "noindex"))
        .route("/copy/", Reply.html(TestSite.post("Original", "Same text.", "<link rel=canonical href='/original/'>")))
        .route("/original/", Reply.html(TestSite.post("Original", "Same text.", "")))
        .route("/nofollow/", Reply.html(TestSite.post("Nofollow", "See <a href='/secret/'>this</a>.",
            "<meta name='robots' content='nofollow'>")))
        .route("/secret/", Reply.html(TestSite.post("Secret", "Text.", "")));

    CrawlReport r = crawl("");

    assertEquals(Outcome.SKIPPED_NOINDEX, outcome(r, b + "/noindex/").outcome());
    assertEquals(Outcome.SKIPPED_NOINDEX, outcome(r, b + "/xrobots/").outcome());
    assertEquals(Set.of(b + "/original/", b + "/nofollow/"), stored().keySet());
    assertEquals(1, r.count(Outcome.SKIPPED_DUPLICATE), r.outcomes().toString());
    assertTrue(site.requests().stream().noneMatch(p -> p.equals("/secret/")));
  }

  @Test
  void discoversPostsThroughAYoastSitemapIndexWithAGzippedSitemap() throws Exception {
    String b = site.base();
    String urlset = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>" + b + "/p1/</loc><lastmod>2024-01-01T00:00:00+00:00</lastmod></url><url><loc>" + b + "/p2/</loc></url></urlset>";
    site.route("/", Reply.html(TestSite.home()))
        .route("/sitemap_index.xml", new Reply(200, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + b
            + "/post-sitemap.xml.gz</loc></sitemap></sitemapindex>").getBytes(StandardCharsets.UTF_8)))
        .route("/post-sitemap.xml.gz", new Reply(200, "application/x-gzip", gzip(urlset)))
        .route("/p1/", Reply.html(TestSite.post("P1", "One.", "")))
        .route("/p2/", Reply.html(TestSite.post("P2", "Two.", "")));

    CrawlReport r = crawl("");

    assertEquals(Set.of(b + "/p1/", b + "/p2/"), stored().keySet());
    assertEquals(new UrlOutcome(b + "/sitemap_index.xml", Outcome.DISCOVERY, 200, "sitemap index: 1 sitemaps"),
        outcome(r, b + "/sitemap_index.xml"));
    assertEquals(new UrlOutcome(b + "/post-sitemap.xml.gz", Outcome.DISCOVERY, 200, "xml: 2 URLs"),
        outcome(r, b + "/post-sitemap.xml.gz"));
    assertEquals(Outcome.NOT_FOUND, outcome(r, b + "/wp-sitemap.xml").outcome(), "probed when robots.txt names none");
  }

  @Test
  void discoversPostsThroughRobotsSitemapAndRssFeed() throws Exception {
    String b = site.base();
    site.route("/robots.txt", new Reply(200, "text/plain", ("User-agent: *\nDisallow: /private/\nSitemap: " + b
            + "/sitemap.xml\nSitemap: http://elsewhere.example/sitemap.xml\n").getBytes(StandardCharsets.UTF_8)))
        .route("/", Reply.html("<html><head><link rel='alternate' type='application/rss+xml' href='/feed/'></head>"
            + "<body class='home blog'></body></html>"))
        .route("/sitemap.xml", new Reply(200, "text/xml", ("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + b + "/p1/</loc></url><url><loc>" + b + "/private/p3/</loc></url></urlset>").getBytes(StandardCharsets.UTF_8)))
        .route("/feed/", new Reply(200, "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
            + "<link>" + b + "/</link><item><title>P2</title><link>" + b + "/p2/</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8)))
        .route("/p1/", Reply.html(TestSite.post("P1", "One.", "")))
        .route("/p2/", Reply.html(TestSite.post("P2", "Two.", "")))
        .route("/private/p3/", Reply.html(TestSite.post("P3", "Three.", "")));

    CrawlReport r = crawl("");

    assertEquals(Set.of(b + "/p1/", b + "/p2/"), stored().keySet());
    assertEquals(Outcome.DISCOVERY, outcome(r, b + "/feed/").outcome());
    assertEquals(Outcome.ROBOTS_BLOCKED, outcome(r, b + "/private/p3/").outcome());
    assertTrue(site.requests().stream().noneMatch(p -> p.startsWith("/private/") || p.equals("/wp-sitemap.xml")));
  }

  @Test
  void robotsTxtAnswering500KeepsTheCrawlerOffTheHost() throws Exception {
    site.route("/robots.txt", Reply.status(500)).route("/", Reply.html(TestSite.home("/p1/")));

    CrawlReport r = crawl("");

    assertEquals(new UrlOutcome(site.base() + "/", Outcome.ROBOTS_BLOCKED, 0,
        "robots.txt answered HTTP 500: host not crawled"), outcome(r, site.base() + "/"));
    assertTrue(site.requests().stream().allMatch(p -> p.equals("/robots.txt")), site.requests().toString());
  }

  @Test
  void robotsTxtMissingAllowsEverything() throws Exception {
    site.route("/robots.txt", Reply.status(404)).route("/", Reply.html(TestSite.home("/p1/")))
        .route("/p1/", Reply.html(TestSite.post("P1", "One.", "")));

    crawl("");

    assertEquals(Set.of(site.base() + "/p1/"), stored().keySet());
  }

  @Test
  void stopsAtTheMaximumDepth() throws Exception {
    for (int i = 0; i < 6; i++) {
      site.route("/d" + i + "/", Reply.html(TestSite.home("/d" + (i + 1) + "/")));
    }
    site.route("/", Reply.html(TestSite.home("/d0/")));

    crawl("limits: {maxDepth: 2, maxBodyBytes: 100000}");

    assertTrue(site.requests().contains("/d1/"));
    assertTrue(!site.requests().contains("/d2/"), site.requests().toString());
  }

  private static byte[] gzip(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
