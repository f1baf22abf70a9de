package io.blogsearch.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of one crawl, saved beside the crawl output: a summary and every URL's outcome.
 *
 * @param site the site config name
 * @param startedAt start time
 * @param finishedAt end time
 * @param complete false when a limit stopped the crawl or no seed could be reached
 * @param degraded more than {@code limits.degradedErrorShare} of the fetched pages failed
 * @param fatalError why the crawl could not run at all (e.g. every seed unreachable), or null
 * @param stopReason which limit stopped the crawl, or null
 * @param requests HTTP requests made (robots.txt, sitemaps and pages, retries included)
 * @param bytes decoded bytes downloaded
 * @param articles posts in the crawl output after this crawl
 * @param counts outcome totals ({@code TRAP}: URLs not fetched as crawl traps)
 * @param offSiteLinks distinct links to hosts outside the allowed list (never contacted)
 * @param notFetched queued URLs left when a limit stopped the crawl
 * @param outcomes one entry per URL, in the order they finished
 */
public record CrawlReport(
    String site,
    Instant startedAt,
    Instant finishedAt,
    boolean complete,
    boolean degraded,
    String fatalError,
    String stopReason,
    long requests,
    long bytes,
    int articles,
    Map<Outcome, Integer> counts,
    int offSiteLinks,
    int notFetched,
    List<UrlOutcome> outcomes) {

  public CrawlReport {
    counts = Map.copyOf(counts);
    outcomes = List.copyOf(outcomes);
  }

  /** Seconds between start and finish. */
  public double seconds() {
    return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
  }

  /** Outcome count, zero if absent. */
  public int count(Outcome o) {
    return counts.getOrDefault(o, 0);
  }
}
