package io.blogsearch.extract;

import java.util.List;
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
      ".related-articles", ".post-navigation", ".comments-area", "#comments", ".author-bio",
      ".adsbygoogle", ".advertisement", ".ad-container", ".wpcnt", ".read-next", ".post-card",
      ".subscription-widget-wrap", ".subscribe-widget", ".newsletter-signup");

  static final String DYNAMIC_BLOCKS = String.join(", ",
      ".wp-block-latest-posts", ".wp-block-latest-comments", ".wp-block-archives", ".wp-block-calendar",
      "#wp-calendar", ".wp-block-tag-cloud", ".tagcloud", ".wp-block-query", ".wp-block-comments",
      ".wp-block-post-comments", ".wp-block-post-comments-form", ".wp-block-navigation", ".wp-block-search",
      ".search-form", ".wp-block-rss", ".wp-block-post-navigation-link", ".wp-block-categories",
      ".wp-block-page-list", ".wp-block-loginout", ".components-placeholder");

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
}
