package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.analyze;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigException;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.Selectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is a post: post types, empty bodies, auto drafts, and reasons that name the real cause. */
class PostKindTest {
  private static final String URL = BLOG + "/2024/01/a-post/";
  private static final String TESTIMONIAL_BODY = "single single-testimonials postid-12 wp-embed-responsive";
  private static final String TESTIMONIAL = "<article id=\"post-12\" class=\"post-12 testimonials type-testimonials"
      + " status-publish hentry\"><h1 class=\"entry-title\">Great team</h1>"
      + "<div class=\"entry-content\"><p>They shipped the whole thing in a week and answered every question.</p></div>"
      + "</article>";

  private static void assertKind(PageAnalysis p, PageKind kind, String reason) {
    assertEquals(kind, p.kind(), "kind (" + p.kindReason() + ")");
    assertEquals(reason, p.kindReason());
  }

  @Test
  void customPostTypeFromBodyClassIsNotAPost() {
    PageAnalysis p = analyze(URL, wordpressSingle("", TESTIMONIAL_BODY, TESTIMONIAL));
    assertKind(p, PageKind.OTHER, "post type testimonials not in postTypes");
    assertTrue(p.article().isEmpty());
  }

  @Test
  void customPostTypeListedInPostTypesIsAPost() {
    ArticleExtractor ex = HtmlPages.extractor(Selectors.wordpressDefaults().withPostTypes(List.of("post", "testimonials")));
    PageAnalysis p = analyze(ex, URL, wordpressSingle("", TESTIMONIAL_BODY, TESTIMONIAL));
    assertKind(p, PageKind.POST, "body class single-testimonials");
    assertEquals("Great team", p.article().orElseThrow().title());
  }

  @Test
  void customPostTypeFromPostClassWhenBodyHasNoClasses() {
    String html = HtmlPages.html("<title>Great team</title>", null, "<main>" + TESTIMONIAL + "</main>");
    assertKind(analyze(URL, html), PageKind.OTHER, "post type testimonials not in postTypes");
  }

  @Test
  void pageFromPostClassWhenBodyHasNoClassesIsNotAPost() {
    String html = HtmlPages.html("<title>About</title>", null, "<main><article class=\"post-7 page type-page status-publish hentry\">"
        + "<h1 class=\"entry-title\">About</h1><div class=\"entry-content\"><p>About us.</p></div></article></main>");
    assertKind(analyze(URL, html), PageKind.OTHER, "post type page not in postTypes");
  }

  @Test
  void singleWithPostIdReadsTypeFromPostClassWhenBodyNamesNoType() {
    String html = wordpressSingle("", "single postid-12", TESTIMONIAL);
    assertKind(analyze(URL, html), PageKind.OTHER, "post type testimonials not in postTypes");
  }

  @Test
  void attachmentPageIsNotAPost() {
    String html = wordpressSingle("", "attachment single single-attachment postid-34 attachmentid-34",
        "<article class=\"post-34 attachment type-attachment\"><h1 class=\"entry-title\">IMG_0042</h1>"
            + "<div class=\"entry-content\"><p>A photo of the whiteboard after the planning session.</p></div></article>");
    assertKind(analyze(URL, html), PageKind.OTHER, "post type attachment not in postTypes");
  }

  @Test
  void pageIsAPostOnlyWhenPageIsListed() {
    String html = wordpressSingle("", "page-template-default page page-id-7",
        "<article class=\"post-7 page type-page\"><h1 class=\"entry-title\">About</h1>"
            + "<div class=\"entry-content\"><p>We write about leading small teams, one week at a time.</p></div></article>");
    assertKind(analyze(URL, html), PageKind.OTHER, "body class page");
    ArticleExtractor ex = HtmlPages.extractor(Selectors.wordpressDefaults().withPostTypes(List.of("post", "page")));
    assertKind(analyze(ex, URL, html), PageKind.POST, "body class page");
  }

