package io.blogsearch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org Article/BlogPosting object of a page's JSON-LD, if any: SEO plugins (Yoast,
 * Rank Math) publish dates, author and type there even when the theme's markup is unusual.
 */
final class JsonLd {
  private static final Set<String> ARTICLE_TYPES = Set.of("Article", "BlogPosting", "NewsArticle", "TechArticle");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** schema.org page types that say what a page without an Article object is. */
  static final Set<String> PAGE_TYPES = Set.of("CollectionPage", "SearchResultsPage", "ProfilePage", "AboutPage",
      "ContactPage", "CheckoutPage", "FAQPage", "Product", "Event", "Recipe");

  private final JsonNode article;
  private final JsonNode website;
  private final String pageType;

  private JsonLd(JsonNode article, JsonNode website, String pageType) {
    this.article = article;
    this.website = website;
    this.pageType = pageType;
  }

  /** The first of {@link #PAGE_TYPES} the page declares, or null. */
  String pageType() {
    return pageType;
  }

  static JsonLd of(Document doc) {
    JsonNode article = null;
    JsonNode website = null;
    String pageType = null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode root = JSON.readTree(script.data());
        List<JsonNode> candidates = new ArrayList<>();
        collect(root, candidates);
        for (JsonNode n : candidates) {
          if (article == null && isArticle(n)) {
            article = n;
          } else if (website == null && hasType(n, "WebSite")) {
            website = n;
          }
          for (String t : PAGE_TYPES) {
            if (pageType == null && hasType(n, t)) {
              pageType = t;
            }
          }
        }
      } catch (Exception e) {
        // malformed JSON-LD is common; the page is still readable without it
      }
    }
    return new JsonLd(article, website, pageType);
  }

  private static boolean hasType(JsonNode n, String wanted) {
    JsonNode type = n.get("@type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (wanted.equals(t.asText())) {
          return true;
        }
      }
      return false;
    }
    return type != null && wanted.equals(type.asText());
  }

  /** The site's own name or description from its WebSite object, or null. */
  String website(String field) {
    JsonNode v = website == null ? null : website.get(field);
    return v != null && v.isValueNode() ? v.asText() : null;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else if (node.isObject()) {
      out.add(node);
      collect(node.get("@graph"), out);
    }
  }

  private static boolean isArticle(JsonNode n) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (ARTICLE_TYPES.contains(t.asText())) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText());
  }

  boolean isArticle() {
    return article != null;
  }

  String text(String field) {
    if (article == null || article.get(field) == null) {
      return null;
    }
    JsonNode v = article.get(field);
    return v.isValueNode() ? v.asText() : null;
  }

  String authorName() {
    if (article == null) {
      return null;
    }
    JsonNode a = article.get("author");
    if (a != null && a.isArray() && a.size() > 0) {
      a = a.get(0);
    }
    if (a == null) {
      return null;
    }
    if (a.isTextual()) {
      return a.asText();
    }
    return a.hasNonNull("name") ? a.get("name").asText() : null;
  }
}
