package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which source wins for each field when a page offers several. */
class FieldPrecedenceTest {
  private static final String URL = BLOG + "/2024/04/precedence/";
  private static final String TEXT = "Decisions made in the open are easier to revisit, and easier to undo.";
  private static final String JSONLD_DATES = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Quiet Management\",\"description\":\"Notes on leading small teams\"},"
      + "{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-04-01T08:00:00+00:00\",\"dateModified\":\"2024-04-03T08:00:00+00:00\","
      + "\"author\":{\"@type\":\"Person\",\"name\":\"Json Author\"}}]}</script>";
  private static final String META_DATES = "<meta property=\"article:published_time\" content=\"2024-04-02T09:00:00+00:00\">"
      + "<meta property=\"article:modified_time\" content=\"2024-04-04T09:00:00+00:00\">";
  private static final String FOOTER_DATES = "<footer class=\"entry-footer\"><span class=\"posted-on\"><time class=\"entry-date"
      + " published\" datetime=\"2024-04-05T10:00:00+00:00\">April 5</time><time class=\"updated\""
      + " datetime=\"2024-04-06T10:00:00+00:00\">April 6</time></span></footer>";
  private static final String LATEST_COMMENTS = "<ol class=\"wp-block-latest-comments\"><li><article><footer>Jo on"
      + " <a href=\"/x/\">X</a><time datetime=\"2020-01-01T00:00:00+00:00\">Jan 1, 2020</time></footer></article></li></ol>";

  private static Article post(String head, String article) {
    return HtmlPages.post(URL, wordpressSingle(head, SINGLE_POST, article));
  }

  private static String article(String header, String content, String footer) {
    return "<article class=\"post-5 post type-post hentry\"><header class=\"entry-header\">" + header + "</header>"
        + "<div class=\"entry-content\"><p>" + TEXT + "</p>" + content + "</div>" + footer + "</article>";
  }

  private static String titled(String headerRest) {
    return "<h1 class=\"entry-title\">Precedence</h1>" + headerRest;
  }

  // ---------------------------------------------------------------- dates

  @Test
  void publishedAndModifiedPreferJsonLdOverMetaAndTimeElements() {
    Article a = post(JSONLD_DATES + META_DATES, article(titled(""), "", FOOTER_DATES));
    assertEquals(Instant.parse("2024-04-01T08:00:00Z"), a.published());
    assertEquals(Instant.parse("2024-04-03T08:00:00Z"), a.modified());
  }

  @Test
  void publishedAndModifiedPreferArticleMetaOverTimeElements() {
    Article a = post(META_DATES, article(titled(""), "", FOOTER_DATES));
    assertEquals(Instant.parse("2024-04-02T09:00:00Z"), a.published());
    assertEquals(Instant.parse("2024-04-04T09:00:00Z"), a.modified());
  }

  @Test
  void datesComeFromThePostFooterNeverFromTimesInsideTheContent() {
    Article a = post("", article(titled(""), "<p>On <time datetime=\"2019-09-09\">9 Sept 2019</time> we met.</p>"
        + LATEST_COMMENTS, FOOTER_DATES));
    assertEquals(Instant.parse("2024-04-05T10:00:00Z"), a.published());
    assertEquals(Instant.parse("2024-04-06T10:00:00Z"), a.modified());
  }

  @Test
  void aPostWhoseOnlyTimesAreInsideTheContentHasNoDate() {
    Article a = post("", article(titled(""), "<p>On <time datetime=\"2019-09-09\">9 Sept 2019</time> we met.</p>"
        + LATEST_COMMENTS, ""));
    assertNull(a.published());
    assertNull(a.modified());
  }

