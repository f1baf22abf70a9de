package io.blogsearch.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides from a page's markup whether it is a single post, an archive or something else.
 * WordPress states it in the body classes ({@code single-post}, {@code archive}, {@code home},
 * {@code paged}…); other engines are judged by Open Graph / JSON-LD type and by how many post
 * elements the page holds. URL shape is never the deciding signal: permalinks vary too much.
 */
final class PageClassifier {
  private static final Set<String> ARCHIVE_CLASSES = Set.of(
      "archive", "home", "blog", "search", "search-results", "paged", "category", "tag", "author",
      "date", "post-type-archive");

  /** A verdict and the signal that decided it. */
  record Verdict(PageKind kind, String reason) {}

  private final String postSelector;

  PageClassifier(String postSelector) {
    this.postSelector = postSelector;
  }

  Verdict classify(Document doc, JsonLd jsonLd, boolean hasTitle, boolean hasContent) {
    Set<String> classes = doc.body() == null ? Set.of() : doc.body().classNames();
    if (classes.contains("error404")) {
      return new Verdict(PageKind.OTHER, "body class error404");
    }
    if (classes.contains("single-post") || classes.contains("single") && hasPostIdClass(classes)
        && !classes.contains("attachment")) {
      return new Verdict(PageKind.POST, "body class single-post");
    }
    for (String c : classes) {
      if (ARCHIVE_CLASSES.contains(c)) {
        return new Verdict(PageKind.ARCHIVE, "body class " + c);
      }
    }
    if (classes.contains("page") || classes.contains("single") || classes.contains("attachment")) {
      return new Verdict(PageKind.OTHER, "body class " + (classes.contains("page") ? "page" : "single (not a post)"));
    }
    int postElements = doc.select(postSelector).size();
    if (postElements >= 2) {
      return new Verdict(PageKind.ARCHIVE, postElements + " post elements");
    }
    Element ogType = doc.selectFirst("meta[property=og:type]");
    String og = ogType == null ? "" : ogType.attr("content").strip().toLowerCase(Locale.ROOT);
    if (!og.isEmpty() && !og.equals("article")) {
      return new Verdict(PageKind.OTHER, "og:type " + og);
    }
    if ((og.equals("article") || jsonLd.isArticle()) && hasTitle && hasContent) {
      return new Verdict(PageKind.POST, og.equals("article") ? "og:type article" : "JSON-LD article");
    }
    if (postElements == 1 && hasTitle && hasContent) {
      return new Verdict(PageKind.POST, "one post element");
    }
    return new Verdict(PageKind.OTHER, "no post markup");
  }

  private static boolean hasPostIdClass(Set<String> classes) {
    return classes.stream().anyMatch(c -> c.startsWith("postid-"));
  }
}
