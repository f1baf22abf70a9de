package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sitemap-driven incremental recrawls against the sample blog on localhost, whose post sitemap
 * gives each post's lastmod (as Yoast does) unless switched off (as WordPress core serves it).
 */
class CrawlerSitemapRecrawlTest {
  private static final SampleBlog BLOG = SampleBlog.load();
  private static final String POST_PATH = "/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/";
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

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

  private CrawlReport crawlAt(Instant when, CrawlPlan plan, String extraYaml) throws InterruptedException {
    SiteConfig cfg = CrawlerSampleBlogTest.config(server.baseUrl(), data, extraYaml);
    return new Crawler(cfg, HostResolver.SYSTEM, Clock.fixed(when, ZoneOffset.UTC))
        .crawl(CrawlListener.none(), plan, () -> false);
  }

  private CrawlReport incrementalAt(Instant when) throws InterruptedException {
    return crawlAt(when, CrawlPlan.incremental(), "");
  }

  private Map<String, Article> stored() {
    return new CrawlStore(data.resolve("test").resolve("crawl")).loadArticles();
  }

  private String url(SamplePost p) {
    return server.baseUrl() + p.path();
  }

  private List<SampleBlogServer.Request> postRequests() {
    return server.requests().stream().filter(r -> r.target().matches(POST_PATH)).toList();
  }

  private static Set<String> urlsWith(CrawlReport r, Outcome o) {
    return r.outcomes().stream().filter(u -> u.outcome() == o).map(UrlOutcome::url).collect(Collectors.toSet());
  }

  private Set<String> allPostUrls() {
    return BLOG.posts().stream().map(this::url).collect(Collectors.toSet());
  }

  /** The post edited on the site: a new closing paragraph and a modified date after its last change. */
  private static SamplePost edited(SamplePost p, String addition) {
    return new SamplePost(p.id(), p.slug(), p.title(), p.author(), p.published(), p.lastChange().plusSeconds(3600),
        p.categories(), p.tags(), p.similar(), p.body() + "\n\n" + addition, p.comments());
  }

