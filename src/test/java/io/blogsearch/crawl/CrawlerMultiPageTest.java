package io.blogsearch.crawl;

import static io.blogsearch.crawl.TestSite.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts split with {@code <!--nextpage-->}: one article with every page's text, pages 2..N never posts. */
class CrawlerMultiPageTest {
  @TempDir Path data;
  private TestSite site;

  @BeforeEach
  void start() throws Exception {
    site = new TestSite();
    site.route("/robots.txt", new Reply(200, "text/plain", "User-agent: *\nDisallow: /author/\n".getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** A twentytwentyone-style page of a three-page post, as WordPress prints its page links. */
  private String page(int n) {
    String base = site.base() + "/long/";
    String url = n == 1 ? base : base + n + "/";
    StringBuilder links = new StringBuilder("<nav class=\"page-links\" aria-label=\"Page\"><span class=\"screen-reader-text\">Page</span>");
    for (int i = 1; i <= 3; i++) {
      String href = i == 1 ? base : base + i + "/";
      links.append(i == n ? "<span class=\"post-page-numbers current\" aria-current=\"page\">" + i + "</span>"
          : "<a href=\"" + href + "\" class=\"post-page-numbers\">" + i + "</a>");
    }
    links.append("</nav>");
    return TestSite.post("A long read", "Part " + n + " of the long read.", "<link rel=\"canonical\" href=\"" + url + "\">")
        .replace("</p></div>", "</p>" + links + "</div>");
  }

  private CrawlReport crawl() throws InterruptedException {
    SiteConfig cfg = new ConfigLoader().parse("""
        name: multi
        seeds: [%s/]
        politeness: {concurrencyPerHost: 1, delay: 0ms}
        """.formatted(site.base())).withDataDir(data);
    return new Crawler(cfg).crawl(CrawlListener.none());
  }

  @Test
  void joinsEveryPageIntoOnePostAndNeverIndexesLaterPages() throws Exception {
    // The home page links page 3 before the post itself: it is read once and reused.
    site.route("/", Reply.html(TestSite.home("/long/3/", "/long/")))
        .route("/long/", Reply.html(page(1))).route("/long/2/", Reply.html(page(2))).route("/long/3/", Reply.html(page(3)));

    CrawlReport r = crawl();

    Map<String, Article> stored = new CrawlStore(data.resolve("multi/crawl")).loadArticles();
    assertEquals(Set.of(site.base() + "/long/"), stored.keySet());
    assertEquals("Part 1 of the long read.\n\nPart 2 of the long read.\n\nPart 3 of the long read.",
        stored.get(site.base() + "/long/").body());
    for (String later : List.of("/long/2/", "/long/3/")) {
      assertEquals(1, site.requests().stream().filter(later::equals).count(), later + " fetched once");
      UrlOutcome o = r.outcomes().stream().filter(x -> x.url().equals(site.base() + later)).findFirst().orElseThrow();
      assertEquals(Outcome.SKIPPED_CONTINUATION, o.outcome(), o.toString());
      assertEquals("page " + later.charAt(6) + " of " + site.base() + "/long/", o.reason().replace(", read with it", ""));
    }
    UrlOutcome post = r.outcomes().stream().filter(x -> x.url().equals(site.base() + "/long/")).findFirst().orElseThrow();
    assertEquals("new post (3 pages)", post.reason());
  }

  @Test
  void aLaterPageStoredAsAPostByAnOlderCrawlIsRemoved() throws Exception {
    site.route("/", Reply.html(TestSite.home("/long/2/")))
        .route("/long/2/", Reply.html(TestSite.post("A long read", "Part 2 alone.", "")));
    crawl();
    assertEquals(Set.of(site.base() + "/long/2/"), new CrawlStore(data.resolve("multi/crawl")).loadArticles().keySet());

    site.route("/long/", Reply.html(page(1))).route("/long/2/", Reply.html(page(2))).route("/long/3/", Reply.html(page(3)));
    CrawlReport r = crawl();

    assertEquals(Set.of(site.base() + "/long/"), new CrawlStore(data.resolve("multi/crawl")).loadArticles().keySet());
    UrlOutcome o = r.outcomes().stream().filter(x -> x.url().equals(site.base() + "/long/2/")).findFirst().orElseThrow();
    assertEquals(Outcome.DELETED, o.outcome(), o.toString());
  }
}
