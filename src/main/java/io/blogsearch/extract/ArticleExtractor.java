package io.blogsearch.extract;

import io.blogsearch.config.Selectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The extract stage's façade: reads one parsed HTML page and says what it is, where it links and,
 * for a single post, what the post says. It never fetches anything; the crawler hands it pages.
 */
public final class ArticleExtractor {
  /** Page furniture that is never part of a post's text. */
  private static final String BOILERPLATE = String.join(", ",
      "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "nav", "aside",
      "button", "input", "select", "textarea", "svg", ".screen-reader-text",
      ".sharedaddy", ".sd-sharing-enabled", ".sd-block", ".sd-like", ".addtoany_share_save_container",
      ".a2a_kit", ".wp-block-social-links", ".social-share", ".share-buttons", ".jp-relatedposts",
      "#jp-relatedposts", ".yarpp-related", ".yarpp", ".crp_related", ".post-navigation",
      ".comments-area", "#comments", ".author-bio", ".adsbygoogle", ".advertisement", ".wpcnt");
  private static final int EXCERPT_CHARS = 300;

  private final Selectors selectors;
  private final UrlNormalizer urls;
  private final boolean followNofollow;
  private final PageClassifier classifier;
  private final RelatedLinksExtractor related;

  /**
   * @param selectors how to read post pages
   * @param urls normaliser for every URL the page yields
   * @param followNofollow whether links marked {@code rel=nofollow} are still followed
   */
  public ArticleExtractor(Selectors selectors, UrlNormalizer urls, boolean followNofollow) {
    this.selectors = selectors;
    this.urls = urls;
    this.followNofollow = followNofollow;
    this.classifier = new PageClassifier(selectors.post());
    this.related = new RelatedLinksExtractor(selectors.relatedLinks(), urls);
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

    JsonLd jsonLd = JsonLd.of(doc);
    Element scope = firstOf(doc, selectors.post());
    if (scope == null) {
      scope = doc.selectFirst("main");
    }
    if (scope == null) {
      scope = doc.body() == null ? doc : doc.body();
    }
    Element titleEl = firstIn(scope, doc, selectors.title());
    Element contentEl = firstIn(scope, doc, selectors.content());
    PageClassifier.Verdict verdict = classifier.classify(doc, jsonLd, titleEl != null, contentEl != null);
    Optional<Article> article = Optional.empty();
    if (verdict.kind() == PageKind.POST && contentEl != null) {
      article = Optional.of(readArticle(pageUrl, canonical, doc, scope, titleEl, contentEl, jsonLd));
    }
    return new PageAnalysis(verdict.kind(), verdict.reason(), canonical, noindex, nofollow, links, feeds, article,
        PageAnalysis.Pagination.SINGLE);
  }

  private Article readArticle(String pageUrl, String canonical, Document doc, Element scope,
      Element titleEl, Element contentEl, JsonLd jsonLd) {
    String title = titleEl != null ? titleEl.text().strip() : "";
    if (title.isEmpty()) {
      title = firstNonBlank(jsonLd.text("headline"), meta(doc, "og:title"), doc.title());
    }
    List<Article.RelatedLink> relatedLinks = related.extract(doc, pageUrl, canonical);

    Element body = contentEl.clone();
    body.select(BOILERPLATE).remove();
    for (String css : selectors.remove()) {
      body.select(css).remove();
    }
    for (String css : selectors.relatedLinks()) {
      body.select(css).remove();
    }
    for (Element heading : RelatedLinksExtractor.similarPostsHeadings(body)) {
      Element list = RelatedLinksExtractor.listAfter(heading);
      if (list != null) {
        list.remove();
        heading.remove();
      }
    }
    String bodyText = TextBlocks.of(body);

    Element authorEl = firstIn(scope, null, selectors.author());
    String author = authorEl != null ? authorEl.text().strip() : "";
    if (author.isEmpty()) {
      author = firstNonBlank(jsonLd.authorName(), metaName(doc, "author"), "");
    }
    Instant published = firstDate(scope, selectors.published());
    if (published == null) {
      published = Dates.parse(firstNonBlank(meta(doc, "article:published_time"), jsonLd.text("datePublished"), ""));
    }
    Instant modified = firstDate(scope, selectors.modified());
    if (modified == null) {
      modified = Dates.parse(firstNonBlank(meta(doc, "article:modified_time"), jsonLd.text("dateModified"), ""));
    }
    String excerpt = firstNonBlank(metaName(doc, "description"), meta(doc, "og:description"), excerptOf(bodyText));
    return new Article(canonical, title, bodyText, excerpt, author, published, modified,
        texts(scope, selectors.categories()), texts(scope, selectors.tags()), comments(doc),
        relatedLinks);
  }

  private List<Article.Comment> comments(Document doc) {
    List<Article.Comment> out = new ArrayList<>();
    for (Element c : doc.select(selectors.comment())) {
      Element authorEl = ownFirst(c, selectors.commentAuthor());
      Element textEl = ownFirst(c, selectors.commentContent());
      if (textEl == null) {
        continue;
      }
      Element dateEl = ownFirst(c, selectors.commentDate());
      Element parent = c.parents().stream().filter(p -> p.is(selectors.comment())).findFirst().orElse(null);
      out.add(new Article.Comment(c.id(), parent == null ? "" : parent.id(),
          authorEl == null ? "" : authorEl.text().strip(), dateOf(dateEl), TextBlocks.of(textEl)));
    }
    return out;
  }

  /** The first match of {@code css} inside {@code comment} that does not belong to a nested reply. */
  private Element ownFirst(Element comment, String css) {
    for (Element e : comment.select(css)) {
      Element owner = e.parents().stream().filter(p -> p.is(selectors.comment())).findFirst().orElse(null);
      if (owner == comment) {
        return e;
      }
    }
    return null;
  }

  private String canonicalOf(String pageUrl, Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    String href = link != null ? link.attr("href") : meta(doc, "og:url");
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

  private static List<String> texts(Element scope, String css) {
    Set<String> out = new LinkedHashSet<>();
    for (Element e : scope.select(css)) {
      String t = e.text().strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return new ArrayList<>(out);
  }

  private static Instant firstDate(Element scope, String css) {
    for (Element e : scope.select(css)) {
      Instant d = dateOf(e);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static Instant dateOf(Element e) {
    if (e == null) {
      return null;
    }
    for (String attr : List.of("datetime", "content")) {
      if (e.hasAttr(attr)) {
        Instant d = Dates.parse(e.attr(attr));
        if (d != null) {
          return d;
        }
      }
    }
    return Dates.parse(e.text());
  }

  private static String excerptOf(String body) {
    String flat = body.replace("\n\n", " ").replace('\n', ' ');
    if (flat.length() <= EXCERPT_CHARS) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
    return flat.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS).strip() + "…";
  }

  private static Element firstOf(Document doc, String css) {
    Elements found = doc.select(css);
    return found.isEmpty() ? null : found.first();
  }

  private static Element firstIn(Element scope, Document fallback, String css) {
    Element e = scope.selectFirst(css);
    if (e == null && fallback != null) {
      e = fallback.selectFirst(css);
    }
    return e;
  }

  private static String meta(Document doc, String property) {
    Element m = doc.selectFirst("meta[property=" + property + "][content]");
    return m == null ? null : m.attr("content");
  }

  private static String metaName(Document doc, String name) {
    Element m = doc.selectFirst("meta[name=" + name + "][content]");
    return m == null ? null : m.attr("content");
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
