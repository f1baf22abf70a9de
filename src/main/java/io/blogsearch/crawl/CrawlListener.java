package io.blogsearch.crawl;

/** Receives progress while a crawl runs (about once a second) and once at the end. */
@FunctionalInterface
public interface CrawlListener {
  void onProgress(CrawlProgress progress);

  /** A listener that ignores progress. */
  static CrawlListener none() {
    return p -> { };
  }
}
