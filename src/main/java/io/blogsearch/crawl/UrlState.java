package io.blogsearch.crawl;

import io.blogsearch.extract.PageKind;
import java.util.List;

/**
 * What the crawler remembers about a URL between crawls, so a recrawl can ask "changed since?"
 * and still follow the links of pages that answer 304.
 *
 * @param etag last ETag, or null
 * @param lastModified last Last-Modified, or null
 * @param canonical the canonical URL the page declared (a post's identity)
 * @param kind what the page was at its last full fetch
 * @param links links found on the page at the last full fetch
 */
public record UrlState(String etag, String lastModified, String canonical, PageKind kind, List<String> links) {
  public UrlState {
    links = links == null ? List.of() : List.copyOf(links);
  }
}