  @Test
  void blockThemePostDateIsReadBesideAQueryLoop() {
    String html = HtmlPages.html("<title>Precedence – Quiet Management</title>", SINGLE_POST,
        "<header class=\"wp-block-template-part\"><p class=\"wp-block-site-title\"><a href=\"/\">Quiet Management</a></p></header>"
            + "<main class=\"wp-block-group\"><h1 class=\"wp-block-post-title\">Precedence</h1><div class=\"wp-block-post-date\">"
            + "<time datetime=\"2024-04-07T12:00:00+00:00\">April 7, 2024</time></div><div class=\"entry-content"
            + " wp-block-post-content\"><p>" + TEXT + "</p></div><div class=\"wp-block-query\"><ul class=\"wp-block-post-template\">"
            + "<li><div class=\"wp-block-post-date\"><time datetime=\"2021-01-01T00:00:00+00:00\">Jan 1</time></div></li></ul>"
            + "</div></main>");
    Article a = HtmlPages.post(URL, html);
    assertEquals(Instant.parse("2024-04-07T12:00:00Z"), a.published());
    assertEquals(TEXT, a.body());
  }

  // ---------------------------------------------------------------- author

  @Test
  void authorFromRelAuthorBeforeJsonLdAndMetaName() {
    Article a = post(JSONLD_DATES + "<meta name=\"author\" content=\"Meta Author\">", article(titled(
        "<span class=\"byline\"><a href=\"/author/ana/\" rel=\"author\">Ana Ruiz</a></span>"), "", ""));
    assertEquals("Ana Ruiz", a.author());
  }

  @Test
  void authorFromBylineLinkToAuthorArchiveWithoutRel() {
    Article a = post("", article(titled("<p class=\"byline\">By <a href=\"/author/ana/\">Ana Ruiz</a></p>"), "", ""));
    assertEquals("Ana Ruiz", a.author());
  }

  @Test
  void authorFromBlockThemeAuthorName() {
    Article a = post("", article(titled("<div class=\"wp-block-post-author\"><div class=\"wp-block-post-author__content\">"
        + "<p class=\"wp-block-post-author__name\">Ana Ruiz</p></div></div>"), "", ""));
    assertEquals("Ana Ruiz", a.author());
  }

  @Test
  void authorFromJsonLdThenMetaNameWhenTheMarkupNamesNone() {
    assertEquals("Json Author", post(JSONLD_DATES + "<meta name=\"author\" content=\"Meta Author\">",
        article(titled(""), "", "")).author());
    assertEquals("Meta Author", post("<meta name=\"author\" content=\"Meta Author\">", article(titled(""), "", "")).author());
  }

  @Test
  void authorLinkInsideTheContentIsNotTheAuthor() {
    Article a = post("", article(titled(""), "<p>Thanks to <a href=\"/author/guest/\" rel=\"author\">A Guest</a> for the idea.</p>", ""));
    assertEquals("", a.author());
  }

  // ---------------------------------------------------------------- categories and tags

  @Test
  void blockThemeRelTagLinksInTheCategoryTermsAreCategories() {
    Article a = post("", article(titled(""), "", "<footer><div class=\"taxonomy-category wp-block-post-terms\">"
        + "<a href=\"/topics/process/\" rel=\"tag\">Process</a></div><div class=\"taxonomy-post_tag wp-block-post-terms\">"
        + "<a href=\"/labels/habits/\" rel=\"tag\">habits</a></div></footer>"));
    assertEquals(List.of("Process"), a.categories());
    assertEquals(List.of("habits"), a.tags());
  }

  @Test
  void relTagLinksInCatLinksAndEntryTermsCategoryAreCategories() {
    Article a = post("", article(titled(""), "", "<footer class=\"entry-footer\"><span class=\"cat-links\">"
        + "<a href=\"/topics/process/\" rel=\"tag\">Process</a></span><span class=\"entry-terms category\">"
        + "<a href=\"/topics/people/\" rel=\"tag\">People</a></span><span class=\"tags-links\">"
        + "<a href=\"/labels/habits/\" rel=\"tag\">habits</a></span></footer>"));
    assertEquals(List.of("Process", "People"), a.categories());
    assertEquals(List.of("habits"), a.tags());
  }

