package io.blogsearch.crawl;

import java.util.List;

/**
 * What a crawl covers.
 *
 * @param mode {@link Mode#INCREMENTAL} asks "changed since?" for every stored page;
 *     {@link Mode#FULL} fetches everything again; {@link Mode#URLS} fetches only {@code urls};
 *     {@link Mode#PUSH} fetches nothing (a job that only applies pushed posts and deletions)
 * @param urls the pages of a {@link Mode#URLS} crawl
 */
public record CrawlPlan(Mode mode, List<String> urls) {
  /** How much to crawl. */
  public enum Mode { FULL, INCREMENTAL, URLS, PUSH }

  public CrawlPlan {
    urls = List.copyOf(urls);
  }

  public static CrawlPlan incremental() {
    return new CrawlPlan(Mode.INCREMENTAL, List.of());
  }

  public static CrawlPlan full() {
    return new CrawlPlan(Mode.FULL, List.of());
  }

  public static CrawlPlan urls(List<String> urls) {
    return new CrawlPlan(Mode.URLS, urls);
  }

  /** No crawl: the job builds from the stored crawl output and the pushed posts. */
  public static CrawlPlan push() {
    return new CrawlPlan(Mode.PUSH, List.of());
  }
}
