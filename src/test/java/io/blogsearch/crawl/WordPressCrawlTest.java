package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crawls a real WordPress (Debian's packages, started by scripts/wordpress/start.sh with MariaDB
 * on a socket and Apache on a loopback port) holding the sample blog, first with the classic
 * twentytwentyone theme and then with the block theme twentytwentythree, using the default
 * selectors both times. Skipped, with the reason, only when WordPress cannot be started here, and
 * then never under CI=true (see {@link WordPressSite}).
 */
class WordPressCrawlTest {
  private static final SampleBlog BLOG = SampleBlog.load();
  private static Path state;
  private static WordPressSite wordpress;
  private static int port;

  @BeforeAll
  static void startWordPress() throws Exception {
    state = Files.createTempDirectory("wordpress-export");
    Path export = state.resolve("export.json");
    WordPressSite.writeSampleExport(export);
    wordpress = WordPressSite.start(export.toString(), "twentytwentyone");
    port = wordpress.port();
  }

  @AfterAll
  static void stopWordPress() throws Exception {
    if (wordpress != null) {
      wordpress.close();
    }
  }

  private static void theme(String theme) throws Exception {
    wordpress.switchTheme(theme);
  }

  /** WordPress prints curly quotes, dashes and ellipses (wptexturize); compare text without them. */
  static String plain(String s) {
    return s == null ? null : s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
        .replace('\u2033', '"').replace('\u2032', '\'').replace("\u2013", "-").replace("\u2014", "-").replace("--", "-")
        .replace("\u2026", "...").replace('\u00a0', ' ').replace("\u00d7", "x").replaceAll("\\s+", " ").strip();
  }

  private CrawlReport crawl(Path data) throws InterruptedException {
    SiteConfig site = new ConfigLoader().parse("name: wp\nseeds: [http://127.0.0.1:" + port + "/]\n"
        + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nhttp: {readTimeout: 20s}\n").withDataDir(data);
    return new Crawler(site).crawl(CrawlListener.none());
  }

  private void assertEveryPostReadCorrectly(Path data, CrawlReport report) {
    String base = "http://127.0.0.1:" + port;
    Map<String, Article> stored = new CrawlStore(data.resolve("wp/crawl")).loadArticles();
    Set<String> expected = BLOG.posts().stream().map(p -> base + p.path()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, new TreeSet<>(stored.keySet()));
    assertEquals(expected, report.outcomes().stream().filter(o -> o.outcome() == Outcome.INDEXED).map(UrlOutcome::url)
        .collect(Collectors.toCollection(TreeSet::new)), "only posts are indexed");
    // The attachment page (not the image it shows, which the page links to and which may finish first).
    UrlOutcome attachment = report.outcomes().stream().filter(o -> o.url().contains("team-photo") && !o.url().endsWith(".png"))
        .findFirst().orElseThrow(() -> new AssertionError("the attachment page was not reached"));
    assertEquals(Outcome.SKIPPED_NOT_POST, attachment.outcome(), attachment.toString());
    report.outcomes().stream().filter(o -> o.url().endsWith("/team-photo.png"))
        .forEach(image -> assertEquals(Outcome.SKIPPED_NON_HTML, image.outcome(), image.toString()));
    assertEquals(Outcome.SKIPPED_NOT_POST, report.outcomes().stream().filter(o -> o.url().equals(base + "/about/")).findFirst()
        .orElseThrow().outcome());
    assertTrue(report.outcomes().stream().anyMatch(o -> o.url().equals(base + "/feed/") && o.outcome() == Outcome.DISCOVERY));
    assertTrue(report.outcomes().stream().anyMatch(o -> o.url().equals(base + "/category/leadership/")
        && o.outcome() == Outcome.SKIPPED_ARCHIVE));
    for (SamplePost p : BLOG.posts()) {
      Article a = stored.get(base + p.path());
      assertNotNull(a, p.slug());
      assertEquals(plain(p.title()), plain(a.title()), p.slug());
      String photo = p == BLOG.posts().get(0) ? "\n\nTeam photo" : "";  // setup.php links the attachment from the first post
      assertEquals(plain(p.plainBody() + photo), plain(a.body()), p.slug());
      assertEquals(plain(p.author()), plain(a.author()), p.slug());
      assertEquals(p.published(), a.published(), p.slug());
      // Neither stock theme prints the modified date (twentytwentyone's one <time> is "published updated").
      assertEquals(null, a.modified(), p.slug());
      assertEquals(new TreeSet<>(p.categories()), new TreeSet<>(a.categories()), p.slug());
      assertEquals(new TreeSet<>(p.tags()), new TreeSet<>(a.tags()), p.slug());
      assertEquals(p.similar().stream().map(s -> base + BLOG.bySlug(s).orElseThrow().path()).toList(),
          a.relatedLinks().stream().map(Article.RelatedLink::url).toList(), p.slug());
      List<SamplePost.SampleComment> thread = CrawlerSampleBlogTestSupport.threadOrder(p);
      assertEquals(thread.size(), a.comments().size(), p.slug());
      for (int i = 0; i < thread.size(); i++) {
        SamplePost.SampleComment c = thread.get(i);
        Article.Comment got = a.comments().get(i);
        assertEquals(plain(c.author()), plain(got.author()), p.slug());
        assertEquals(c.date(), got.date(), p.slug());
        assertEquals(plain(c.text()), plain(got.text()), p.slug());
        if (c.parent() == 0) {
          assertEquals("", got.parentId(), p.slug());
        } else {
          int parentIndex = thread.indexOf(p.comments().stream().filter(x -> x.id() == c.parent()).findFirst().orElseThrow());
          assertEquals(a.comments().get(parentIndex).id(), got.parentId(), p.slug());
        }
      }
    }
  }

  @Test
  void crawlsEveryPublishedPostWithTheClassicTheme() throws Exception {
    theme("twentytwentyone");
    Path data = Files.createTempDirectory("wp-crawl-2021");
    CrawlReport report = crawl(data);
    assertEveryPostReadCorrectly(data, report);
  }

  @Test
  void crawlsEveryPublishedPostWithTheBlockTheme() throws Exception {
    theme("twentytwentythree");
    Path data = Files.createTempDirectory("wp-crawl-2023");
    CrawlReport report = crawl(data);
    assertEveryPostReadCorrectly(data, report);
  }
}
