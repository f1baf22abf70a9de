package io.blogsearch.extract;

import java.util.List;
import java.util.Optional;

/**
 * The extractor's verdict on one HTML page.
 *
 * @param kind post, archive or other
 * @param kindReason the markup signal that decided the kind, for the crawl report
 * @param canonicalUrl normalised {@code rel=canonical} target, or the page URL if it has none
 * @param noindex the page asks not to be indexed ({@code meta robots})
 * @param nofollow the page asks that its links not be followed
 * @param links normalised in-page links to follow (empty when {@code nofollow})
 * @param feeds feed URLs announced in the page head
 * @param article the post, present only for {@link PageKind#POST}
 */
public record PageAnalysis(
    PageKind kind,
    String kindReason,
    String canonicalUrl,
    boolean noindex,
    boolean nofollow,
    List<String> links,
    List<String> feeds,
    Optional<Article> article) {

  public PageAnalysis {
    links = List.copyOf(links);
    feeds = List.copyOf(feeds);
  }
}
