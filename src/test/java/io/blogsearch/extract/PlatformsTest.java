package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blogs not made with WordPress, recognised from their own markup and metadata. */
class PlatformsTest {
  private static final String P1 = "Ghost ships with a clean editor, and the posts it publishes carry their own metadata.";
  private static final String P2 = "Read the whole thing before you decide whether the theme matters as much as you think.";

  private static String readMoreCards(String wrapper) {
    StringBuilder cards = new StringBuilder("<" + wrapper + " class=\"read-more-wrap outer\"><div class=\"read-more inner\">");
    for (String slug : List.of("design", "themes", "writing")) {
      cards.append("<article class=\"post-card post tag-getting-started\"><a class=\"post-card-image-link\" href=\"/")
          .append(slug).append("/\"></a><div class=\"post-card-content\"><a class=\"post-card-content-link\" href=\"/")
          .append(slug).append("/\"><header class=\"post-card-header\"><h2 class=\"post-card-title\">About ").append(slug)
          .append("</h2></header><div class=\"post-card-excerpt\">A long excerpt of the ").append(slug)
          .append(" post, with enough words, commas, and sentences to look like content to a scorer.</div></a>")
          .append("</div></article>");
    }
    return cards.append("</div></" + wrapper + ">").toString();
  }

  private static final String GHOST_HEAD = "<title>Welcome to Ghost</title>"
      + "<meta name=\"description\" content=\"An introduction to the editor.\">"
      + "<link rel=\"canonical\" href=\"https://ghost.example.org/welcome/\">"
      + "<meta property=\"og:site_name\" content=\"Ghost Notes\"><meta property=\"og:type\" content=\"article\">"
      + "<meta property=\"og:title\" content=\"Welcome to Ghost\">"
      + "<meta property=\"article:published_time\" content=\"2023-05-02T10:00:00.000Z\">"
      + "<meta property=\"article:modified_time\" content=\"2023-05-03T11:00:00.000Z\">"
      + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Article\","
      + "\"author\":{\"@type\":\"Person\",\"name\":\"Ghost Writer\"},\"headline\":\"Welcome to Ghost\","
      + "\"datePublished\":\"2023-05-02T10:00:00.000Z\",\"dateModified\":\"2023-05-03T11:00:00.000Z\"}</script>"
      + "<meta name=\"generator\" content=\"Ghost 5.80\">";

  private static final String GHOST_ARTICLE = "<article class=\"article post tag-getting-started\">"
      + "<header class=\"article-header gh-canvas\"><div class=\"article-tag post-card-tags\"><span class=\"post-card-primary-tag\">"
      + "<a href=\"/tag/getting-started/\">Getting Started</a></span></div><h1 class=\"article-title\">Welcome to Ghost</h1>"
      + "<p class=\"article-excerpt\">A short tour of what Ghost does for writers.</p><div class=\"article-byline\">"
      + "<h4 class=\"author-name\"><a href=\"/author/ghost/\">Ghost Writer</a></h4>"
      + "<time class=\"byline-meta-date\" datetime=\"2023-05-02\">May 2, 2023</time></div></header>"
      + "<section class=\"gh-content gh-canvas\"><p>" + P1 + "</p><p>" + P2 + "</p></section></article>";

  @Test
  void readsGhostCasperPostAndIgnoresItsReadMoreCards() {
    String html = HtmlPages.html(GHOST_HEAD, "post-template tag-getting-started is-head-left-logo",
        "<header id=\"gh-head\" class=\"gh-head\"><nav class=\"gh-head-menu\"><a href=\"/\">Home</a></nav></header>"
            + "<main id=\"site-main\" class=\"site-main\">" + GHOST_ARTICLE + "</main>" + readMoreCards("aside"));
    PageAnalysis p = analyze("https://ghost.example.org/welcome/", html);
    Article a = HtmlPages.post(p);
    assertEquals("body class post-template", p.kindReason());
    assertEquals("Welcome to Ghost", a.title());
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("A short tour of what Ghost does for writers.", a.excerpt());
    assertEquals("Ghost Writer", a.author());
    assertEquals(Instant.parse("2023-05-02T10:00:00Z"), a.published());
    assertEquals(Instant.parse("2023-05-03T11:00:00Z"), a.modified());
    assertEquals(List.of("Getting Started"), a.tags());
  }

