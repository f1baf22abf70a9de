package io.blogsearch.crawl;

/** What happened to one URL in a crawl; the crawl report lists one per URL. */
public enum Outcome {
  /** A post was read and stored (new or changed). */
  INDEXED,
  /** A known post answered 304 or was byte-identical; the stored copy stays. */
  NOT_MODIFIED,
  /**
   * A known post the sitemaps vouch for (same lastmod as at its last validation, which is recent
   * enough for {@code crawl.revalidateAfter}): not requested; the stored copy stays.
   */
  UNCHANGED_BY_SITEMAP,
  /** A known post now answers 404/410 (or noindex, or is no longer a post) and was removed. */
  DELETED,
  /** An archive (home, pagination, category, tag, author, date): followed, not indexed. */
  SKIPPED_ARCHIVE,
  /** An HTML page that is not a post (static page, login form, error page). */
  SKIPPED_NOT_POST,
  /** A post page that asks not to be indexed (meta robots or X-Robots-Tag). */
  SKIPPED_NOINDEX,
  /** The page's canonical URL was already read from another URL. */
  SKIPPED_DUPLICATE,
  /** The response was not HTML, a sitemap or a feed. */
  SKIPPED_NON_HTML,
  /** A sitemap, sitemap index or feed that was read for URLs. */
  DISCOVERY,
  /** robots.txt disallows the URL; it was not fetched. */
  ROBOTS_BLOCKED,
  /** The URL matches an exclude pattern (or no include pattern); it was not fetched. */
  EXCLUDED,
  /** 404/410 for a URL that was never a stored post. */
  NOT_FOUND,
  /** The fetch failed (network, 5xx after retries, body too large, redirect rules…). */
  ERROR,
  /**
   * URLs recognised as a crawl trap before fetching (see {@code TrapGuard}); one line per rule,
   * whose url field is the rule and reason says how many URLs it dropped.
   */
  TRAP,
  /** Page 2..N of a multi-page post: its text went into page 1's post; never a post itself. */
  SKIPPED_CONTINUATION
}