  @Test
  void termUrlDecidesOverRel() {
    Article a = post("", article(titled(""), "", "<footer><div class=\"terms\"><a href=\"/category/process/\" rel=\"tag\">Process</a>"
        + " <a href=\"/tag/habits/\" rel=\"category\">habits</a></div></footer>"));
    assertEquals(List.of("Process"), a.categories());
    assertEquals(List.of("habits"), a.tags());
  }

  @Test
  void termsKeepPageOrderWhateverMarkupFoundThem() {
    Article a = post("", article(titled(""), "", "<footer><span class=\"cat-links\"><a href=\"/topics/a/\" rel=\"tag\">First</a>"
        + "</span> <a href=\"/category/b/\">Second</a> <a href=\"/c/\" rel=\"category tag\">Third</a></footer>"));
    assertEquals(List.of("First", "Second", "Third"), a.categories());
  }

  @Test
  void categoryLinksInsideTheContentOrSidebarAreNotThePostsCategories() {
    Article a = post("", article(titled(""), "<p>See <a href=\"/category/other/\" rel=\"category tag\">Other</a>.</p>", ""));
    assertEquals(List.of(), a.categories());
  }

  // ---------------------------------------------------------------- title

  @Test
  void titleIsThePostHeadingBeforeOgTitle() {
    Article a = post("<meta property=\"og:title\" content=\"SEO title – Quiet Management\">", article(titled(""), "", ""));
    assertEquals("Precedence", a.title());
  }

  @Test
  void titleFallsBackToOgTitleWithoutTheSiteNameSuffix() {
    for (String og : List.of("Precedence – Quiet Management", "Precedence | Quiet Management", "Precedence - Quiet Management")) {
      Article a = post("<meta property=\"og:title\" content=\"" + og + "\"><meta property=\"og:site_name\" content=\"Quiet Management\">",
          article("", "", ""));
      assertEquals("Precedence", a.title(), og);
    }
  }

  @Test
  void siteNameForTheSuffixComesFromTheTitleWhenThereIsNoOgSiteName() {
    String html = HtmlPages.html("<title>Precedence | Field Notes</title><meta property=\"og:title\" content=\"Precedence | Field Notes\">",
        SINGLE_POST, "<main><article class=\"post-5 post type-post\"><div class=\"entry-content\"><p>" + TEXT + "</p></div>"
            + "</article></main>");
    assertEquals("Precedence", HtmlPages.post(URL, html).title());
  }

  @Test
  void untitledPostStaysUntitledNeverTheSiteNameOrDocumentTitle() {
    String html = HtmlPages.html("<title>Quiet Management</title><meta property=\"og:title\" content=\"Quiet Management\">"
        + "<meta property=\"og:site_name\" content=\"Quiet Management\">", SINGLE_POST,
        "<header><h1 class=\"site-title\">Quiet Management</h1></header><main><article class=\"post-5 post type-post\">"
            + "<h1 class=\"entry-title\"></h1><div class=\"entry-content\"><p>" + TEXT + "</p></div></article></main>");
    assertEquals("", HtmlPages.post(URL, html).title());
  }

  @Test
  void themePlaceholderUntitledIsNoTitle() {
    String html = HtmlPages.html("<title>Quiet Management</title>", SINGLE_POST, "<main><article class=\"post-5 post type-post\">"
        + "<h1 class=\"entry-title\">Untitled</h1><div class=\"entry-content\"><p>" + TEXT + "</p></div></article></main>");
    assertEquals("", HtmlPages.post(URL, html).title());
    String titled = html.replace("<title>Quiet Management</title>", "<title>Untitled &#8211; Quiet Management</title>");
    assertEquals("Untitled", HtmlPages.post(URL, titled).title(), "a post really called Untitled keeps its title");
  }

