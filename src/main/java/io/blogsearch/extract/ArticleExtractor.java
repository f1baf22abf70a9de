package io.blogsearch.extract;

import io.blogsearch.config.Selectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The extract stage's façade: reads one parsed HTML page and says what it is, where it links and,
 * for a single post, what the post says. It never fetches anything; the crawler hands it pages.
 *
 * <p>Steps: {@link PageClassifier} judges the page from its markup (post type included); for a
 * post the content element comes from the configured selectors, else from
 * {@link MainContentScorer}; {@link Boilerplate} cleans it; {@link FieldReader},
 * {@link CommentReader} and {@link PaginationReader} read the rest. A would-be post with no
 * content, an empty body or the title "Auto Draft" is OTHER, and so is page 2..N of a multi-page
 * post, which still carries its body (see {@link PageAnalysis}).
 */
public final class ArticleExtractor {
  /** Post-like elements that are cards or widgets about other posts, never the page's own post. */
  private static final String NOT_THE_POST = String.join(", ",
      ".post-card", ".related-post", ".jp-relatedposts-post", "aside", "nav", "footer", ".read-next",
      ".related-posts", ".related", ".yarpp-related", ".crp_related", ".jp-relatedposts", ".widget:not(.Blog)",
      Boilerplate.DYNAMIC_BLOCKS);
  private static final String AUTO_DRAFT = "auto draft";

  private final Selectors selectors;
  private final UrlNormalizer urls;
  private final boolean followNofollow;
  private final PageClassifier classifier;
  private final RelatedLinksExtractor related;
  private final Boilerplate boilerplate;
  private final MainContentScorer scorer = new MainContentScorer();
  private final CommentReader comments;
  private final PaginationReader pagination;

  /**
   * @param selectors how to read post pages (and which post types are posts)
   * @param urls normaliser for every URL the page yields
   * @param followNofollow whether links marked {@code rel=nofollow} are still followed
   */
  public ArticleExtractor(Selectors selectors, UrlNormalizer urls, boolean followNofollow) {
    this.selectors = selectors;
    this.urls = urls;
    this.followNofollow = followNofollow;
    this.classifier = new PageClassifier(selectors.postTypes());
    this.related = new RelatedLinksExtractor(selectors.relatedLinks(), urls);
    List<String> extra = new ArrayList<>(selectors.remove());
    extra.addAll(selectors.relatedLinks());
    this.boilerplate = new Boilerplate(extra);
    this.comments = new CommentReader(selectors);
    this.pagination = new PaginationReader(urls);
  }

  /** Analyses a page fetched from {@code pageUrl} (already normalised). */
  public PageAnalysis analyze(String pageUrl, Document doc) {
    String canonical = canonicalOf(pageUrl, doc);
    String robots = metaRobots(doc);
    boolean noindex = robots.contains("noindex") || robots.contains("none");
    boolean nofollow = robots.contains("nofollow") || robots.contains("none");
    List<String> links = nofollow ? List.of() : linksOf(pageUrl, doc);
    List<String> feeds = new ArrayList<>();
    for (Element link : doc.select("link[rel=alternate][href][type~=(?i)application/(rss|atom)\\+xml]")) {
      urls.resolve(pageUrl, link.attr("href")).ifPresent(feeds::add);
    }
    Page page = new Page(pageUrl, canonical, noindex, nofollow, links, feeds);

    JsonLd jsonLd = JsonLd.of(doc);
    List<Element> postElements = postElements(doc);
    Element post = postElements.isEmpty() ? null : thisPost(doc, postElements);
    Element scope = post != null ? post : scopeWithoutPostElement(doc);
    Element titleEl = Css.first(scope, selectors.title());
    if (titleEl == null) {
      titleEl = Css.first(doc, selectors.title(), e -> e.closest(NOT_THE_POST) == null);
    }
    PageClassifier.Verdict verdict = classifier.classify(doc, jsonLd, postElements, post, titleEl != null);
    if (verdict.kind() != PageKind.POST) {
      return page.as(verdict.kind(), verdict.reason(), Optional.empty(), PageAnalysis.Pagination.SINGLE);
    }
    return readPost(page, doc, jsonLd, scope, titleEl, verdict.reason());
  }

  /**
   * The plain text of a post body given as HTML (a pushed post): cleaned by the same
   * {@link Boilerplate} as a crawled post's content element, then rendered as paragraphs.
   */
  public String textOfHtml(String html) {
    return TextBlocks.of(boilerplate.clean(org.jsoup.Jsoup.parseBodyFragment(html).body(), false));
  }

  /** The excerpt of a post that brings none: its body's opening, as for a crawled post. */
  public static String excerptOf(String bodyText) {
    return FieldReader.excerptOf(bodyText);
  }

  /** The facts every analysis carries, whatever the page turns out to be. */
  private record Page(String url, String canonical, boolean noindex, boolean nofollow, List<String> links,
      List<String> feeds) {
    PageAnalysis as(PageKind kind, String reason, Optional<Article> article, PageAnalysis.Pagination pagination) {
      return new PageAnalysis(kind, reason, canonical, noindex, nofollow, links, feeds, article, pagination);
    }
  }

