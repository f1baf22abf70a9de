package io.blogsearch.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides from a page's markup whether it is a single post, an archive or something else.
 * WordPress states it in the body classes ({@code single-post}, {@code archive}, {@code home},
 * {@code paged}…) and the post type in them ({@link PostTypeRules}); Ghost in its template
 * classes ({@code post-template}, {@code home-template}…); other engines are judged by Open
 * Graph / JSON-LD type and by how many post elements the page holds (related-post cards are not
 * counted). URL shape is never the deciding signal: permalinks vary too much.
 *
 * <p>A POST verdict is provisional: the extractor still turns it into OTHER when no content is
 * found, the body is empty or the post is an auto draft.
 */
final class PageClassifier {
  private static final Set<String> ARCHIVE_CLASSES = Set.of(
      "archive", "home", "blog", "search", "search-results", "paged", "category", "tag", "author",
      "date", "post-type-archive", "home-template", "tag-template", "author-template", "paged-template");

  /** A verdict and the signal that decided it. */
  record Verdict(PageKind kind, String reason) {}

  private final List<String> postTypes;

  PageClassifier(List<String> postTypes) {
    this.postTypes = List.copyOf(postTypes);
  }

  /**
   * @param postElements the page's outermost post elements, cards excluded, in page order
   * @param post the one of them that is this page's post, or null if there are none
   * @param hasTitle whether a post title was found
   */
  Verdict classify(Document doc, JsonLd jsonLd, List<Element> postElements, Element post, boolean hasTitle) {
    Set<String> classes = doc.body() == null ? Set.of() : doc.body().classNames();
    if (classes.contains("error404")) {
      return new Verdict(PageKind.OTHER, "body class error404");
    }
    Optional<PostTypeRules.PostType> type = PostTypeRules.of(classes, post);
    if (type.isPresent()) {
      return byType(type.get());
    }
    for (String c : classes) {
      if (ARCHIVE_CLASSES.contains(c)) {
        return new Verdict(PageKind.ARCHIVE, "body class " + c);
      }
    }
    if (classes.contains("list") && generator(doc).startsWith("hugo")) {
      return new Verdict(PageKind.ARCHIVE, "Hugo body class list");
    }
    if (classes.contains("post-template")) {
      return new Verdict(PageKind.POST, "body class post-template");
    }
    if (classes.contains("page") || classes.contains("single") || classes.contains("page-template")) {
      return new Verdict(PageKind.OTHER, "body class " + (classes.contains("single") ? "single (not a post)"
          : classes.contains("page") ? "page" : "page-template"));
    }
    return byMetadata(doc, jsonLd, postElements, post, hasTitle);
  }

  private Verdict byType(PostTypeRules.PostType type) {
    if (postTypes.contains(type.type())) {
      return new Verdict(PageKind.POST, type.signal());
    }
    if (type.signal().equals("body class page")) {
      return new Verdict(PageKind.OTHER, "body class page");
    }
    return new Verdict(PageKind.OTHER, "post type " + type.type() + " not in postTypes");
  }

  /** Engines without WordPress body classes: Open Graph, JSON-LD, the count of post elements. */
  private Verdict byMetadata(Document doc, JsonLd jsonLd, List<Element> postElements, Element post,
      boolean hasTitle) {
    Element ogType = doc.selectFirst("meta[property=og:type]");
    String og = ogType == null ? "" : ogType.attr("content").strip().toLowerCase(Locale.ROOT);
    boolean articleMeta = og.equals("article") || jsonLd.isArticle();
    int posts = postElements.size();
    if (posts >= 2 && !(articleMeta && hasPublishDate(doc, jsonLd) && doc.select("h1").size() == 1)) {
      return new Verdict(PageKind.ARCHIVE, posts + " post elements");
    }
    String pageType = jsonLd.isArticle() ? null : jsonLd.pageType();
    if (pageType != null) {
      boolean listing = pageType.equals("CollectionPage") || pageType.equals("SearchResultsPage");
      return new Verdict(listing ? PageKind.ARCHIVE : PageKind.OTHER, "JSON-LD @type " + pageType);
    }
    if (!og.isEmpty() && !og.equals("article")) {
      return new Verdict(PageKind.OTHER, "og:type " + og);
    }
    if (articleMeta && hasTitle) {
      return new Verdict(PageKind.POST, og.equals("article") ? "og:type article" : "JSON-LD article");
    }
    if (posts == 1) {
      Optional<PostTypeRules.PostType> type = PostTypeRules.ofElement(post);
      if (type.isPresent()) {
        return byType(type.get());
      }
      if (hasTitle) {
        return new Verdict(PageKind.POST, "one post element");
      }
    }
    return new Verdict(PageKind.OTHER, "no post markup");
  }

  private static boolean hasPublishDate(Document doc, JsonLd jsonLd) {
    return jsonLd.text("datePublished") != null || doc.selectFirst("meta[property=article:published_time]") != null;
  }

  private static String generator(Document doc) {
    Element g = doc.selectFirst("meta[name=generator][content]");
    return g == null ? "" : g.attr("content").strip().toLowerCase(Locale.ROOT);
  }
}