  @Test
  void relatedCardsNeverMakeAPostAnArchiveEvenWithoutBodyClasses() {
    String html = HtmlPages.html(GHOST_HEAD, null, "<main>" + GHOST_ARTICLE.replace("article post", "post-full post")
        + readMoreCards("section") + "</main>");
    PageAnalysis p = analyze("https://ghost.example.org/welcome/", html);
    assertEquals(PageKind.POST, p.kind(), p.kindReason());
    assertEquals("og:type article", p.kindReason());
    assertEquals(P1 + "\n\n" + P2, p.article().orElseThrow().body());
  }

  @Test
  void ghostHomeTemplateIsAnArchive() {
    String html = HtmlPages.html("<meta property=\"og:type\" content=\"website\">", "home-template",
        "<main><div class=\"post-feed\">" + readMoreCards("div") + "</div></main>");
    PageAnalysis p = analyze("https://ghost.example.org/", html);
    assertEquals(PageKind.ARCHIVE, p.kind());
    assertEquals("body class home-template", p.kindReason());
  }

  @Test
  void readsHugoPaperModPost() {
    String html = HtmlPages.html("<meta name=\"generator\" content=\"Hugo 0.121.1\"><title>My First Post | Hugo Notes</title>"
        + "<meta property=\"og:title\" content=\"My First Post\"><meta property=\"og:type\" content=\"article\">"
        + "<meta property=\"article:published_time\" content=\"2024-01-10T08:00:00+00:00\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\","
        + "\"headline\":\"My First Post\",\"datePublished\":\"2024-01-10T08:00:00+00:00\","
        + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jo\"}]}</script>", "",
        "<header class=\"header\"><nav class=\"nav\"><a href=\"/\">Hugo Notes</a></nav></header><main class=\"main\">"
            + "<article class=\"post-single\"><header class=\"post-header\"><h1 class=\"post-title entry-hint-parent\">My First Post"
            + "</h1><div class=\"post-description\">Why a static site.</div><div class=\"post-meta\"><span title=\"2024-01-10"
            + " 08:00:00 +0000 UTC\">January 10, 2024</span>&nbsp;·&nbsp;Jo</div></header><div class=\"post-content\"><p>" + P1
            + "</p><p>" + P2 + "</p></div><footer class=\"post-footer\"><ul class=\"post-tags\"><li><a href=\"/tags/go/\">go</a>"
            + "</li></ul><nav class=\"paginav\"><a class=\"prev\" href=\"/posts/second/\">Second</a></nav></footer></article>"
            + "</main><footer class=\"footer\">© Hugo Notes</footer>");
    Article a = HtmlPages.post("https://hugo.example.org/posts/first/", html);
    assertEquals("My First Post", a.title());
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("Why a static site.", a.excerpt());
    assertEquals("Jo", a.author());
    assertEquals(Instant.parse("2024-01-10T08:00:00Z"), a.published());
    assertEquals(List.of("go"), a.tags());
  }

  @Test
  void hugoListPageIsAnArchive() {
    String html = HtmlPages.html("<meta name=\"generator\" content=\"Hugo 0.121.1\">", "list",
        "<main class=\"main\"><article class=\"post-entry\"><header class=\"entry-header\"><h2>First</h2></header></article>"
            + "<article class=\"post-entry\"><header class=\"entry-header\"><h2>Second</h2></header></article></main>");
    PageAnalysis p = analyze("https://hugo.example.org/", html);
    assertEquals(PageKind.ARCHIVE, p.kind());
    assertEquals("Hugo body class list", p.kindReason());
  }

