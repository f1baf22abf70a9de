package io.blogsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.Selectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
  private static final String BLOG = "https://blog.example.com";

  private final ArticleExtractor extractor = extractorWith(Selectors.wordpressDefaults());

  private static ArticleExtractor extractorWith(Selectors selectors) {
    return new ArticleExtractor(selectors, new UrlNormalizer(Set.of()), false);
  }

  private static String fixture(String name) {
    try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/fixtures/extract/" + name)) {
      assertNotNull(in, "missing fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private PageAnalysis analyze(ArticleExtractor ex, String pageUrl, String fixtureName) {
    return ex.analyze(pageUrl, Jsoup.parse(fixture(fixtureName), pageUrl));
  }

  private PageAnalysis analyze(String pageUrl, String fixtureName) {
    return analyze(extractor, pageUrl, fixtureName);
  }

  private Article article(PageAnalysis analysis) {
    assertEquals(PageKind.POST, analysis.kind(), "kind (" + analysis.kindReason() + ")");
    assertTrue(analysis.article().isPresent(), "a POST page must yield an article");
    return analysis.article().get();
  }

  private static Article.RelatedLink link(String path, String title, String source) {
    return new Article.RelatedLink(BLOG + path, title, source);
  }

  /** Phrases from related blocks, share buttons, author bios and post navigation: none may reach the body. */
  private static void assertNoBoilerplateIn(String body, String... phrases) {
    for (String p : phrases) {
      assertFalse(body.contains(p), () -> "body leaks '" + p + "': " + body);
    }
  }

  // ---------------------------------------------------------------- related links

  @Test
  void readsSimilarPostsListAfterHeadingInsideEntryContent() {
    String url = BLOG + "/2023/02/feedback-loops-that-close/";
    Article a = article(analyze(url, "post-similar-posts.html"));

    assertEquals(List.of(
        link("/2022/11/one-on-ones-that-matter/", "One-on-ones that matter", "similar-posts"),
        link("/2023/02/delegation-without-abdication/", "Delegation without abdication", "similar-posts"),
        link("/2021/06/the-praise-sandwich-is-stale/", "The praise sandwich is stale", "similar-posts")),
        a.relatedLinks());
    assertEquals("Feedback that never comes back around is just noise.\n\n"
        + "Close the loop within a week, or say that you will not.", a.body());
    assertNoBoilerplateIn(a.body(), "Similar Posts", "One-on-ones", "Share this", "LinkedIn", "Post navigation");
  }

  @Test
  void readsSimilarPostsListAfterBoldParagraphHeading() {
    String url = BLOG + "/2023/09/hiring-for-slope/";
    Article a = article(analyze(url, "post-similar-posts-bold.html"));

    assertEquals(List.of(
        link("/2022/09/interview-loops/", "Interview loops", "similar-posts"),
        link("/2022/10/the-first-ninety-days/", "The first ninety days", "similar-posts")),
        a.relatedLinks());
    assertEquals("A candidate who learns fast will pass one who knows a lot within a year.", a.body());
  }

  @Test
  void readsYarppListTemplateLinks() {
    String url = BLOG + "/2023/05/writing-the-team-charter/";
    Article a = article(analyze(url, "post-yarpp-list.html"));

    assertEquals(List.of(
        link("/2023/01/ownership-maps/", "Ownership maps", "yarpp"),
        link("/2022/12/saying-no-as-a-team/", "Saying no as a team", "yarpp"),
        link("/2022/08/the-intake-form/", "The intake form", "yarpp")),
        a.relatedLinks());
    assertEquals("A charter is one page that says what the team owns, what it refuses, and how to ask it for help.\n\n"
        + "Write it together, in one afternoon, and revisit it each quarter.", a.body());
    assertNoBoilerplateIn(a.body(), "Related posts", "Ownership maps", "About the author", "Valencia");
  }

  @Test
  void readsYarppThumbnailTemplateLinks() {
    String url = BLOG + "/2023/06/roadmaps-are-promises/";
    Article a = article(analyze(url, "post-yarpp-thumbnails.html"));

    assertEquals(List.of(
        link("/2023/04/now-next-later/", "Now, next, later", "yarpp"),
        link("/2022/07/estimates-and-trust/", "Estimates & trust", "yarpp"),
        link("/2021/10/quarterly-planning-without-theatre/", "Quarterly planning without theatre", "yarpp")),
        a.relatedLinks());
    assertEquals("Whatever you label it, a roadmap shown to customers is read as a promise.", a.body());
    assertNoBoilerplateIn(a.body(), "You may also like", "Now, next, later");
  }

  @Test
  void readsContextualRelatedPostsLinksAndSkipsSelfLink() {
    String url = BLOG + "/2023/07/the-managers-calendar/";
    Article a = article(analyze(url, "post-crp.html"));

    assertEquals("The manager\u2019s calendar", a.title());
    assertEquals(List.of(
        link("/2022/03/maker-time/", "Maker time", "crp"),
        link("/2021/05/meeting-free-wednesdays/", "Meeting-free Wednesdays", "crp")),
        a.relatedLinks());
    assertEquals("Block two mornings a week and defend them like a customer meeting.", a.body());
    assertNoBoilerplateIn(a.body(), "Related Posts", "Maker time");
  }

  @Test
  void readsJetpackRelatedPostsWithoutTrackingParameters() {
    String url = BLOG + "/2023/08/onboarding-first-week/";
    Article a = article(analyze(url, "post-jetpack.html"));

    assertEquals(List.of(
        link("/2022/02/buddy-systems/", "Buddy systems", "jetpack"),
        link("/2022/10/the-first-ninety-days/", "The first ninety days", "jetpack"),
        link("/2023/01/writing-the-readme-for-you/", "Writing the README for you", "jetpack")),
        a.relatedLinks());
    assertEquals("Ship something small on day three.\n\nPair on everything else.", a.body());
    assertNoBoilerplateIn(a.body(), "Related", "Buddy systems", "February 9, 2022", "Share this", "Email",
        "Like this", "Loading");
  }

  @Test
  void reportsNoRelatedLinksForPostWithoutRelatedMarkup() {
    String url = BLOG + "/2023/09/quiet-weeks/";
    Article a = article(analyze(url, "post-no-related.html"));

    assertEquals(List.of(), a.relatedLinks());
    assertEquals("When nothing is on fire, ask why before you relax.\n\n"
        + "Sometimes it means the team stopped telling you things.", a.body());
    assertEquals("A calm week is data too.", a.excerpt(), "og:description is the excerpt when there is no meta description");
    assertEquals("Maren Okafor", a.author());
    assertNoBoilerplateIn(a.body(), "Previous post", "The skip-level", "Onboarding");
  }

  @Test
  void readsConfigSuppliedRelatedSelectorResolvingRelativeAndSkippingSelfLink() {
    Selectors d = Selectors.wordpressDefaults();
    Selectors custom = new Selectors(d.post(), d.title(), d.content(), d.author(), d.published(),
        d.modified(), d.categories(), d.tags(), d.comment(), d.commentAuthor(), d.commentContent(),
        d.commentDate(), List.of(".my-related"), d.remove());
    String url = BLOG + "/2023/10/pricing-the-on-call-rota/";
    Article a = article(analyze(extractorWith(custom), url, "post-config-related.html"));

    assertEquals(List.of(
        link("/2023/09/on-call-part-1/", "Part 1: Who carries the pager", "config"),
        link("/2023/11/on-call-part-3/", "Part 3: Retiring the rota", "config")),
        a.relatedLinks());
    assertEquals("On-call is work, and work that is not paid for is paid for in attrition.", a.body());
    assertNoBoilerplateIn(a.body(), "Related articles", "Part 1", "Part 3");
  }

  @Test
  void readsHandMadeRelatedArticlesListAsSimilarPostsWithoutConfig() {
    String url = BLOG + "/2023/10/pricing-the-on-call-rota/";
    Article a = article(analyze(url, "post-config-related.html"));

    assertEquals(List.of(
        link("/2023/09/on-call-part-1/", "Part 1: Who carries the pager", "similar-posts"),
        link("/2023/11/on-call-part-3/", "Part 3: Retiring the rota", "similar-posts")),
        a.relatedLinks());
    assertEquals("On-call is work, and work that is not paid for is paid for in attrition.", a.body());
  }

  // ---------------------------------------------------------------- fields

  private static final String TT1_URL = BLOG + "/2023/03/status-meetings-hidden-cost/";

  @Test
  void extractsTitleWithDecodedEntities() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals("Status Meetings & Their <Hidden> Cost", a.title());
    assertEquals(TT1_URL, a.url());
  }

  @Test
  void extractsBodyAsParagraphsWithHeadingsAndListItemsSeparate() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals(String.join("\n\n",
        "Every Monday at ten, seven people join a call to read aloud what is already written in the tracker. "
            + "Nobody enjoys it, nobody admits it, and the ritual survives because cancelling it feels like "
            + "admitting that the team has stopped talking. This post is about what that hour really costs & "
            + "what to put in its place.",
        "Counting the hour",
        "Seven people times one hour is a working day, every week. Add the ten minutes before the call when "
            + "nobody starts anything deep, and the ten minutes after, spent catching up on chat.",
        "Updates that could have been a written note",
        "Questions that only two people care about",
        "Decisions postponed because the owner was absent",
        "What the numbers hide",
        "The real cost is not the hour: it is the signal that talking happens at a fixed time. When x < y in "
            + "your team, where x is the urgent questions raised in chat and y is the ones held back for Monday, "
            + "you have a problem.",
        "A meeting should end with a decision or it should not have started.",
        "An old team lead of mine",
        "Try one month of written updates first.\nKeep the call, but make it optional."),
        a.body());
    assertNoBoilerplateIn(a.body(), "Share this", "Twitter", "Facebook", "View all of", "twelve years",
        "Post navigation", "Previous post", "Why one-on-ones drift", "Jonas", "Leave a comment");
  }

  @Test
  void cutsExcerptAtWordBoundaryWhenNoMetaDescription() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals("Every Monday at ten, seven people join a call to read aloud what is already written in the tracker. "
        + "Nobody enjoys it, nobody admits it, and the ritual survives because cancelling it feels like "
        + "admitting that the team has stopped talking. This post is about what that hour really costs & "
        + "what to put\u2026", a.excerpt());
  }

  @Test
  void usesMetaDescriptionAsExcerptWhenPresent() {
    Article a = article(analyze(BLOG + "/2023/02/feedback-loops-that-close/", "post-similar-posts.html"));
    assertEquals("Why feedback that never comes back around is just noise, and three habits that close the loop.",
        a.excerpt());
  }

  @Test
  void usesWholeShortBodyAsExcerptWithoutEllipsis() {
    Article a = article(analyze(BLOG + "/2023/06/roadmaps-are-promises/", "post-yarpp-thumbnails.html"));
    assertEquals("Whatever you label it, a roadmap shown to customers is read as a promise.", a.excerpt());
  }

  @Test
  void readsAuthorFromRelAuthorBylineNotAuthorBio() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals("Maren Okafor", a.author());
  }

  @Test
  void readsPublishedAndModifiedFromTimeElements() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals(Instant.parse("2023-03-14T09:30:00Z"), a.published());
    assertEquals(Instant.parse("2023-04-02T16:05:11Z"), a.modified());
  }

  @Test
  void readsCategoriesAndTagsInPageOrderWithoutDuplicates() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals(List.of("Meetings", "Leadership"), a.categories());
    assertEquals(List.of("rituals", "time & focus"), a.tags());
  }

  @Test
  void readsThreadedCommentsWithParentIdsAndOwnTextOnly() {
    Article a = article(analyze(TT1_URL, "post-twentytwentyone.html"));
    assertEquals(List.of(
        new Article.Comment("comment-11", "", "Jonas Lindqvist", Instant.parse("2023-03-15T07:02:19Z"),
            "We dropped our Monday call last year. The first month was rough.\n\n"
                + "By the third month nobody wanted it back."),
        new Article.Comment("comment-12", "comment-11", "Maren Okafor", Instant.parse("2023-03-15T09:40:00Z"),
            "What replaced it & who reads the notes?"),
        new Article.Comment("comment-14", "", "Priya", Instant.parse("2023-03-16T17:20:00Z"),
            "Ours is fifteen minutes, standing, and ends at the first <aside>.")),
        a.comments());
    assertFalse(a.comments().get(0).text().contains("What replaced it"), "reply text leaked into its parent");
  }

  @Test
  void reportsPostPageHeadFacts() {
    PageAnalysis p = analyze(TT1_URL, "post-twentytwentyone.html");
    assertEquals(PageKind.POST, p.kind());
    assertEquals("body class single-post", p.kindReason());
    assertEquals(TT1_URL, p.canonicalUrl());
    assertFalse(p.noindex());
    assertFalse(p.nofollow());
    assertEquals(List.of(BLOG + "/feed/", BLOG + "/comments/feed/", BLOG + "/2023/03/status-meetings-hidden-cost/feed/"),
        p.feeds());
  }

  @Test
  void collectsFollowableLinksSkippingNofollowSelfAndDuplicates() {
    PageAnalysis p = analyze(TT1_URL, "post-twentytwentyone.html");
    assertEquals(List.of(
        BLOG + "/",
        BLOG + "/about/",
        BLOG + "/author/maren/",
        BLOG + "/category/meetings/",
        BLOG + "/category/leadership/",
        BLOG + "/tag/rituals/",
        BLOG + "/tag/time-focus/",
        BLOG + "/2023/02/why-one-on-ones-drift/",
        BLOG + "/2023/03/the-decision-log/",
        "https://wordpress.org/"), p.links());
  }

  // ---------------------------------------------------------------- date / author fallbacks

  @Test
  void readsPublishedFromArticleMetaAndAuthorFromMetaNameWhenNoTimeElements() {
    Article a = article(analyze(BLOG + "/2021/05/retros-ohne-schuld/", "post-meta-date.html"));
    assertEquals(Instant.parse("2021-05-03T08:00:00Z"), a.published());
    assertNull(a.modified());
    assertEquals("Lena Hofmann", a.author());
    assertEquals("Retros ohne Schuld", a.title());
    assertEquals("Eine Retrospektive sucht Ursachen, keine Schuldigen.", a.body());
  }

  @Test
  void readsDatesAndAuthorFromJsonLdGraphBlogPosting() {
    Article a = article(analyze(BLOG + "/2022/11/budget-season-survival/", "post-jsonld.html"));
    assertEquals(Instant.parse("2022-11-07T06:45:00Z"), a.published());
    assertEquals(Instant.parse("2022-11-09T17:00:00Z"), a.modified());
    assertEquals("Kofi Mensah", a.author());
    assertEquals("Ask for headcount in September, not in November.", a.body());
  }

  // ---------------------------------------------------------------- classification

  private void assertKind(String fixtureName, String pageUrl, PageKind kind, String reason) {
    PageAnalysis p = analyze(pageUrl, fixtureName);
    assertEquals(kind, p.kind(), fixtureName + " kind");
    assertEquals(reason, p.kindReason(), fixtureName + " reason");
    assertEquals(kind == PageKind.POST, p.article().isPresent(), fixtureName + " article presence");
  }

  @Test
  void classifiesSinglePostFromBodyClass() {
    assertKind("post-twentytwentyone.html", TT1_URL, PageKind.POST, "body class single-post");
  }

  @Test
  void classifiesCategoryArchiveFromBodyClass() {
    assertKind("archive-category.html", BLOG + "/category/meetings/", PageKind.ARCHIVE, "body class archive");
  }

  @Test
  void classifiesHomeFromBodyClass() {
    assertKind("home.html", BLOG + "/", PageKind.ARCHIVE, "body class home");
  }

  @Test
  void classifiesPagedHomeAsArchiveAndFollowsRelPrevNext() {
    PageAnalysis p = analyze(BLOG + "/page/2/", "home-paged.html");
    assertEquals(PageKind.ARCHIVE, p.kind());
    assertEquals("body class home", p.kindReason());
    assertEquals(Optional.empty(), p.article());
    assertEquals(List.of(BLOG + "/", BLOG + "/page/3/", BLOG + "/2023/06/roadmaps-are-promises/"), p.links());
  }

  @Test
  void classifiesStaticPageAsOtherDespiteHentryAndEntryTitle() {
    assertKind("page-static.html", BLOG + "/about/", PageKind.OTHER, "body class page");
  }

  @Test
  void classifiesError404AsOther() {
    assertKind("error-404.html", BLOG + "/no-such-thing/", PageKind.OTHER, "body class error404");
  }

  @Test
  void classifiesPageWithoutBodyClassesAndTwoPostElementsAsArchive() {
    assertKind("nobodyclass-two-articles.html", "https://notes.example.net/", PageKind.ARCHIVE, "2 post elements");
  }

  @Test
  void classifiesPageWithoutBodyClassesAndOgTypeArticleAsPost() {
    String url = "https://notes.example.net/notes/standups/";
    assertKind("nobodyclass-og-article.html", url, PageKind.POST, "og:type article");
    Article a = analyze(url, "nobodyclass-og-article.html").article().orElseThrow();
    assertEquals("Standups", a.title());
    assertEquals("Shorter is better.\n\nFifteen minutes, then stop.", a.body());
    assertNull(a.published());
    assertEquals("", a.author());
  }

  @Test
  void classifiesPageWithoutBodyClassesAndOgTypeWebsiteAsOther() {
    assertKind("nobodyclass-og-website.html", "https://notes.example.net/", PageKind.OTHER, "og:type website");
  }

  // ---------------------------------------------------------------- robots, links, feeds, canonical

  @Test
  void metaRobotsNoindexFollowSetsOnlyNoindex() {
    PageAnalysis p = analyze(BLOG + "/thanks/", "robots-noindex-follow.html");
    assertTrue(p.noindex());
    assertFalse(p.nofollow());
    assertEquals(List.of(BLOG + "/", BLOG + "/about/"), p.links());
  }

  @Test
  void metaRobotsNoneSetsNoindexAndNofollow() {
    PageAnalysis p = analyze(BLOG + "/drafts/preview/", "robots-none.html");
    assertTrue(p.noindex());
    assertTrue(p.nofollow());
    assertEquals(List.of(), p.links());
  }

  @Test
  void metaRobotsNofollowEmptiesLinksButKeepsArticle() {
    PageAnalysis p = analyze(BLOG + "/roundup/", "robots-nofollow.html");
    assertFalse(p.noindex());
    assertTrue(p.nofollow());
    assertEquals(List.of(), p.links());
    assertEquals("Read this essay and our own take.", article(p).body());
  }

  private static final String LISTING_URL = BLOG + "/category/meetings/page/2/?orderby=title";

  @Test
  void skipsRelNofollowLinksAndKeepsLinkRelNextAndPrev() {
    PageAnalysis p = analyze(LISTING_URL, "links-and-feeds.html");
    assertEquals(PageKind.ARCHIVE, p.kind());
    assertEquals(List.of(
        BLOG + "/category/meetings/",
        BLOG + "/category/meetings/page/3/",
        BLOG + "/2022/12/agenda-first/",
        BLOG + "/2022/11/hello-meetings/"), p.links());
  }

  @Test
  void readsRssAndAtomFeedsFromHeadResolvingRelativeHrefs() {
    PageAnalysis p = analyze(LISTING_URL, "links-and-feeds.html");
    assertEquals(List.of(BLOG + "/feed/", BLOG + "/feed/atom/", BLOG + "/category/meetings/feed/"), p.feeds());
  }

  @Test
  void resolvesRelativeCanonicalAndNormalisesIt() {
    PageAnalysis p = analyze(LISTING_URL, "links-and-feeds.html");
    assertEquals(BLOG + "/category/meetings/page/2/", p.canonicalUrl());
  }

  @Test
  void fallsBackToPageUrlWhenNoCanonical() {
    String url = BLOG + "/2023/09/hiring-for-slope/";
    PageAnalysis p = analyze(url, "post-similar-posts-bold.html");
    assertEquals(url, p.canonicalUrl());
    assertEquals(url, article(p).url());
  }

  @Test
  void articleUrlIsCanonicalNotPageUrl() {
    PageAnalysis p = analyze(BLOG + "/?p=41", "post-similar-posts.html");
    assertEquals(BLOG + "/2023/02/feedback-loops-that-close/", p.canonicalUrl());
    assertEquals(BLOG + "/2023/02/feedback-loops-that-close/", article(p).url());
  }
}
