package io.blogsearch.crawl;

import static io.blogsearch.crawl.TestSite.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawl traps recognised before fetching, and pages that must not break or mislead a crawl. */
class CrawlerTrapsTest {
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
        name: traps
        seeds: [%s/]
        politeness: {concurrencyPerHost: 1, delay: 0ms}
        http: {retryBackoff: 5ms, readTimeout: 3s, fetchTimeout: 5s, maxRetries: 0}
        %s
        """.formatted(site.base(), extraYaml)).withDataDir(data);
    return new Crawler(cfg).crawl(CrawlListener.none());
  }

  private Map<String, Article> stored() {
    return new CrawlStore(data.resolve("traps/crawl")).loadArticles();
  }

  private static String post(String title, String extraHead) {
    return TestSite.post(title, "Text of " + title + ".", extraHead);
  }

  private List<UrlOutcome> traps(CrawlReport r) {
    return r.outcomes().stream().filter(o -> o.outcome() == Outcome.TRAP).toList();
  }

  @Test
  void neverFetchesQueryLoopPaginationNorCacheBusters() throws Exception {
    site.route("/", Reply.html(TestSite.home("/?query-0-page=2&cst", "/?query-0-page=3&query-1-page=2&cst",
            "/a/?query-1-page=2", "/a/?replytocom=5", "/a/?preview=true&_wpnonce=abc", "/a/")))
        .route("/a/", Reply.html(post("A", "")));

    CrawlReport r = crawl("");

    assertEquals(List.of("/robots.txt", "/", "/a/", "/author/ann/"), site.requests().stream()
        .filter(t -> !t.contains("sitemap")).toList());
    assertEquals(Set.of(site.base() + "/a/"), stored().keySet());
    assertEquals(0, r.count(Outcome.ERROR), r.outcomes().toString());
  }

  @Test
  void stopsFetchingVariantsOfAPathOnceTwoCanonicalisedToOneUrl() throws Exception {
    String canonical = "<link rel=\"canonical\" href=\"" + site.base() + "/p/\">";
    String[] variants = {"/p/?color=red", "/p/?color=blue", "/p/?color=green", "/p/?size=l", "/p/?size=m&color=red"};
    site.route("/", Reply.html(TestSite.home(variants))).route("/p/", Reply.html(post("P", canonical)));
    for (String v : variants) {
      site.route(v, Reply.html(post("P", canonical)));
    }

    CrawlReport r = crawl("");

    List<String> fetchedVariants = site.requests().stream().filter(t -> t.startsWith("/p/?")).toList();
    assertEquals(List.of("/p/?color=red", "/p/?color=blue"), fetchedVariants);
    assertEquals(1, site.requests().stream().filter(t -> t.equals("/p/")).count());
    List<UrlOutcome> traps = traps(r);
    assertEquals(1, traps.size(), traps.toString());
    assertEquals("3 URLs not fetched: query variants of " + site.base() + "/p/ canonicalise to " + site.base() + "/p/",
        traps.get(0).reason());
    assertEquals(3, r.count(Outcome.TRAP));
    assertEquals(Set.of(site.base() + "/p/"), stored().keySet());
  }

  @Test
  void stopsAnEndlessCalendarAtItsPatternBudget() throws Exception {
    site.route("/", Reply.html(TestSite.home("/cal/2024/1/", "/post/")))
        .route("/post/", Reply.html(post("Post", "")));
    for (int month = 1; month <= 40; month++) {
      site.route("/cal/2024/" + month + "/", Reply.html("<html><body class=\"archive date\"><a href=\"/cal/2024/"
          + (month + 1) + "/\">next month</a></body></html>"));
    }

    CrawlReport r = crawl("limits: {trapBudget: 5}");

    assertEquals(5, site.requests().stream().filter(t -> t.startsWith("/cal/")).count(), site.requests().toString());
    List<UrlOutcome> traps = traps(r);
    assertEquals(List.of("1 URL not fetched: budget of 5 pages without a post: " + site.base() + "/cal/{n}/{n}/"),
        traps.stream().map(UrlOutcome::reason).toList());
    assertEquals(Set.of(site.base() + "/post/"), stored().keySet());
  }

  @Test
  void neverFetchesPerPostFeedsAmpOrEmbedCopies() throws Exception {
    String head = "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/post/feed/\">";
    site.route("/", Reply.html(TestSite.home("/post/", "/post/amp/", "/post/embed/", "/wp-json/wp/v2/posts")))
        .route("/post/", Reply.html(post("Post", head)));

    CrawlReport r = crawl("");

    assertEquals(Set.of("/robots.txt", "/", "/post/", "/author/ann/"), site.requests().stream()
        .filter(t -> !t.contains("sitemap")).collect(Collectors.toSet()));
    assertEquals(4, r.count(Outcome.TRAP), traps(r).toString());
    String host = " (" + site.base() + ")";
    assertEquals(Set.of("1 URL not fetched: never a post: per-post and per-term feeds …/feed/" + host,
        "1 URL not fetched: never a post: AMP, embed and trackback copies …/amp/" + host,
        "1 URL not fetched: never a post: AMP, embed and trackback copies …/embed/" + host,
        "1 URL not fetched: never a post: REST API /wp-json/…" + host),
        traps(r).stream().map(UrlOutcome::reason).collect(Collectors.toSet()));
  }

  @Test
  void keepsTheCrawledUrlWhenTheCanonicalIsOnAHostNotAllowed() throws Exception {
    site.route("/", Reply.html(TestSite.home("/mirrored/")))
        .route("/mirrored/", Reply.html(post("Mirrored", "<link rel=\"canonical\" href=\"https://cdn.other.example/m/\">")));

    CrawlReport r = crawl("");

    String crawled = site.base() + "/mirrored/";
    assertEquals(Set.of(crawled), stored().keySet());
    assertEquals(crawled, stored().get(crawled).url());
    UrlOutcome o = r.outcomes().stream().filter(x -> x.url().equals(crawled)).findFirst().orElseThrow();
    assertEquals(Outcome.INDEXED, o.outcome());
    assertTrue(o.reason().endsWith("(canonical https://cdn.other.example/m/ is on a host not allowed: ignored)"), o.reason());
    assertTrue(site.requests().stream().noneMatch(t -> t.contains("/m/")));
  }

  @Test
  void resolvesRootRelativeSitemapLocations() throws Exception {
    site.route("/robots.txt", new Reply(200, "text/plain", ("User-agent: *\nDisallow:\nSitemap: " + site.base()
            + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8)))
        .route("/", Reply.html(TestSite.home()))
        .route("/sitemap.xml", new Reply(200, "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>/only-in-sitemap/</loc></url>
              <url><loc> <![CDATA[/second/?a=1&amp;b=2]]> </loc></url>
            </urlset>""".getBytes(StandardCharsets.UTF_8)))
        .route("/only-in-sitemap/", Reply.html(post("Only in the sitemap", "")))
        .route("/second/?a=1&b=2", Reply.html(post("Second", "")));

    CrawlReport r = crawl("");

    assertEquals(Set.of(site.base() + "/only-in-sitemap/", site.base() + "/second/?a=1&b=2"), stored().keySet());
    UrlOutcome sitemap = r.outcomes().stream().filter(o -> o.url().endsWith("/sitemap.xml")).findFirst().orElseThrow();
    assertEquals(Outcome.DISCOVERY, sitemap.outcome());
    assertTrue(sitemap.reason().endsWith(": 2 URLs"), sitemap.reason());
  }

  @Test
  void aPageThatThrowsIsAnErrorLineAndTheCrawlGoesOn() throws Exception {
    // A site's own selector plus a hostile page: java.util.regex overflows the stack on this input.
    site.route("/", Reply.html(TestSite.home("/hostile/", "/fine/")))
        .route("/hostile/", Reply.html(post("Hostile", "").replace("<p>Text of Hostile.</p>",
            "<p>" + "x".repeat(200_000) + "</p>")))
        .route("/fine/", Reply.html(post("Fine", "")));

    CrawlReport r = crawl("selectors: {remove: [\"p:matchesOwn((x|y)*z)\"]}");

    UrlOutcome hostile = r.outcomes().stream().filter(o -> o.url().endsWith("/hostile/")).findFirst().orElseThrow();
    assertEquals(Outcome.ERROR, hostile.outcome());
    assertTrue(hostile.reason().startsWith("exception while processing: java.lang.StackOverflowError"), hostile.reason());
    assertEquals(Set.of(site.base() + "/fine/"), stored().keySet());
    assertTrue(r.complete(), "one failing page does not make the crawl incomplete");
  }

  @Test
  void reportsACrawlWhereManyPagesFailAsDegraded() throws Exception {
    site.route("/", Reply.html(TestSite.home("/a/", "/b/", "/c/", "/d/")))
        .route("/a/", Reply.html(post("A", ""))).route("/b/", Reply.status(500)).route("/c/", Reply.status(503));

    CrawlReport degraded = crawl("limits: {degradedErrorShare: 0.15}");
    CrawlReport tolerated = crawl("limits: {degradedErrorShare: 0.5}");

    // 9 URLs fetched: robots.txt is not counted; /, 4 links, the author page, 3 sitemap probes.
    assertEquals(2, degraded.count(Outcome.ERROR));
    assertTrue(degraded.degraded(), "2 of 9 fetched URLs failed, above 15 %");
    assertFalse(tolerated.degraded());
  }

  @Test
  void generalisesDigitsAndQueryValuesIntoPatterns() {
    assertEquals("http://h/{n}/{n}/?m={v}", TrapGuard.generalise(URI.create("http://h/2024/05/?m=202405"), true));
    assertEquals("http://h/category/x/page/{n}/", TrapGuard.generalise(URI.create("http://h/category/x/page/7/"), true));
    assertEquals("http://h/2024/05/?m=202405", TrapGuard.generalise(URI.create("http://h/2024/05/?m=202405"), false));
  }
}
