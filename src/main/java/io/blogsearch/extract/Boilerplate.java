package io.blogsearch.extract;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What is never part of a post's text: page furniture, share and ad boxes, related-post blocks,
 * the page-links of a multi-page post, and WordPress's dynamic blocks (Latest Posts, Latest
 * Comments, Archives, Calendar, Tag Cloud, Query Loop, Comments, Navigation, Search, RSS), whose
 * text changes with every new post or comment and says nothing about this one.
 */
final class Boilerplate {
  static final String FURNITURE = String.join(", ",
      "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "nav", "aside",
      "button", "input", "select", "textarea", "svg", ".screen-reader-text");

  static final String SHARE_ADS_RELATED = String.join(", ",
      ".sharedaddy", ".sd-sharing-enabled", ".sd-block", ".sd-like", ".addtoany_share_save_container",
      ".a2a_kit", ".wp-block-social-links", ".social-share", ".share-buttons", ".sharing", ".share-links",
      ".jp-relatedposts", "#jp-relatedposts", ".yarpp-related", ".yarpp", ".crp_related", ".related-posts",
      ".related-articles", ".post-navigation", ".comments-area", "#comments", ".comments-link", ".author-bio",
      ".adsbygoogle", ".advertisement", ".ad-container", ".wpcnt", ".read-next", ".post-card",
      ".subscription-widget-wrap", ".subscribe-widget", ".newsletter-signup",
      // ad slots: Newspaper's .td-a-rec, Jannah's .stream-item, class words starting "advert"
      // (not category-advertising, which WordPress puts on a post in that category)
      ".td-a-rec", ".stream-item", ".ad-slot", ".ad-unit", "ins.adsbygoogle", "[class~=(^|\\s)advert]",
      // Substack's subscribe, share and button widgets inside the post body
      ".subscription-widget-wrap-editor", ".subscription-widget", ".button-wrapper", ".share-dialog",
      ".captioned-button-wrap", "[data-component-name=SubscribeWidgetToDOM]",
      // Medium's byline row (name, reading time, date, claps, responses) printed above the story
      "[data-testid=authorName]", "[data-testid=storyReadTime]", "[data-testid=storyPublishDate]",
      ".pw-multi-vote-count", ".pw-responses-count");

  private static final java.util.Set<String> HEADING_ANCHOR_TEXT = java.util.Set.of("", "#", "¶", "§", "🔗");

  /** A block saying only that an ad or a reading time follows, or a byline's separators ("·", "--"). */
  private static final Pattern LABEL_ONLY = Pattern.compile("(?i)[-–—·•|\\s]*(advertisements?|sponsored"
      + "|\\d+\\s*(min|mins|minutes?)(\\s+read)?)?[-–—·•|\\s]*");

  static final String DYNAMIC_BLOCKS = String.join(", ",
      ".wp-block-latest-posts", ".wp-block-latest-comments", ".wp-block-archives", ".wp-block-calendar",
      "#wp-calendar", ".wp-block-tag-cloud", ".tagcloud", ".wp-block-query", ".wp-block-comments",
      ".wp-block-post-comments", ".wp-block-post-comments-form", ".wp-block-navigation", ".wp-block-search",
      ".search-form", ".wp-block-rss", ".wp-block-post-navigation-link", ".wp-block-categories",
      ".wp-block-page-list", ".wp-block-loginout", ".components-placeholder");

  /** Tag and category boxes some themes print inside the content (Jannah's .post-bottom-meta). */
  static final String TERMS_IN_CONTENT = ".post-bottom-meta, .tags-links, .post-tags, .entry-tags";

  /** The page-links of a multi-page post ({@code <!--nextpage-->}); read by {@link PaginationReader}. */
  static final String PAGE_LINKS = ".page-links, .post-nav-links";

  /** Post header and footer furniture, removed when the body had to be found by scoring. */
  static final String POST_FURNITURE = String.join(", ",
      "header", "footer", "h1", ".entry-meta", ".post-meta", ".byline", ".entry-footer", ".cat-links",
      ".tags-links", ".post-tags", ".entry-terms", ".postmetadata", "a[rel=author]", "[class*=byline]:not(:has(p))",
      "[class*=author]:not(:has(p))");

  private final List<String> extra;

  /** @param extra the site's own boilerplate selectors ({@code selectors.remove}, related blocks) */
  Boilerplate(List<String> extra) {
    this.extra = List.copyOf(extra);
  }

  /** A copy of {@code content} with every boilerplate element removed. */
  Element clean(Element content, boolean scored) {
    Element body = content.clone();
    body.select(FURNITURE).remove();
    body.select(SHARE_ADS_RELATED).remove();
    body.select(DYNAMIC_BLOCKS).remove();
    body.select(PAGE_LINKS).remove();
    body.select(TERMS_IN_CONTENT).remove();
    removeLabels(body);
    removeHeadingAnchors(body);
    if (scored) {
      body.select(POST_FURNITURE).remove();
    }
    for (String css : extra) {
      body.select(css).remove();
    }
    for (Element heading : RelatedLinksExtractor.similarPostsHeadings(body)) {
      Element list = RelatedLinksExtractor.listAfter(heading);
      if (list != null) {
        list.remove();
        heading.remove();
      }
    }
    return body;
  }

  /** Self-links static site generators put in headings (Hugo's "#", Sphinx's "¶"). */
  private static void removeHeadingAnchors(Element body) {
    for (Element a : body.select("h1 a[href^=#], h2 a[href^=#], h3 a[href^=#], h4 a[href^=#], h5 a[href^=#], h6 a[href^=#]")) {
      if (HEADING_ANCHOR_TEXT.contains(a.text().strip())) {
        a.remove();
      }
    }
  }

  /** Removes text blocks that are only an ad label, a reading time or separators (images kept). */
  private static void removeLabels(Element body) {
    for (Element e : body.select("p, div, span, li")) {
      if (e.parent() != null && e.selectFirst("img, picture, video, audio") == null
          && LABEL_ONLY.matcher(e.text()).matches()) {
        e.remove();
      }
    }
  }
}
