package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** When no configured content selector matches a post, the main content is found by scoring blocks. */
class ContentFallbackTest {
  private static final String URL = BLOG + "/2024/02/unseen-theme/";
  private static final String P1 = "Most teams do not need another meeting, they need a shorter feedback loop, and a place"
      + " to write things down.";
  private static final String P2 = "Start with one page per decision, dated, with the people who made it, and link to it"
      + " from wherever the question comes up again.";
  private static final String P3 = "After a quarter, read them all in one sitting; the pattern you find is your real process.";
  private static final String BODY = P1 + "\n\n" + P2 + "\n\n" + P3;
  private static final String PARAGRAPHS = "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>";
  private static final String META = "<div class=\"entry-meta\"><span class=\"posted-on\"><time class=\"entry-date published\""
      + " datetime=\"2024-02-01T10:00:00+00:00\">1 February 2024</time></span> <span class=\"byline\">by"
      + " <a href=\"/author/ana/\" rel=\"author\">Ana Ruiz</a></span></div>";
  private static final String RELATED = "<div class=\"more-stories\"><h3>More stories</h3><ul>"
      + "<li><a href=\"/a/\">A much longer headline about something else entirely, for the record</a></li>"
      + "<li><a href=\"/b/\">Another long headline that is nothing but a link to a different post</a></li></ul></div>";

  private static Article postIn(String article) {
    return HtmlPages.post(URL, wordpressSingle("", SINGLE_POST, article));
  }

  @Test
  void readsContentPlacedDirectlyInArticlePost() {
    Article a = postIn("<article id=\"post-5\" class=\"post-5 post type-post hentry\"><header><h1 class=\"entry-title\">Decision pages</h1>"
        + META + "</header>" + PARAGRAPHS + "<footer class=\"entry-footer\"><span class=\"cat-links\">Posted in"
        + " <a href=\"/category/process/\" rel=\"category tag\">Process</a></span></footer></article>");
    assertEquals(BODY, a.body());
    assertEquals("Decision pages", a.title());
    assertEquals("Ana Ruiz", a.author());
  }

  @Test
  void readsDivArticleContent() {
    Article a = postIn("<article class=\"post-5 post\"><h1 class=\"entry-title\">Decision pages</h1>" + META
        + "<div class=\"article-content\">" + PARAGRAPHS + "</div>" + RELATED + "</article>");
    assertEquals(BODY, a.body());
  }

  @Test
  void readsBemArticleContent() {
    Article a = postIn("<div class=\"article\"><div class=\"article__header\"><h1 class=\"article__title\">Decision pages</h1></div>"
        + "<div class=\"article__content\">" + PARAGRAPHS + "</div><div class=\"article__share\"><a href=\"#\">Share on"
        + " Twitter</a></div></div>");
    assertEquals(BODY, a.body());
    assertEquals("Decision pages", a.title());
  }

  @Test
  void readsGeneratePressEntryContent() {
    Article a = postIn("<article class=\"post-5 post type-post\"><div class=\"inside-article\"><header class=\"entry-header\">"
        + "<h1 class=\"entry-title\">Decision pages</h1>" + META + "</header><div class=\"gp-entry-content\">" + PARAGRAPHS
        + "</div></div></article>");
    assertEquals(BODY, a.body());
  }

  @Test
  void readsNewspaperTdPostContentBesideALinkHeavyBlock() {
    Article a = postIn("<div class=\"td-ss-main-content\"><div class=\"td-post-header\"><h1 class=\"entry-title\">Decision pages"
        + "</h1></div><div class=\"td-post-content tagdiv-type\">" + PARAGRAPHS + "</div><div class=\"td_block_related_posts\">"
        + RELATED + "</div></div>");
    assertEquals(BODY, a.body());
  }

  @Test
  void readsOldThemeDivEntry() {
    Article a = postIn("<div class=\"post\" id=\"post-5\"><h2><a href=\"" + URL + "\" rel=\"bookmark\">Decision pages</a></h2>"
        + "<small>February 1st, 2024</small><div class=\"entry\">" + PARAGRAPHS + "<p class=\"postmetadata\">Posted in"
        + " <a href=\"/category/process/\">Process</a></p></div></div>");
    assertEquals(BODY, a.body());
  }

  @Test
  void readsTextSeparatedByLineBreaksWithoutParagraphs() {
    Article a = postIn("<div class=\"hentry post-5\"><h2 class=\"title\">Decision pages</h2><div class=\"text\">" + P1
        + "<br><br>" + P2 + "<br><br>" + P3 + "</div><div class=\"meta\"><a href=\"/tag/x/\">x</a></div></div>");
    assertEquals(P1 + "\n" + P2 + "\n" + P3, a.body(), "TextBlocks keeps <br> runs as one line break");
  }

  @Test
  void scoresThePostWhenTheConfiguredContentElementIsAnEmptyWrapper() {
    Article a = postIn("<article class=\"post-5 post type-post\"><h1 class=\"entry-title\">Decision pages</h1>"
        + "<div class=\"entry-content\"></div><div class=\"builder-section\">" + PARAGRAPHS + "</div></article>");
    assertEquals(BODY, a.body());
  }

  @Test
  void joinsContentSplitIntoSections() {
    Article a = postIn("<article><h1>Decision pages</h1><div class=\"story\"><section><div class=\"s\"><div class=\"t\"><p>" + P1
        + "</p></div></div></section><hr><section><div class=\"s\"><div class=\"t\"><p>" + P2 + "</p><p>" + P3
        + "</p></div></div></section></div></article>");
    assertEquals(BODY, a.body());
  }

  @Test
  void ignoresSidebarCommentsAndFooterParagraphsWhenScoring() {
    MainContentScorer scorer = new MainContentScorer();
    Document doc = Jsoup.parse("<body><div id=\"wrap\"><div class=\"left\"><p>" + P1 + "</p></div>"
        + "<aside><p>" + P2 + P2 + "</p><p>" + P3 + P3 + "</p></aside>"
        + "<div id=\"comments\"><p>" + P2 + P2 + P2 + "</p><p>" + P3 + P3 + "</p></div>"
        + "<footer><p>" + P2 + P2 + P3 + "</p></footer></div></body>");
    assertEquals("left", scorer.find(doc.body()).className());
  }

  @Test
  void prefersProseOverALinkList() {
    MainContentScorer scorer = new MainContentScorer();
    Document doc = Jsoup.parse("<body><div class=\"links\"><p><a href=\"/1\">" + P2 + "</a>, <a href=\"/2\">" + P3
        + "</a>, <a href=\"/3\">" + P1 + "</a></p></div><div class=\"prose\"><p>" + P1 + "</p><p>" + P3 + "</p></div></body>");
    assertEquals("prose", scorer.find(doc.body()).className());
  }

  @Test
  void findsNothingWithoutParagraphs() {
    Document doc = Jsoup.parse("<body><div><h2>Gallery</h2><img src=\"a.jpg\"><p>Tiny.</p></div></body>");
    assertEquals(null, new MainContentScorer().find(doc.body()));
  }
}
