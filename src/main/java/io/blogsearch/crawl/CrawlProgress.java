package io.blogsearch.crawl;

/**
 * A live snapshot of a running crawl, for progress displays and the admin API.
 *
 * @param requests HTTP requests made so far
 * @param queued URLs waiting
 * @param errors failed URLs so far
 * @param indexed posts stored or confirmed so far
 * @param seconds elapsed seconds
 */
public record CrawlProgress(long requests, int queued, int errors, int indexed, double seconds) {
  /** Requests per second so far. */
  public double pagesPerSecond() {
    return seconds <= 0 ? 0 : requests / seconds;
  }
}