  @Test
  void postWithEmptyContentIsNotAPost() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\">"
        + "<h1 class=\"entry-title\">Thoughts</h1><div class=\"entry-content\">\n  <p>&nbsp;</p></div></article>");
    PageAnalysis p = analyze(URL, html);
    assertKind(p, PageKind.OTHER, "empty body");
    assertTrue(p.article().isEmpty());
  }

  @Test
  void passwordProtectedPostIsNotAPost() {
    String html = wordpressSingle("", SINGLE_POST + " post-password-required", "<article class=\"post-5 post type-post"
        + " post-password-required hentry\"><h1 class=\"entry-title\">Protected: Secret plans</h1><div class=\"entry-content\">"
        + "<form action=\"/wp-login.php?action=postpass\" class=\"post-password-form\" method=\"post\"><p>This content is"
        + " password protected. To view it please enter your password below:</p><p><label>Password: <input name=\"post_password\""
        + " type=\"password\"></label> <input type=\"submit\" value=\"Enter\"></p></form></div></article>");
    assertKind(analyze(URL, html), PageKind.OTHER, "password protected");
  }

  @Test
  void passwordProtectedPostWithItsMessageOutsideTheFormIsNotAPost() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post post-password-required hentry\">"
        + "<h1 class=\"entry-title\">Protected: Plans</h1><div class=\"entry-content\"><p class=\"post-password-message\">"
        + "This content is password protected. Please enter a password to view.</p><form action=\"/wp-login.php?action=postpass\""
        + " class=\"post-password-form\" method=\"post\"><label>Password</label><input name=\"post_password\" type=\"password\">"
        + "</form></div></article>");
    assertKind(analyze(URL, html), PageKind.OTHER, "password protected");
  }

  @Test
  void autoDraftTitleIsNotAPost() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\">"
        + "<h1 class=\"entry-title\">Auto Draft</h1><div class=\"entry-content\"><p>Lorem ipsum dolor sit amet,"
        + " consectetur adipiscing elit.</p></div></article>");
    assertKind(analyze(URL, html), PageKind.OTHER, "auto draft (title \"Auto Draft\")");
  }

  @Test
  void emptyBodyTitledWithSiteNameIsAnAutoDraft() {
    String html = HtmlPages.html("<title>Quiet Management</title><meta property=\"og:site_name\" content=\"Quiet Management\">",
        SINGLE_POST, "<main><article class=\"post-5 post type-post hentry\"><h1 class=\"entry-title\">Quiet Management</h1>"
            + "<div class=\"entry-content\"></div></article></main>");
    assertKind(analyze(URL, html), PageKind.OTHER, "auto draft (empty body, site name as title)");
  }

  @Test
  void postWithoutAnyParagraphsReportsNoContentFoundNotItsBodyClass() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\">"
        + "<h1 class=\"entry-title\">Gallery</h1><div class=\"gallery\"><img src=\"/a.jpg\" alt=\"\"></div></article>");
    PageAnalysis p = analyze(URL, html);
    assertKind(p, PageKind.OTHER, "no content found");
  }

  @Test
  void ordinaryPostKeepsItsBodyClassReason() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\">"
        + "<h1 class=\"entry-title\">Thoughts</h1><div class=\"entry-content\"><p>Short and true.</p></div></article>");
    assertKind(analyze(URL, html), PageKind.POST, "body class single-post");
  }

  @Test
  void singleFormatAndSingleAuthorClassesAreNotPostTypes() {
    String html = wordpressSingle("", "single-author single postid-5 single-format-aside",
        "<article class=\"post-5 post type-post format-aside hentry\"><h1 class=\"entry-title\">Aside</h1>"
            + "<div class=\"entry-content\"><p>Just a note.</p></div></article>");
    assertKind(analyze(URL, html), PageKind.POST, "post class type-post");
  }

  @Test
  void postTypesConfigKeyDefaultsToPostAndIsRead() {
    String base = "name: blog\nseeds: [\"https://blog.example.com/\"]\n";
    ConfigLoader loader = new ConfigLoader();
    assertEquals(List.of("post"), loader.parse(base).selectors().postTypes());
    assertEquals(List.of("post", "recipe"),
        loader.parse(base + "selectors:\n  postTypes: [post, recipe]\n").selectors().postTypes());
    ConfigException e = assertThrows(ConfigException.class,
        () -> loader.parse(base + "selectors:\n  postTypes: [\"Not A Type\"]\n"));
    assertTrue(e.getMessage().contains("selectors.postTypes[0]"), e.getMessage());
    ConfigException empty = assertThrows(ConfigException.class, () -> loader.parse(base + "selectors:\n  postTypes: []\n"));
    assertTrue(empty.getMessage().contains("selectors.postTypes"), empty.getMessage());
  }

  @Test
  void jsonLdPageTypeDecidesForPagesWithoutBodyClassesOrArticleObject() {
    String one = "<main><article class=\"post\"><h1 class=\"entry-title\">Jo</h1><div class=\"entry-content\">"
        + "<p>Jo writes about teams.</p></div></article></main>";
    String profile = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"ProfilePage\",\"name\":\"Jo\"}]}</script>";
    assertKind(analyze(URL, HtmlPages.html(profile, null, one)), PageKind.OTHER, "JSON-LD @type ProfilePage");
    String collection = profile.replace("ProfilePage", "CollectionPage");
    assertKind(analyze(URL, HtmlPages.html(collection, null, one)), PageKind.ARCHIVE, "JSON-LD @type CollectionPage");
    String withArticle = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"CollectionPage\"},"
        + "{\"@type\":\"BlogPosting\",\"headline\":\"Jo\"}]}</script>";
    assertKind(analyze(URL, HtmlPages.html(withArticle, null, one)), PageKind.POST, "JSON-LD article");
  }

  @Test
  void themeSingleClassesBeforeTheTypeDoNotHideIt() {
    String html = wordpressSingle("", "single-sidebar-right single single-testimonials postid-12", TESTIMONIAL);
    assertKind(analyze(URL, html), PageKind.OTHER, "post type testimonials not in postTypes");
  }

  @Test
  void thePostIsTheElementWithThisPagesPostIdNotAnEarlierCard() {
    String card = "<div class=\"featured\"><article id=\"post-8\" class=\"post-8 post type-post hentry\">"
        + "<h2 class=\"entry-title\">Featured elsewhere</h2><div class=\"entry-content\"><p>Another post's teaser that"
        + " is long enough to read.</p></div></article></div>";
    String own = "<article id=\"post-5\" class=\"post-5 post type-post hentry\"><h1 class=\"entry-title\">Own post</h1>"
        + "<div class=\"entry-content\"><p>The page's own text.</p></div></article>";
    Article a = HtmlPages.post(URL, wordpressSingle("", SINGLE_POST, card + own));
    assertEquals("Own post", a.title());
    assertEquals("The page's own text.", a.body());
  }
}
