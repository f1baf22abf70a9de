package io.blogsearch.crawl;

import io.blogsearch.extract.PageKind;
import java.time.Instant;
import java.util.List;

/**
 * What the crawler remembers about a URL between crawls, so a recrawl can ask "changed since?"
 * (or, with a sitemap's lastmod, not ask at all) and still follow the links of pages that answer 304.
 *
 * @param etag last ETag, or null
 * @param lastModified last Last-Modified, or null
 * @param canonical the canonical URL the page declared (a post's identity)
 * @param kind what the page was at its last full fetch
 * @param links links found on the page at the last full fetch
 * @param sitemapLastmod the {@code <lastmod>} a sitemap gave the URL when it was last validated, or
 *     null (not listed, listed without one, or state from before sitemap-driven recrawls)
 * @param validatedAt when the server last answered for the URL (200 or 304), or null if unknown
 */
public record UrlState(String etag, String lastModified, String canonical, PageKind kind, List<String> links,
    Instant sitemapLastmod, Instant validatedAt) {
  public UrlState {
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** State without sitemap or validation times (tests, and pages read outside a crawl's clock). */
  public UrlState(String etag, String lastModified, String canonical, PageKind kind, List<String> links) {
    this(etag, lastModified, canonical, kind, links, null, null);
  }

  /** The same state, validated again at {@code at} with the sitemap's current {@code lastmod}. */
  UrlState revalidated(Instant lastmod, Instant at) {
    return new UrlState(etag, lastModified, canonical, kind, links, lastmod, at);
  }
}