  private PageAnalysis readPost(Page page, Document doc, JsonLd jsonLd, Element scope, Element titleEl,
      String postReason) {
    Element contentEl = Css.first(scope, selectors.content());
    if (contentEl == null) {
      contentEl = Css.first(doc, selectors.content(), e -> e.closest(MainContentScorer.EXCLUDED) == null);
    }
    boolean scored = contentEl == null;
    if (scored) {
      contentEl = scorer.find(scope);
      if (contentEl == null && scope != doc.body() && doc.body() != null) {
        contentEl = scorer.find(doc.body());
      }
    }
    if (contentEl == null) {
      return page.as(PageKind.OTHER, "no content found", Optional.empty(), PageAnalysis.Pagination.SINGLE);
    }
    String bodyText = TextBlocks.of(boilerplate.clean(contentEl, scored));
    Element scoredInPost = bodyText.isBlank() && !scored && scope.normalName().equals("article")
        ? scorer.find(scope) : null;
    if (scoredInPost != null) { // the selector matched an empty wrapper; the post's text is elsewhere in it
      contentEl = scoredInPost;
      scored = true;
      bodyText = TextBlocks.of(boilerplate.clean(contentEl, true));
    }
    FieldReader fields = new FieldReader(selectors, doc, scope, contentEl, jsonLd, scored);
    String title = fields.title(titleEl);
    String notAPost = notAPostReason(doc, scope, contentEl, fields, titleEl, title, bodyText);
    if (notAPost != null) {
      return page.as(PageKind.OTHER, notAPost, Optional.empty(), PageAnalysis.Pagination.SINGLE);
    }
    List<List<String>> terms = fields.terms();
    Article article = new Article(page.canonical(), title, bodyText, fields.excerpt(bodyText), fields.author(),
        fields.published(), fields.modified(), terms.get(0), terms.get(1), comments.read(doc),
        related.extract(doc, page.url(), page.canonical()));
    PageAnalysis.Pagination pages = pagination.read(scope, page.canonical());
    if (pages.isContinuation()) {
      return page.as(PageKind.OTHER, "page " + pages.page() + " of " + pages.firstPage(), Optional.of(article), pages);
    }
    return page.as(PageKind.POST, postReason, Optional.of(article), pages);
  }

  /** Why a page that looks like a post is not one (password, auto draft, empty body), or null. */
  private static String notAPostReason(Document doc, Element scope, Element contentEl, FieldReader fields,
      Element titleEl, String title, String bodyText) {
    if (scope.hasClass("post-password-required") || doc.body() != null && doc.body().hasClass("post-password-required")
        || contentEl.selectFirst("form.post-password-form") != null) {
      return "password protected";
    }
    String heading = titleEl == null ? "" : titleEl.text().strip();
    String pageTitle = doc.title().strip().toLowerCase(Locale.ROOT);
    if (title.equalsIgnoreCase(AUTO_DRAFT) || heading.isEmpty() && pageTitle.startsWith(AUTO_DRAFT)) {
      return "auto draft (title \"Auto Draft\")";
    }
    if (bodyText.isBlank()) {
      String site = fields.siteName();
      boolean titledAsSite = !site.isEmpty() && (heading.equalsIgnoreCase(site) || pageTitle.equalsIgnoreCase(site));
      return titledAsSite ? "auto draft (empty body, site name as title)" : "empty body";
    }
    return null;
  }

  /** The page's only plain {@code <article>}, else {@code main}, else the body. */
  private static Element scopeWithoutPostElement(Document doc) {
    List<Element> articles = doc.select("article").stream()
        .filter(a -> a.closest(NOT_THE_POST) == null && a.closest(MainContentScorer.EXCLUDED) == null).toList();
    if (articles.size() == 1) {
      return articles.get(0);
    }
    Element main = doc.selectFirst("main");
    return main != null ? main : doc.body() != null ? doc.body() : doc;
  }

  /** The post element carrying this page's id ({@code postid-N} on the body, {@code post-N}), else the first. */
  private static Element thisPost(Document doc, List<Element> postElements) {
    Set<String> bodyClasses = doc.body() == null ? Set.of() : doc.body().classNames();
    for (String c : bodyClasses) {
      if (c.startsWith("postid-")) {
        String id = "post-" + c.substring("postid-".length());
        for (Element e : postElements) {
          if (e.id().equals(id) || e.hasClass(id)) {
            return e;
          }
        }
      }
    }
    return postElements.get(0);
  }

  /** The page's outermost post elements in page order, cards and widgets about other posts left out. */
  private List<Element> postElements(Document doc) {
    List<Element> all = doc.select(selectors.post());
    Set<Element> matched = Collections.newSetFromMap(new IdentityHashMap<>());
    matched.addAll(all);
    List<Element> out = new ArrayList<>();
    for (Element e : all) {
      if (e.closest(NOT_THE_POST) == null && e.parents().stream().noneMatch(matched::contains)) {
        out.add(e);
      }
    }
    return out;
  }

  private String canonicalOf(String pageUrl, Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    Element og = doc.selectFirst("meta[property=og:url][content]");
    String href = link != null ? link.attr("href") : og != null ? og.attr("content") : null;
    if (href == null || href.isBlank()) {
      return pageUrl;
    }
    return urls.resolve(pageUrl, href).orElse(pageUrl);
  }

  private List<String> linksOf(String pageUrl, Document doc) {
    Set<String> out = new LinkedHashSet<>();
    for (Element a : doc.select("a[href], link[rel=next][href], link[rel=prev][href]")) {
      if (!followNofollow && a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
        continue;
      }
      urls.resolve(pageUrl, a.attr("href")).ifPresent(out::add);
    }
    out.remove(pageUrl);
    return new ArrayList<>(out);
  }

  private static String metaRobots(Document doc) {
    StringBuilder sb = new StringBuilder();
    for (Element m : doc.select("meta[name~=(?i)^(robots|blogsearch)$][content]")) {
      sb.append(m.attr("content").toLowerCase(Locale.ROOT)).append(',');
    }
    return sb.toString();
  }
}
