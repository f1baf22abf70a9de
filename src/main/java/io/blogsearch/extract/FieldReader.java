package io.blogsearch.extract;

import io.blogsearch.config.Selectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a post's fields other than body and comments. Metadata comes before markup where the
 * markup is ambiguous (dates: JSON-LD, then {@code article:*} meta, then the post's header or
 * footer); the post's own markup comes before site-wide metadata where the metadata may be the
 * site's (title, excerpt). Nothing is read from inside the content element, the comments, the
 * sidebars or dynamic blocks: a Latest Comments block's {@code <time>} is not the post's date.
 */
final class FieldReader {
  /** Areas that never hold the post's own metadata. */
  static final String NOT_METADATA = String.join(", ",
      "nav", "aside", "form", "#comments", ".comments-area", ".comment-list", ".comment",
      ".widget:not(.Blog)", // Blogger prints the post itself inside its Blog widget
      ".sidebar", "#sidebar", "[role=complementary]", ".site-header", "#masthead", ".site-footer", "#colophon",
      "header.wp-block-template-part", "footer.wp-block-template-part", Boilerplate.SHARE_ADS_RELATED,
      Boilerplate.DYNAMIC_BLOCKS);
  private static final String CATEGORY_CONTAINER =
      ".cat-links, .entry-terms.category, .taxonomy-category, .entry-categories, .post-categories, .categories";
  private static final String TAG_CONTAINER =
      ".tags-links, .entry-terms.post_tag, .taxonomy-post_tag, .entry-tags, .post-tags, .tags";
  private static final String SUMMARY = ".entry-summary, .wp-block-post-excerpt__excerpt, .post-excerpt,"
      + " .gh-article-excerpt, .post-full-custom-excerpt, .article-excerpt, .post-description";
  private static final List<String> TITLE_SEPARATORS = List.of(" – ", " — ", " | ", " - ", " · ", " :: ", " » ");
  private static final int EXCERPT_CHARS = 300;
  /** Kadence and others print tags as "#meetings" (the hash in its own span). */
  private static final java.util.regex.Pattern TAG_HASH = java.util.regex.Pattern.compile("^#\\s*");
  private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "(untitled)", "(no title)", "no title");

  private final Selectors selectors;
  private final Document doc;
  private final Element scope;
  private final Element content;
  private final JsonLd jsonLd;
  private final boolean scored;

  /**
   * @param scope the post element (or {@code main}, or the body)
   * @param content the content element as found in the page (not the cleaned copy), or null
   * @param scored whether {@code content} was found by scoring: it may then hold the post's header
   *     and footer, whose metadata counts
   */
  FieldReader(Selectors selectors, Document doc, Element scope, Element content, JsonLd jsonLd, boolean scored) {
    this.selectors = selectors;
    this.doc = doc;
    this.scope = scope;
    this.content = content;
    this.jsonLd = jsonLd;
    this.scored = scored;
  }

  /** Whether {@code e} may carry the post's metadata: outside the body, comments and page furniture. */
  boolean isMetadata(Element e) {
    Element terms = content == null ? null : e.closest(Boilerplate.TERMS_IN_CONTENT);
    if (terms != null && terms != content && terms.parents().contains(content) && terms.closest(NOT_METADATA) == null) {
      return true; // a tag box inside the content (Jannah's holds a .tagcloud, which is elsewhere a widget)
    }
    if (e.closest(NOT_METADATA) != null) {
      return false;
    }
    if (content == null || e != content && !e.parents().contains(content)) {
      return true;
    }
    Element furniture = scored ? e.closest(Boilerplate.POST_FURNITURE) : null;
    return furniture != null && furniture != content && furniture.parents().contains(content);
  }

  /** The post's heading, else JSON-LD headline, else og:title without the site-name suffix; never the site name. */
  String title(Element titleEl) {
    String site = siteName();
    String heading = titleEl == null ? "" : titleEl.text().strip();
    if (PLACEHOLDER_TITLES.contains(heading.toLowerCase(Locale.ROOT)) && !doc.title().contains(heading)) {
      return ""; // the theme's stand-in for a post without a title (twentytwentyone prints "Untitled")
    }
    if (!heading.isEmpty() && !heading.equalsIgnoreCase(site)) {
      return heading;
    }
    for (String candidate : new String[] {jsonLd.text("headline"), withoutSiteName(meta("og:title"), site)}) {
      if (candidate != null && !candidate.isBlank() && !candidate.strip().equalsIgnoreCase(site)) {
        return candidate.strip();
      }
    }
    return "";
  }

  /** The site's name: og:site_name, JSON-LD WebSite, the site-title element, or the {@code <title>} suffix. */
  String siteName() {
    String named = firstNonBlank(meta("og:site_name"), jsonLd.website("name"),
        textOf(doc.selectFirst(".site-title, .wp-block-site-title, .gh-head-logo, .site-name")));
    if (!named.isEmpty()) {
      return named;
    }
    String title = doc.title();
    for (String sep : TITLE_SEPARATORS) {
      int at = title.lastIndexOf(sep);
      if (at > 0) {
        return title.substring(at + sep.length()).strip();
      }
    }
    return "";
  }

  /** The site's tagline (its description on every page), or "". */
  String siteDescription() {
    return firstNonBlank(jsonLd.website("description"),
        textOf(doc.selectFirst(".site-description, .wp-block-site-tagline")));
  }

  static String withoutSiteName(String title, String site) {
    if (title == null || site.isEmpty()) {
      return title;
    }
    String t = title.strip();
    for (String sep : TITLE_SEPARATORS) {
      if (t.toLowerCase(Locale.ROOT).endsWith((sep + site).toLowerCase(Locale.ROOT))) {
        return t.substring(0, t.length() - sep.length() - site.length()).strip();
      }
    }
    return t.equalsIgnoreCase(site) ? "" : t;
  }

  /** rel=author and byline markup, then JSON-LD author, then {@code meta name=author}. */
  String author() {
    Element e = metadataElement(selectors.author());
    String name = e == null ? "" : e.text().strip();
    return name.isEmpty() ? firstNonBlank(jsonLd.authorName(), metaName("author")) : name;
  }

  /** JSON-LD datePublished, then article:published_time, then the post header's or footer's date. */
  Instant published() {
    Instant d = Dates.parse(firstNonBlank(jsonLd.text("datePublished"), meta("article:published_time")));
    return d != null ? d : metadataDate(selectors.published());
  }

  /** JSON-LD dateModified, then article:modified_time, then {@code time.updated} in the post header or footer. */
  Instant modified() {
    Instant d = Dates.parse(firstNonBlank(jsonLd.text("dateModified"), meta("article:modified_time")));
    return d != null ? d : metadataDate(selectors.modified());
  }

  /** Categories then tags, each in page order without duplicates. */
  List<List<String>> terms() {
    Set<String> categories = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    for (Element a : scope.select(selectors.categories() + ", " + selectors.tags())) {
      String text = TAG_HASH.matcher(a.text().strip()).replaceFirst("");
      if (!text.isEmpty() && isMetadata(a)) {
        (isCategory(a, a.is(selectors.categories())) ? categories : tags).add(text);
      }
    }
    return List.of(new ArrayList<>(categories), withMetaTags(tags, categories));
  }

  /**
   * The page's tags followed by the {@code article:tag} meta ones it does not print (Ghost shows
   * only the primary tag, headless and Yoast-fed themes none), without the categories some SEO
   * plugins list there too; a tag differing only in case is the same tag.
   */
  private List<String> withMetaTags(Set<String> tags, Set<String> categories) {
    Set<String> seen = new java.util.HashSet<>();
    categories.forEach(c -> seen.add(c.toLowerCase(Locale.ROOT)));
    tags.forEach(t -> seen.add(t.toLowerCase(Locale.ROOT)));
    List<String> out = new ArrayList<>(tags);
    for (Element m : doc.select("meta[property=article:tag][content]")) {
      String t = m.attr("content").strip();
      if (!t.isEmpty() && seen.add(t.toLowerCase(Locale.ROOT))) {
        out.add(t);
      }
    }
    return out;
  }

  /** Decided by URL, then container, then {@code rel}, then by which selector found it. */
  private static boolean isCategory(Element a, boolean fromCategorySelector) {
    String href = a.attr("href").toLowerCase(Locale.ROOT);
    if (href.contains("/category/")) {
      return true;
    }
    if (href.contains("/tag/")) {
      return false;
    }
    if (a.closest(CATEGORY_CONTAINER) != null) {
      return true;
    }
    if (a.closest(TAG_CONTAINER) != null) {
      return false;
    }
    String rel = " " + a.attr("rel").toLowerCase(Locale.ROOT) + " ";
    if (rel.contains(" category ")) {
      return true;
    }
    return !rel.contains(" tag ") && fromCategorySelector;
  }

  /**
   * The post's own printed summary, then JSON-LD description, og:description and meta description
   * unless they repeat the site's tagline or name (one page cannot tell a site-wide meta
   * description that says something else: the more specific sources come first), then the body's
   * opening.
   */
  String excerpt(String bodyText) {
    Element summary = Css.first(scope, SUMMARY, this::isMetadata); // elsewhere it may be another post's
    if (summary != null && !summary.text().isBlank()) {
      return summary.text().strip();
    }
    Set<String> siteWide = new LinkedHashSet<>();
    for (String s : List.of(siteDescription(), siteName())) {
      if (!s.isBlank()) {
        siteWide.add(s.strip().toLowerCase(Locale.ROOT));
      }
    }
    String[] descriptions = {jsonLd.text("description"), meta("og:description"), metaName("description")};
    for (String candidate : descriptions) {
      if (candidate != null && !candidate.isBlank() && !siteWide.contains(candidate.strip().toLowerCase(Locale.ROOT))
          && !aboutTheSite(candidate, siteName())) {
        return candidate.strip();
      }
    }
    return excerptOf(bodyText);
  }

  /** "Site Name: news and essays…", "Site Name is a blog about…": the site's description, not the post's. */
  static boolean aboutTheSite(String description, String site) {
    String d = description.strip().toLowerCase(Locale.ROOT);
    String s = site.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || !d.startsWith(s)) {
      return false;
    }
    String rest = d.substring(s.length());
    return rest.startsWith(":") || rest.startsWith(" is ") || rest.startsWith(" – ") || rest.startsWith(" — ")
        || rest.startsWith(" - ") || rest.startsWith(" | ");
  }

  static String excerptOf(String body) {
    String flat = body.replace("\n\n", " ").replace('\n', ' ');
    if (flat.length() <= EXCERPT_CHARS) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
    return flat.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS).strip() + "…";
  }

  /** The first metadata element for {@code group}: in the post element, else anywhere outside page furniture. */
  private Element metadataElement(String group) {
    Element e = Css.first(scope, group, this::isMetadata);
    return e != null || scope == doc.body() ? e : Css.first(doc, group, this::isMetadata);
  }

  private Instant metadataDate(String group) {
    for (Element root : scope == doc.body() ? List.<Element>of(scope) : List.of(scope, doc)) {
      for (String css : Css.alternatives(group)) {
        for (Element e : root.select(css)) {
          Instant d = isMetadata(e) ? dateOf(e) : null;
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  /** The instant in a {@code datetime}, {@code content} or {@code title} attribute, else in the text. */
  static Instant dateOf(Element e) {
    if (e == null) {
      return null;
    }
    for (String attr : List.of("datetime", "content", "title")) {
      if (e.hasAttr(attr)) {
        Instant d = Dates.parse(e.attr(attr));
        if (d != null) {
          return d;
        }
      }
    }
    return Dates.parse(e.text());
  }

  private String meta(String property) {
    Element m = doc.selectFirst("meta[property=" + property + "][content]");
    return m == null ? null : m.attr("content");
  }

  private String metaName(String name) {
    Element m = doc.selectFirst("meta[name=" + name + "][content]");
    return m == null ? null : m.attr("content");
  }

  private static String textOf(Element e) {
    return e == null ? "" : e.text().strip();
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
