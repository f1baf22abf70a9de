package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls the generated sample blog over real HTTP on localhost and checks what comes out. */
class CrawlerSampleBlogTest {
  private static final SampleBlog BLOG = SampleBlog.load();

  @TempDir Path data;
  private SampleBlogServer server;

  @BeforeEach
  void start() throws Exception {
    server = new SampleBlogServer(BLOG, 0, Duration.ZERO);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static SiteConfig config(String base, Path dataDir, String extraYaml) {
    return new ConfigLoader().parse("""
        name: test
        seeds: [%s/]
        politeness: {concurrencyPerHost: 4, delay: 0ms}
        http: {retryBackoff: 5ms, connectTimeout: 2s, readTimeout: 5s}
        %s
        """.formatted(base, extraYaml)).withDataDir(dataDir);
  }

  private CrawlReport crawl() throws InterruptedException {
    return new Crawler(config(server.baseUrl(), data, "")).crawl(CrawlListener.none());
  }

  private Map<String, Article> stored() {
    return new CrawlStore(data.resolve("test").resolve("crawl")).loadArticles();
  }

  private String url(SamplePost p) {
    return server.baseUrl() + p.path();
  }

  private List<String> urlsWith(CrawlReport r, Outcome o) {
    return r.outcomes().stream().filter(u -> u.outcome() == o).map(UrlOutcome::url).sorted().toList();
  }

  @Test
  void findsExactlyThePostUrlsAndIndexesNoArchive() throws Exception {
    CrawlReport report = crawl();

    Set<String> expected = BLOG.posts().stream().map(this::url).collect(Collectors.toSet());
    assertEquals(expected, stored().keySet());
    assertEquals(expected, Set.copyOf(urlsWith(report, Outcome.INDEXED)));
    assertTrue(report.complete());
    assertNull(report.fatalError());
    assertEquals(37, report.articles());
    List<String> archives = urlsWith(report, Outcome.SKIPPED_ARCHIVE);
    String b = server.baseUrl();
    for (String archive : List.of("/", "/page/2/", "/page/4/", "/category/leadership/", "/category/people-hr/",
        "/tag/1-1-meetings/", "/tag/okr/", "/author/liam-oconnor/", "/2019/04/", "/2025/03/")) {
      assertTrue(archives.contains(b + archive), "archive crawled but not indexed: " + archive);
    }
    assertEquals(List.of(b + "/about/"), urlsWith(report, Outcome.SKIPPED_NOT_POST));
    assertEquals(0, report.count(Outcome.ERROR));
  }

  @Test
  void extractedFieldsEqualTheGeneratorsSourceData() throws Exception {
    crawl();
    Map<String, Article> stored = stored();
    for (SamplePost p : BLOG.posts()) {
      Article a = stored.get(url(p));
      assertNotNull(a, p.slug());
      assertEquals(p.title(), a.title(), p.slug());
      assertEquals(p.plainBody(), a.body(), p.slug());
      assertEquals(p.author(), a.author(), p.slug());
      assertEquals(p.published(), a.published(), p.slug());
      assertEquals(p.modified(), a.modified(), p.slug());
      assertEquals(p.categories(), a.categories(), p.slug());
      assertEquals(p.tags(), a.tags(), p.slug());
      List<String> similar = p.similar().stream().map(s -> url(BLOG.bySlug(s).orElseThrow())).toList();
      assertEquals(similar, a.relatedLinks().stream().map(Article.RelatedLink::url).toList(), p.slug());
      assertEquals(p.similar().stream().map(s -> BLOG.bySlug(s).orElseThrow().title()).toList(),
          a.relatedLinks().stream().map(Article.RelatedLink::title).toList(), p.slug());
      assertTrue(a.relatedLinks().stream().allMatch(l -> l.source().equals("similar-posts")));
      List<Article.Comment> expectedComments = new ArrayList<>();
      for (SamplePost.SampleComment c : CrawlerSampleBlogTestSupport.threadOrder(p)) {
        expectedComments.add(new Article.Comment("comment-" + p.globalCommentId(c.id()),
            c.parent() == 0 ? "" : "comment-" + p.globalCommentId(c.parent()), c.author(), c.date(), c.text()));
      }
      assertEquals(expectedComments, a.comments(), p.slug());
      assertFalse(a.body().contains("Similar Posts"), p.slug());
      assertFalse(a.body().contains("Share this"), p.slug());
      assertTrue(p.plainBody().replace("\n\n", " ").startsWith(a.excerpt().replace("…", "").strip()), p.slug());
    }
    assertTrue(BLOG.posts().stream().anyMatch(p -> p.comments().stream().anyMatch(c -> c.parent() != 0)),
        "the sample blog has threaded comments");
  }

  @Test
  void neverFetchesTheRobotsDisallowedPathNorOtherHosts() throws Exception {
    CrawlReport report = crawl();

    assertTrue(server.requests().stream().noneMatch(r -> r.target().startsWith("/wp-admin")));
    assertEquals(List.of(server.baseUrl() + "/wp-admin/"), urlsWith(report, Outcome.ROBOTS_BLOCKED));
    assertTrue(report.offSiteLinks() > 0, "share and WordPress.org links were seen");
    assertTrue(report.outcomes().stream().allMatch(o -> o.url().startsWith(server.baseUrl() + "/")));
    assertTrue(server.requests().stream().noneMatch(r -> r.target().contains("replytocom")),
        "nofollow reply links are not followed");
    assertTrue(server.requests().stream().allMatch(r -> r.userAgent().startsWith("blogsearch-bot/")));
  }

  @Test
  void secondCrawlGets304sAndKeepsEveryPost() throws Exception {
    server.sitemapLastmods(false); // with lastmods the posts are not requested at all: CrawlerSitemapRecrawlTest
    crawl();
    server.clearLog();

    CrawlReport second = crawl();

    List<SampleBlogServer.Request> postRequests = server.requests().stream()
        .filter(r -> r.target().matches("/\\d{4}/\\d{2}/\\d{2}/.+/")).toList();
    assertEquals(37, postRequests.size());
    assertTrue(postRequests.stream().allMatch(r -> r.conditional() && r.status() == 304));
    assertEquals(37, second.count(Outcome.NOT_MODIFIED));
    assertEquals(0, second.count(Outcome.INDEXED));
    assertEquals(37, stored().size());
  }

  @Test
  void postRemovedFromTheSiteIsReportedDeleted() throws Exception {
    crawl();
    SamplePost removed = BLOG.bySlug("saying-no-is-a-strategy").orElseThrow();
    server.unpublish(removed.slug());

    CrawlReport second = crawl();

    assertEquals(List.of(url(removed)), urlsWith(second, Outcome.DELETED));
    UrlOutcome o = second.outcomes().stream().filter(u -> u.url().equals(url(removed))).findFirst().orElseThrow();
    assertEquals(404, o.status());
    assertEquals(36, stored().size());
    assertFalse(stored().containsKey(url(removed)));
  }

  @Test
  void postThatFailsToLoadIsKeptNotDeleted() throws Exception {
    server.sitemapLastmods(false); // so the second crawl requests the post
    crawl();
    SamplePost failing = BLOG.bySlug("the-weekly-review-habit").orElseThrow();
    server.failPost(failing.slug(), 503);

    CrawlReport second = crawl();

    UrlOutcome o = second.outcomes().stream().filter(u -> u.url().equals(url(failing))).findFirst().orElseThrow();
    assertEquals(Outcome.ERROR, o.outcome());
    assertEquals(503, o.status());
    assertEquals("HTTP 503 after 3 attempts", o.reason());
    assertEquals(3, server.requests().stream().filter(r -> r.target().equals(failing.path())).count() - 1,
        "one fetch in the first crawl, three attempts in the second");
    assertEquals(37, stored().size());
    assertTrue(stored().containsKey(url(failing)));
  }

  @Test
  void respectsRobotsCrawlDelayBetweenRequests() throws Exception {
    server.close();
    server = new SampleBlogServer(BLOG, 0, Duration.ofMillis(300));
    SiteConfig cfg = config(server.baseUrl(), data, "limits: {maxPages: 12}");

    CrawlReport report = new Crawler(cfg).crawl(CrawlListener.none());

    List<SampleBlogServer.Request> requests = server.requests();
    assertEquals("/robots.txt", requests.get(0).target());
    assertEquals(13, requests.size(), "robots.txt plus the 12-page limit");
    long minGapMs = Long.MAX_VALUE;
    for (int i = 1; i < requests.size(); i++) {
      minGapMs = Math.min(minGapMs, (requests.get(i).nanoTime() - requests.get(i - 1).nanoTime()) / 1_000_000);
    }
    // Gaps are seen where requests arrive: one request held up on its way (a loaded CI machine) shortens the
    // next gap, so the bound leaves room for that; without the delay the gaps are ~1 ms.
    assertTrue(minGapMs >= 200, "smallest gap between requests was " + minGapMs + " ms");
    assertFalse(report.complete());
    assertEquals("page limit of 12 reached", report.stopReason());
  }

  @Test
  void unreachableSeedIsAClearErrorAndKeepsStoredPosts() throws Exception {
    crawl();
    SiteConfig dead = config("http://127.0.0.1:1", data, "");

    CrawlReport report = new Crawler(dead).crawl(CrawlListener.none());

    assertNotNull(report.fatalError());
    assertTrue(report.fatalError().startsWith("no seed could be reached (http://127.0.0.1:1/)"), report.fatalError());
    assertTrue(report.fatalError().contains("Connection refused"), report.fatalError());
    assertEquals(37, stored().size());
    assertEquals(37, report.articles());
  }
}
