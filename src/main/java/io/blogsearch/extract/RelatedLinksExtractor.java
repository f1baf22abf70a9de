package io.blogsearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the links a site itself shows as related to a post, in the markup of the common
 * WordPress plugins: Similar Posts (a "Similar Posts:" heading followed by a list), YARPP
 * (including its thumbnail template), Contextual Related Posts and Jetpack, plus any selectors
 * the site config adds. These links are strong evidence for the related-posts engine.
 */
final class RelatedLinksExtractor {
  /** Heading text of list-style related blocks (Similar Posts plugin and hand-made lists). */
  static final Pattern HEADING = Pattern.compile(
      "(similar|related) (posts|articles|reading)\\s*:?", Pattern.CASE_INSENSITIVE);

  private record Markup(String source, String blockSelector) {}

  private static final List<Markup> PLUGINS = List.of(
      new Markup("yarpp", ".yarpp-related, .yarpp, .yarpp-thumbnails-horizontal"),
      new Markup("crp", ".crp_related"),
      new Markup("jetpack", "#jp-relatedposts .jp-relatedposts-post, .jp-relatedposts .jp-relatedposts-post"));

  private final List<String> extraSelectors;
  private final UrlNormalizer urls;
  /** Every plugin and config block: a heading inside one belongs to that block, not to Similar Posts. */
  private final String blockSelectors;

  RelatedLinksExtractor(List<String> extraSelectors, UrlNormalizer urls) {
    this.extraSelectors = List.copyOf(extraSelectors);
    this.urls = urls;
    List<String> blocks = new ArrayList<>();
    PLUGINS.forEach(m -> blocks.add(m.blockSelector()));
    blocks.addAll(this.extraSelectors);
    this.blockSelectors = String.join(", ", blocks);
  }

  /** Related links found anywhere in {@code root}, de-duplicated by URL, the page itself excluded. */
  List<Article.RelatedLink> extract(Element root, String pageUrl, String canonicalUrl) {
    Map<String, Article.RelatedLink> found = new LinkedHashMap<>();
    for (Element heading : similarPostsHeadings(root)) {
      if (heading.closest(blockSelectors) != null) {
        continue;
      }
      Element list = listAfter(heading);
      if (list != null) {
        addLinks(list, "similar-posts", pageUrl, canonicalUrl, found);
      }
    }
    for (Markup m : PLUGINS) {
      for (Element block : root.select(m.blockSelector())) {
        addLinks(block, m.source(), pageUrl, canonicalUrl, found);
      }
    }
    for (String css : extraSelectors) {
      for (Element block : root.select(css)) {
        addLinks(block, "config", pageUrl, canonicalUrl, found);
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Headings (or bold paragraphs) whose whole text is "Similar Posts:" or alike. */
  static List<Element> similarPostsHeadings(Element root) {
    List<Element> out = new ArrayList<>();
    for (Element e : root.select("h2, h3, h4, h5, h6, p, strong, b, div.similar-posts-title")) {
      if (e.text().length() < 40 && HEADING.matcher(e.text().strip()).matches()) {
        out.add(e);
      }
    }
    return out;
  }

  /** The list that follows a heading: its next element sibling, or its parent's when the heading is wrapped. */
  static Element listAfter(Element heading) {
    for (Element e = heading; e != null && e != heading.ownerDocument(); e = e.parent()) {
      Element next = e.nextElementSibling();
      if (next != null) {
        String tag = next.normalName();
        if (tag.equals("ul") || tag.equals("ol")) {
          return next;
        }
        return null;
      }
      Element parent = e.parent();
      if (parent == null || !parent.normalName().matches("p|strong|b|span|div")) {
        return null;
      }
    }
    return null;
  }

  private void addLinks(Element block, String source, String pageUrl, String canonicalUrl,
      Map<String, Article.RelatedLink> found) {
    List<Element> anchors = block.is("a[href]") ? List.of(block) : block.select("a[href]");
    for (Element a : anchors) {
      String url = urls.resolve(pageUrl, a.attr("href")).orElse(null);
      if (url == null || url.equals(canonicalUrl) || url.equals(pageUrl)) {
        continue;
      }
      String title = titleOf(a);
      Article.RelatedLink existing = found.get(url);
      if (existing == null || existing.title().isEmpty() && !title.isEmpty()) {
        found.put(url, new Article.RelatedLink(url, title, existing == null ? source : existing.source()));
      }
    }
  }

  private static String titleOf(Element a) {
    String text = a.text().strip();
    if (text.isEmpty() && a.parent() != null) {
      Element named = a.parent().selectFirst(".yarpp-thumbnail-title, .crp_title, .jp-relatedposts-post-title");
      text = named != null ? named.text().strip() : "";
    }
    if (text.isEmpty()) {
      text = a.attr("title").strip();
    }
    if (text.isEmpty()) {
      Element img = a.selectFirst("img[alt]");
      text = img == null ? "" : img.attr("alt").strip();
    }
    return text.toLowerCase(Locale.ROOT).equals("read more") ? "" : text;
  }
}
