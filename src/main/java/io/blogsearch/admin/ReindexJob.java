package io.blogsearch.admin;

import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlProgress;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.crawl.UrlOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * One reindex job's live state; {@link #status()} snapshots it as an immutable record. While it
 * is queued, later requests may be merged into it ({@link #merge}).
 */
final class ReindexJob {
  private static final int MAX_ERRORS = 50;

  final String id;
  /** Volatile: a waiting push job becomes a URL job when a URL request merges into it. */
  volatile CrawlPlan.Mode mode;
  final String trigger;
  final Instant queuedAt = Instant.now();
  private volatile List<String> urls;
  private volatile boolean allowShrink;
  private volatile String supersededBy;
  private volatile String state = "queued";
  private volatile String phase = "queued";
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile JobStatus.Progress progress = JobStatus.Progress.none();
  private volatile String generation;
  private volatile int documents;
  private volatile String message;
  private volatile List<JobStatus.UrlError> errors = List.of();
  private volatile boolean cancelRequested;

  ReindexJob(String id, CrawlPlan plan, String trigger, boolean allowShrink) {
    this.id = id;
    this.mode = plan.mode();
    this.urls = List.copyOf(plan.urls());
    this.trigger = trigger;
    this.allowShrink = allowShrink;
  }

  JobStatus status() {
    return new JobStatus(id, mode.name().toLowerCase(Locale.ROOT), urls, trigger, state, phase, queuedAt, startedAt,
        finishedAt, progress, generation, documents, message, errors, supersededBy);
  }

  /** What the crawl covers, as it stands when the job starts. */
  CrawlPlan plan() {
    return new CrawlPlan(mode, urls);
  }

  boolean allowShrink() {
    return allowShrink;
  }

  List<String> urls() {
    return urls;
  }

  /**
   * Takes on another request while queued: its URLs join this job's (order kept, no repeats) and
   * an {@code allowShrink} it asks for applies to the whole job — whoever sent it accepts a shrink.
   * A push job taking on a URL request becomes a URL job (it must crawl those pages now).
   */
  synchronized void merge(CrawlPlan more, boolean moreAllowShrink) {
    LinkedHashSet<String> union = new LinkedHashSet<>(urls);
    union.addAll(more.urls());
    urls = List.copyOf(union);
    allowShrink |= moreAllowShrink;
    if (mode == CrawlPlan.Mode.PUSH && more.mode() == CrawlPlan.Mode.URLS) {
      mode = CrawlPlan.Mode.URLS;
    }
  }

  /** Ends a queued job whose request {@code carrier} now carries. */
  void superseded(ReindexJob carrier) {
    supersededBy = carrier.id;
    finish("cancelled", "superseded by " + carrier.id + " (a queued " + carrier.status().mode()
        + " reindex covers it); it never ran");
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  void started() {
    startedAt = Instant.now();
    state = "running";
    phase = "crawl";
  }

  void phase(String p) {
    phase = p;
  }

  void crawlProgress(CrawlProgress p) {
    double rate = p.pagesPerSecond();
    long eta = rate > 0 ? Math.round(p.queued() / rate) : -1;
    progress = new JobStatus.Progress(p.requests(), p.queued(), p.errors(), p.indexed(), progress.notModified(), rate, eta,
        0, 0);
  }

  void crawled(CrawlReport r) {
    List<JobStatus.UrlError> errs = new ArrayList<>();
    for (UrlOutcome o : r.outcomes()) {
      if (o.outcome() == Outcome.ERROR && errs.size() < MAX_ERRORS) {
        errs.add(new JobStatus.UrlError(o.url(), o.status(), o.reason()));
      }
    }
    errors = errs;
    int notModified = r.count(Outcome.NOT_MODIFIED) + r.count(Outcome.UNCHANGED_BY_SITEMAP);
    progress = new JobStatus.Progress(r.requests(), 0, r.count(Outcome.ERROR), r.count(Outcome.INDEXED) + notModified,
        notModified, r.seconds() > 0 ? r.requests() / r.seconds() : 0, 0, 0, 0);
  }

  void published(String generationName, int docs) {
    generation = generationName;
    documents = docs;
    progress = new JobStatus.Progress(progress.fetched(), 0, progress.failed(), docs, progress.notModified(),
        progress.pagesPerSecond(), 0, progress.embedded(), progress.toEmbed());
  }

  /** Embedding progress inside the index phase: the phase reads embed until the last text is done. */
  void embedding(int done, int total) {
    progress = progress.withEmbedding(done, total);
    phase = done < total ? "embed" : "index";
  }

  void finish(String finalState, String why) {
    state = finalState;
    message = why;
    phase = "done";
    finishedAt = Instant.now();
  }
}
