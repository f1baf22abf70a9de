package io.blogsearch.admin;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * A reindex job as the admin API shows it.
 *
 * @param id job id ({@code job-N})
 * @param mode full, incremental, urls or push (no crawl: pushed posts only)
 * @param urls pages of a urls job
 * @param trigger api, schedule or cli
 * @param state queued, running, succeeded, failed or cancelled
 * @param phase queued, crawl, index, embed (inside index: posts' vectors being computed), publish or done
 * @param queuedAt when it was requested (a job carrying merged requests: the first of them)
 * @param startedAt when it started running, or null (never for a job cancelled or superseded while queued)
 * @param finishedAt when it ended, or null
 * @param progress live counters
 * @param generation the generation it published, or null
 * @param documents posts in that generation
 * @param message why it failed or was cancelled, or null
 * @param errors per-URL crawl errors (the first 50)
 * @param supersededBy the queued job that carries this one's request instead, or null
 */
public record JobStatus(String id, String mode, List<String> urls, String trigger, String state, String phase,
    @JsonAlias("createdAt") Instant queuedAt, Instant startedAt, Instant finishedAt, Progress progress, String generation,
    int documents, String message, List<UrlError> errors, String supersededBy) {

  public JobStatus {
    urls = List.copyOf(urls);
    errors = List.copyOf(errors);
  }

  /**
   * Live counters of a job.
   *
   * @param fetched HTTP requests made
   * @param queued URLs waiting
   * @param failed URLs that failed
   * @param postsIndexed posts stored or confirmed by the crawl; after indexing, posts in the index
   * @param notModified posts that answered 304 or, unrequested, kept by an unchanged sitemap lastmod
   * @param pagesPerSecond crawl rate
   * @param etaSeconds rough time left in the crawl, or -1 when unknown
   * @param embedded posts' texts embedded so far by this job
   * @param toEmbed posts' texts this job has to embed (new or changed; the rest come from the embedding cache)
   */
  public record Progress(long fetched, int queued, int failed, int postsIndexed, int notModified, double pagesPerSecond,
      long etaSeconds, int embedded, int toEmbed) {
    public static Progress none() {
      return new Progress(0, 0, 0, 0, 0, 0, -1, 0, 0);
    }

    Progress withEmbedding(int done, int total) {
      return new Progress(fetched, queued, failed, postsIndexed, notModified, pagesPerSecond, etaSeconds, done, total);
    }
  }

  /** A URL the crawl could not read, and why. */
  public record UrlError(String url, int status, String reason) {}

  public boolean running() {
    return state.equals("queued") || state.equals("running");
  }
}