  @Test
  void siteTitleHeadingIsNotThePostTitle() {
    String html = HtmlPages.html("<title>Precedence – Quiet Management</title><meta property=\"og:title\" content=\"Precedence\">",
        SINGLE_POST, "<header><h1 class=\"site-title\">Quiet Management</h1></header><main><div class=\"post-5 post\">"
            + "<div class=\"entry-content\"><p>" + TEXT + "</p></div></div></main>");
    assertEquals("Precedence", HtmlPages.post(URL, html).title());
  }

  // ---------------------------------------------------------------- excerpt

  @Test
  void excerptIsThePostsOwnSummaryFirst() {
    Article a = post("<meta property=\"og:description\" content=\"OG text.\">", article(titled(
        "<div class=\"entry-summary\"><p>The written excerpt.</p></div>"), "", ""));
    assertEquals("The written excerpt.", a.excerpt());
  }

  @Test
  void excerptPrefersJsonLdDescriptionThenOgDescriptionOverMetaDescription() {
    String jsonLd = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"description\":\"JSON-LD text.\"}</script>";
    String metas = "<meta property=\"og:description\" content=\"OG text.\"><meta name=\"description\" content=\"Meta text.\">";
    assertEquals("JSON-LD text.", post(jsonLd + metas, article(titled(""), "", "")).excerpt());
    assertEquals("OG text.", post(metas, article(titled(""), "", "")).excerpt());
  }

  @Test
  void siteWideDescriptionsAreNotAnExcerpt() {
    // wordpressSingle prints the tagline "Notes on leading small teams" in .site-description
    Article a = post("<meta property=\"og:description\" content=\"Notes on leading small teams\">"
        + "<meta name=\"description\" content=\"Notes on leading small teams\">", article(titled(""), "", ""));
    assertEquals(TEXT, a.excerpt());
    Article fromJsonLd = post(JSONLD_DATES.replace("Notes on leading small teams", "A blog about teams")
        + "<meta name=\"description\" content=\"A blog about teams\">", article(titled(""), "", ""));
    assertEquals(TEXT, fromJsonLd.excerpt());
  }

  @Test
  void addsArticleTagMetaTheThemeDoesNotPrintWithoutTheCategoriesListedThere() {
    String meta = "<meta property=\"article:tag\" content=\"Process\"><meta property=\"article:tag\" content=\"Habits\">"
        + "<meta property=\"article:tag\" content=\"trust\">";
    Article a = post(meta, article(titled(""), "", "<footer class=\"entry-footer\"><span class=\"cat-links\">"
        + "<a href=\"/category/process/\" rel=\"category tag\">Process</a></span><span class=\"tags-links\">"
        + "<a href=\"/tag/habits/\" rel=\"tag\">habits</a></span></footer>"));
    assertEquals(List.of("Process"), a.categories());
    assertEquals(List.of("habits", "trust"), a.tags());
  }

  @Test
  void readsTagsWithoutTheirHashLabel() {
    Article a = post("", article(titled(""), "", "<footer><div class=\"entry-tags\"><span class=\"tags-links\">"
        + "<a href=\"/tag/meetings/\" rel=\"tag\"><span class=\"tag-hash\">#</span>meetings</a></span></div></footer>"));
    assertEquals(List.of("meetings"), a.tags());
  }

  @Test
  void readsTheTagBoxPrintedInsideTheContentAndKeepsItOutOfTheBody() {
    Article a = post("", article(titled(""), "<div class=\"post-bottom-meta post-bottom-tags\"><div class=\"post-bottom-meta-title\">"
        + "Tags</div><span class=\"tagcloud\"><a href=\"/tag/onboarding/\" rel=\"tag\">onboarding</a></span></div>", ""));
    assertEquals(List.of("onboarding"), a.tags());
    assertEquals(TEXT, a.body());
  }

  @Test
  void skipsAMetaDescriptionThatDescribesTheSite() {
    Article a = post("<meta property=\"og:site_name\" content=\"The Management Times\"><meta name=\"description\""
        + " content=\"The Management Times: news and essays for people who lead teams.\">", article(titled(""), "", ""));
    assertEquals(TEXT, a.excerpt());
  }
}
