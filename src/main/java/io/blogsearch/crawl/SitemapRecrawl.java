package io.blogsearch.crawl;

import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sitemap-driven recrawl, as search-engine crawlers do it: the sitemaps are read first (their
 * listing phase), then an incremental crawl does not request a known URL the sitemaps vouch for.
 *
 * <p>A URL is vouched for when it was validated (200 or 304) less than {@code revalidateAfter}
 * ago and either its sitemap {@code <lastmod>} equals the one seen at that validation, or it is
 * not a post, not a seed, and the sitemaps listed, with a lastmod, every stored post when each
 * was last validated ("coverage"). The lastmod is compared with the value stored, not with the
 * fetch time: equality needs no agreement between the site's clock and ours and works for
 * date-only lastmods, where "changed later that day" would compare as older than our fetch.
 * Listings and archives exist for discovery only; with coverage the sitemaps do that job, so
 * only the seeds (whose 200 shows new links) are revalidated between safety-net rounds, and the
 * links of other listings an incremental crawl fetches are not followed (else every crawl would
 * walk, up to the trap budget, the deep pagination a full crawl's trap guard left unstored).
 * Everything else is requested as before: new URLs, changed or missing lastmods (a post that
 * left the sitemap gets a conditional GET, so 404/410 still deletes it), every URL on sitemaps
 * without lastmod (WordPress core) or when the sitemaps cannot be read, and full and URL crawls.
 */
final class SitemapRecrawl {
  /** What to do with a queued URL. */
  enum Verdict {
    /** Request it (conditionally when a copy is stored). */
    FETCH,
    /** Not requested: its lastmod is unchanged since its last validation. */
    UNCHANGED_LASTMOD,
    /** Not requested: a listing or page kept for discovery, which the sitemaps now cover. */
    COVERED_BY_SITEMAPS
  }

  private final boolean decides;
  private final Set<String> seeds;
  private final Duration revalidateAfter;
  private final Clock clock;
  private final Instant validatedSince;
  private final Map<String, Instant> lastmods = new ConcurrentHashMap<>();
  private volatile boolean listingOpen;
  private volatile boolean listingRan;
  private volatile boolean covered;

  /**
   * @param decides whether URLs may be left unrequested (incremental crawls only)
   * @param seeds the crawl's normalised seeds, always revalidated
   */
  SitemapRecrawl(boolean decides, Set<String> seeds, Duration revalidateAfter, Clock clock) {
    this.decides = decides;
    this.seeds = Set.copyOf(seeds);
    this.revalidateAfter = revalidateAfter;
    this.clock = clock;
    this.validatedSince = clock.instant().minus(revalidateAfter);
  }

  /** Starts the listing phase: sitemaps read from now on say what each URL's lastmod is. */
  void openListing() {
    listingOpen = true;
  }

  /** A URL an XML sitemap lists, with its lastmod or null; ignored outside the listing phase. */
  void listed(String url, Instant lastmod) {
    if (listingOpen && lastmod != null) {
      lastmods.merge(url, lastmod, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /** Ends the listing phase and decides coverage from the stored posts and their state. */
  void closeListing(Map<String, Article> stored, Map<String, UrlState> state) {
    listingOpen = false;
    listingRan = true;
    // no stored post (a first crawl) proves nothing about the sitemaps: links are followed then
    covered = !lastmods.isEmpty() && !stored.isEmpty() && stored.keySet().stream().allMatch(post -> {
      UrlState s = state.get(post);
      return s != null && s.sitemapLastmod() != null;
    });
  }

  /**
   * Whether the links stored for an unchanged page (304, or not requested) are followed: on an
   * incremental crawl the sitemaps cover, only in a safety-net round (its validation was stale),
   * which thus walks the site as a crawl without sitemaps would; else they were followed when
   * the page last changed (and following them requests again, every crawl, the deep pagination a
   * trap guard left unstored).
   */
  boolean followsStoredLinks(UrlState prev) {
    return !decides || !covered || stale(prev);
  }

  /**
   * Whether the links of a page of {@code kind} just fetched are followed: on an incremental crawl
   * the sitemaps cover, only those of posts, seeds and pages due for their safety-net round.
   */
  boolean followsLinksOf(String url, PageKind kind, UrlState prev) {
    return !decides || !covered || kind == PageKind.POST || seeds.contains(url) || prev != null && stale(prev);
  }

  /**
   * When a URL that answered 304 now counts as validated. A seed is requested on every crawl but
   * its stored links are followed only in its safety-net round, so on a crawl the sitemaps cover
   * it keeps the time of that round: its validation time says when its links were last walked.
   */
  Instant validatedAfterNotModified(String url, UrlState prev) {
    return followsStoredLinks(prev) || !seeds.contains(url) ? clock.instant() : prev.validatedAt();
  }

  /** Whether a stored URL's last validation is too old to be vouched for. */
  private boolean stale(UrlState prev) {
    return prev.validatedAt() == null || revalidateAfter.isZero() || !prev.validatedAt().isAfter(validatedSince);
  }

  /** The lastmod to remember for a URL validated now: this crawl's, or the stored one when no sitemap was read. */
  Instant lastmodToStore(String url, UrlState prev) {
    if (listingRan) {
      return lastmods.get(url);
    }
    return prev == null ? null : prev.sitemapLastmod();
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Whether {@code url} must be requested. {@code haveCopy}: its state is usable for a
   * conditional request (a post's stored copy exists).
   */
  Verdict verdict(String url, UrlState prev, boolean haveCopy) {
    if (!decides || !listingRan || seeds.contains(url) || prev == null || !haveCopy || stale(prev)) {
      return Verdict.FETCH;
    }
    Instant lastmod = lastmods.get(url);
    if (lastmod != null && lastmod.equals(prev.sitemapLastmod())) {
      return Verdict.UNCHANGED_LASTMOD;
    }
    if (covered && prev.kind() != PageKind.POST) {
      return Verdict.COVERED_BY_SITEMAPS;
    }
    return Verdict.FETCH;
  }
}