  @Test
  void unchangedLastmodUrlsAreNotRequestedOnAnIncrementalCrawl() throws Exception {
    incrementalAt(T0);
    Map<String, Article> before = stored();
    server.clearLog();

    CrawlReport second = incrementalAt(T0.plusSeconds(3600));

    Set<String> requested = server.requests().stream().map(SampleBlogServer.Request::target)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("/", "/robots.txt", "/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml",
        "/wp-sitemap-posts-page-1.xml", "/wp-sitemap-taxonomies-category-1.xml", "/wp-sitemap-taxonomies-post_tag-1.xml",
        "/wp-sitemap-users-1.xml")), requested, "sitemaps and the seed only: no post, no listing, not the feed the seed links to");
    assertTrue(server.requests().stream().filter(r -> r.target().equals("/"))
        .allMatch(r -> r.conditional() && r.status() == 304), "the seed is revalidated conditionally");
    assertEquals(allPostUrls(), urlsWith(second, Outcome.UNCHANGED_BY_SITEMAP));
    assertEquals(0, second.count(Outcome.NOT_MODIFIED));
    assertEquals(0, second.count(Outcome.INDEXED));
    assertTrue(second.complete());
    assertEquals(before, stored(), "every skipped post is kept exactly");
  }

  @Test
  void editedPostWhoseLastmodChangedIsRefetchedAndUpdated() throws Exception {
    incrementalAt(T0);
    SamplePost post = BLOG.bySlug("the-weekly-review-habit").orElseThrow();
    server.revise(edited(post, "A closing note on quarterly reviews."));
    server.clearLog();

    CrawlReport second = incrementalAt(T0.plusSeconds(3600));

    assertEquals(List.of(post.path()), postRequests().stream().map(SampleBlogServer.Request::target).toList());
    assertEquals(200, postRequests().get(0).status());
    assertTrue(postRequests().get(0).conditional(), "asked \"changed since?\" with the stored validators");
    assertEquals(Set.of(url(post)), urlsWith(second, Outcome.INDEXED));
    assertEquals(36, second.count(Outcome.UNCHANGED_BY_SITEMAP));
    assertTrue(stored().get(url(post)).body().endsWith("A closing note on quarterly reviews."));
    server.clearLog();

    incrementalAt(T0.plusSeconds(7200));

    assertEquals(List.of(), postRequests(), "the new lastmod was remembered");
  }

  @Test
  void newPostInTheSitemapIsFound() throws Exception {
    SamplePost fresh = BLOG.bySlug("saying-no-is-a-strategy").orElseThrow();
    server.unpublish(fresh.slug());
    incrementalAt(T0);
    assertEquals(36, stored().size());
    server.republish(fresh.slug());
    server.clearLog();

    CrawlReport second = incrementalAt(T0.plusSeconds(3600));

    assertEquals(List.of(fresh.path()), postRequests().stream().map(SampleBlogServer.Request::target).distinct().toList());
    assertEquals(Set.of(url(fresh)), urlsWith(second, Outcome.INDEXED));
    assertEquals(37, stored().size());
    assertEquals(fresh.title(), stored().get(url(fresh)).title());
  }

  @Test
  void postRemovedFromTheSiteAndSitemapIsDeleted() throws Exception {
    incrementalAt(T0);
    SamplePost removed = BLOG.bySlug("saying-no-is-a-strategy").orElseThrow();
    server.unpublish(removed.slug());
    server.clearLog();

    CrawlReport second = incrementalAt(T0.plusSeconds(3600));

    List<SampleBlogServer.Request> asked = postRequests();
    assertEquals(List.of(removed.path()), asked.stream().map(SampleBlogServer.Request::target).toList(),
        "only the post that left the sitemap is revalidated");
    assertTrue(asked.get(0).conditional());
    assertEquals(404, asked.get(0).status());
    assertEquals(Set.of(url(removed)), urlsWith(second, Outcome.DELETED));
    assertEquals(36, stored().size());
    assertFalse(stored().containsKey(url(removed)));
  }

  @Test
  void sitemapWithoutLastmodKeepsConditionalGetsForEveryUrl() throws Exception {
    server.sitemapLastmods(false);
    incrementalAt(T0);
    Set<String> pagesFirst = server.requests().stream().filter(r -> r.status() == 200 && !r.target().contains("sitemap")
        && !r.target().equals("/robots.txt") && !r.target().equals("/feed/")).map(SampleBlogServer.Request::target)
        .collect(Collectors.toSet());
    server.clearLog();

    CrawlReport second = incrementalAt(T0.plusSeconds(3600));

    Map<String, List<SampleBlogServer.Request>> byTarget = server.requests().stream()
        .collect(Collectors.groupingBy(SampleBlogServer.Request::target));
    for (String page : pagesFirst) {
      assertTrue(byTarget.containsKey(page), "requested again: " + page);
      assertTrue(byTarget.get(page).stream().allMatch(r -> r.conditional() && r.status() == 304), page);
    }
    assertTrue(pagesFirst.size() > 37 + 20, "posts and listings: " + pagesFirst.size());
    assertEquals(37, second.count(Outcome.NOT_MODIFIED));
    assertEquals(0, second.count(Outcome.UNCHANGED_BY_SITEMAP));
  }

  @Test
  void revalidateAfterForcesARefetchOnceTheLastValidationIsOlder() throws Exception {
    incrementalAt(T0);
    server.clearLog();

    incrementalAt(T0.plus(Duration.ofDays(6)));
    assertEquals(List.of(), postRequests(), "validated 6 days ago: within the default 7d");

    CrawlReport week = incrementalAt(T0.plus(Duration.ofDays(8)));
    assertEquals(37, postRequests().size());
    assertTrue(postRequests().stream().allMatch(r -> r.conditional() && r.status() == 304));
    assertEquals(37, week.count(Outcome.NOT_MODIFIED));
    assertTrue(server.requests().stream().anyMatch(r -> r.target().equals("/page/2/")), "listings too");
    server.clearLog();

    incrementalAt(T0.plus(Duration.ofDays(9)));
    assertEquals(List.of(), postRequests(), "the 304s of day 8 count as validations");
  }

  @Test
  void revalidateAfterZeroValidatesEveryUrlOnEveryCrawl() throws Exception {
    crawlAt(T0, CrawlPlan.incremental(), "crawl: {revalidateAfter: 0s}");
    server.clearLog();

    CrawlReport second = crawlAt(T0.plusSeconds(60), CrawlPlan.incremental(), "crawl: {revalidateAfter: 0s}");

    assertEquals(37, postRequests().size());
    assertEquals(37, second.count(Outcome.NOT_MODIFIED));
  }

  @Test
  void fullCrawlRequestsEveryPostAgain() throws Exception {
    incrementalAt(T0);
    server.clearLog();

    CrawlReport full = crawlAt(T0.plusSeconds(60), CrawlPlan.full(), "");

    assertEquals(37, postRequests().size());
    assertTrue(postRequests().stream().noneMatch(SampleBlogServer.Request::conditional));
    assertEquals(allPostUrls(), urlsWith(full, Outcome.INDEXED));
  }
}