  @Test
  void readsJekyllMinimaPostFromMicroformatsWithoutAnyMetadata() {
    String html = HtmlPages.html("<title>Welcome to Jekyll! | Your awesome title</title>", null,
        "<header class=\"site-header\"><a class=\"site-title\" href=\"/\">Your awesome title</a></header>"
            + "<main class=\"page-content\"><div class=\"wrapper\"><article class=\"post h-entry\" itemscope"
            + " itemtype=\"http://schema.org/BlogPosting\"><header class=\"post-header\"><h1 class=\"post-title p-name\""
            + " itemprop=\"name headline\">Welcome to Jekyll!</h1><p class=\"post-meta\"><time class=\"dt-published\""
            + " datetime=\"2024-03-01T10:00:00+00:00\" itemprop=\"datePublished\">Mar 1, 2024</time> • <span itemprop=\"author\">"
            + "<span class=\"p-author h-card\" itemprop=\"name\">Jo Bloggs</span></span></p></header>"
            + "<div class=\"post-content e-content\" itemprop=\"articleBody\"><p>" + P1 + "</p><p>" + P2 + "</p></div>"
            + "<a class=\"u-url\" href=\"/2024/03/01/welcome.html\" hidden></a></article></div></main>"
            + "<footer class=\"site-footer h-card\"><p>Write an awesome description for your new site here.</p></footer>");
    PageAnalysis p = analyze("https://jekyll.example.org/2024/03/01/welcome.html", html);
    Article a = HtmlPages.post(p);
    assertEquals("one post element", p.kindReason());
    assertEquals("Welcome to Jekyll!", a.title());
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("Jo Bloggs", a.author());
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), a.published());
  }

  private static String bloggerPost(int id, String title) {
    return "<div class=\"post-outer\"><div class=\"post hentry uncustomized-post-template\" itemprop=\"blogPost\" itemscope"
        + " itemtype=\"http://schema.org/BlogPosting\"><a name=\"" + id + "\"></a><h3 class=\"post-title entry-title\""
        + " itemprop=\"name\">" + title + "</h3><div class=\"post-body entry-content\" id=\"post-body-" + id + "\""
        + " itemprop=\"description articleBody\">" + P1 + "<br><br>" + P2 + "</div><div class=\"post-footer\"><span"
        + " class=\"post-author vcard\">Posted by <span class=\"fn\" itemprop=\"author\"><a class=\"g-profile\""
        + " href=\"https://www.blogger.com/profile/1\" rel=\"author\" title=\"author profile\"><span itemprop=\"name\">Ana</span>"
        + "</a></span></span> <span class=\"post-timestamp\">at <a class=\"timestamp-link\" href=\"/2023/04/p.html\""
        + " rel=\"bookmark\"><abbr class=\"published\" itemprop=\"datePublished\" title=\"2023-04-05T09:30:00-07:00\">9:30 AM"
        + "</abbr></a></span> <span class=\"post-labels\">Labels: <a href=\"https://x.blogspot.com/search/label/travel\""
        + " rel=\"tag\">travel</a></span></div></div></div>";
  }

  @Test
  void readsBloggerPost() {
    String html = HtmlPages.html("<meta content=\"blogger\" name=\"generator\"><title>Field Notes: Trains in April</title>"
        + "<meta content=\"Trains in April\" property=\"og:title\">", "variant-indie_light",
        "<div class=\"blog-posts hfeed container\">" + bloggerPost(123, "Trains in April") + "</div>");
    Article a = HtmlPages.post("https://x.blogspot.com/2023/04/p.html", html);
    assertEquals("Trains in April", a.title());
    assertEquals(P1 + "\n" + P2, a.body());
    assertEquals("Ana", a.author());
    assertEquals(Instant.parse("2023-04-05T16:30:00Z"), a.published());
    assertEquals(List.of("travel"), a.tags());
    assertEquals(List.of(), a.categories());
  }

  @Test
  void readsBloggerLabelsInsideTheBlogWidget() {
    String html = HtmlPages.html("<meta content=\"blogger\" name=\"generator\"><title>Field Notes: Trains in April</title>",
        "variant-indie_light", "<div class=\"widget Blog\" id=\"Blog1\"><div class=\"blog-posts hfeed container\">"
        + bloggerPost(123, "Trains in April") + "</div></div>");
    assertEquals(List.of("travel"), HtmlPages.post("https://x.blogspot.com/2023/04/p.html", html).tags());
  }

  @Test
  void bloggerHomeWithSeveralPostsIsAnArchive() {
    String html = HtmlPages.html("<meta content=\"blogger\" name=\"generator\">", "variant-indie_light",
        "<div class=\"blog-posts hfeed container\">" + bloggerPost(1, "One") + bloggerPost(2, "Two") + "</div>");
    PageAnalysis p = analyze("https://x.blogspot.com/", html);
    assertEquals(PageKind.ARCHIVE, p.kind());
    assertEquals("2 post elements", p.kindReason());
  }

  @Test
  void readsMediumStylePostFromJsonLdAndScoredContent() {
    String html = HtmlPages.html("<title>Why We Write | by Ana Ruiz | Medium</title><meta property=\"og:type\" content=\"article\">"
        + "<meta property=\"og:title\" content=\"Why We Write\"><meta property=\"og:site_name\" content=\"Medium\">"
        + "<meta name=\"author\" content=\"Ana Ruiz\"><script type=\"application/ld+json\">{\"@context\":\"http://schema.org\","
        + "\"@type\":\"NewsArticle\",\"headline\":\"Why We Write\",\"datePublished\":\"2022-06-01T12:00:00.000Z\","
        + "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script>", null,
        "<div id=\"root\"><nav><a href=\"/\">Medium</a></nav><article><div class=\"l\"><section><div class=\"gm\"><div class=\"ab\">"
            + "<h1 id=\"f1\" class=\"pw-post-title\">Why We Write</h1><div class=\"pw-author\"><a href=\"/@ana\">Ana Ruiz</a>"
            + "<span>4 min read</span></div><p class=\"pw-post-body-paragraph\">" + P1 + "</p></div></div></section><section>"
            + "<div class=\"gm\"><div class=\"ab\"><p class=\"pw-post-body-paragraph\">" + P2 + "</p></div></div></section></div>"
            + "</article><div class=\"responses\"><footer><p>Responses: a long reader response that is not part of the post."
            + "</p></footer></div></div>");
    Article a = HtmlPages.post("https://medium.example.com/@ana/why-we-write-1a2b", html);
    assertEquals("Why We Write", a.title());
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("Ana Ruiz", a.author());
    assertEquals(Instant.parse("2022-06-01T12:00:00Z"), a.published());
  }

  @Test
  void readsSubstackStylePostWithoutItsSubscribeBox() {
    String html = HtmlPages.html("<title>The quiet quarter - by Ana Ruiz - Ana's Letters</title>"
        + "<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"The quiet quarter\">"
        + "<meta property=\"og:description\" content=\"What a slow quarter teaches.\"><script type=\"application/ld+json\">"
        + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"The quiet quarter\",\"description\":"
        + "\"What a slow quarter teaches.\",\"datePublished\":\"2024-01-05T14:00:00+00:00\",\"author\":[{\"@type\":\"Person\","
        + "\"name\":\"Ana Ruiz\"}]}</script>", null,
        "<div id=\"entry\"><div id=\"main\" class=\"main typography\"><div class=\"single-post-container\"><div class=\"single-post\">"
            + "<div class=\"post-header\"><h1 class=\"post-title published\">The quiet quarter</h1><h3 class=\"subtitle\">What a slow"
            + " quarter teaches.</h3></div><div class=\"available-content\"><div dir=\"auto\" class=\"body markup\"><p>" + P1
            + "</p><p>" + P2 + "</p></div></div><div class=\"subscription-widget-wrap\"><p>Thanks for reading Ana's Letters!"
            + " Subscribe for free to receive new posts and support my work.</p></div></div></div></div></div>");
    PageAnalysis p = analyze("https://ana.substack.example/p/the-quiet-quarter", html);
    Article a = HtmlPages.post(p);
    assertEquals("og:type article", p.kindReason());
    assertEquals("The quiet quarter", a.title());
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("What a slow quarter teaches.", a.excerpt());
    assertEquals("Ana Ruiz", a.author());
    assertTrue(a.comments().isEmpty());
  }
}
