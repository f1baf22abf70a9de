package io.blogsearch.extract;

import java.util.List;
import java.util.Optional;

/**
 * The extractor's verdict on one HTML page.
 *
 * <p>Multi-page posts ({@code <!--nextpage-->}): page 1 is {@link PageKind#POST} with
 * {@code pagination.laterPages()} listing pages 2..N. Page 2..N is {@link PageKind#OTHER} with
 * {@code kindReason} {@code "page N of <firstPage>"}, {@code pagination.isContinuation()} true,
 * and {@code article} still present: its {@code body} is that page's text (its other fields are
 * read from that page too); a crawler appends the bodies of pages 2..N, in order, to page 1's
 * article and never indexes a continuation on its own ({@link #continuationText()}).
 *
 * @param kind post, archive or other
 * @param kindReason the markup signal that decided the kind, for the crawl report
 * @param canonicalUrl normalised {@code rel=canonical} target, or the page URL if it has none
 * @param noindex the page asks not to be indexed ({@code meta robots})
 * @param nofollow the page asks that its links not be followed
 * @param links normalised in-page links to follow (empty when {@code nofollow})
 * @param feeds feed URLs announced in the page head
 * @param article the post, present for {@link PageKind#POST} and for a continuation page (see above)
 * @param pagination where this page sits in a multi-page post ({@code <!--nextpage-->})
 */
public record PageAnalysis(
    PageKind kind,
    String kindReason,
    String canonicalUrl,
    boolean noindex,
    boolean nofollow,
    List<String> links,
    List<String> feeds,
    Optional<Article> article,
    Pagination pagination) {

  public PageAnalysis {
    links = List.copyOf(links);
    feeds = List.copyOf(feeds);
    pagination = pagination == null ? Pagination.SINGLE : pagination;
  }

  /** The body text of page 2..N of a multi-page post, empty for any other page. */
  public Optional<String> continuationText() {
    return pagination.isContinuation() ? article.map(Article::body) : Optional.empty();
  }

  /**
   * A post split into pages ({@code .page-links}, {@code .post-nav-links}): page 1 is the post;
   * pages 2..N only continue its text and are never posts of their own.
   *
   * @param page this page's number (1 for a single-page post)
   * @param firstPage URL of page 1 (this page's URL when {@code page == 1})
   * @param laterPages URLs of pages 2..N in order, as linked from this page (empty if none)
   */
  public record Pagination(int page, String firstPage, List<String> laterPages) {
    public static final Pagination SINGLE = new Pagination(1, null, List.of());

    public Pagination {
      laterPages = List.copyOf(laterPages);
    }

    public boolean isContinuation() {
      return page > 1;
    }
  }
}
