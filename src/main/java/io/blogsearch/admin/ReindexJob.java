package io.blogsearch.admin;

import io.blogsearch.crawl.CrawlProgress;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.crawl.UrlOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One reindex job's live state; {@link #status()} snapshots it as an immutable record. */
final class ReindexJob {
  private static final int MAX_ERRORS = 50;

  final String id;
  final String mode;
  final List<String> urls;
  final String trigger;
  final Instant createdAt = Instant.now();
  private volatile String state = "queued";
  private volatile String phase = "crawl";
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile JobStatus.Progress progress = JobStatus.Progress.none();
  private volatile String generation;
  private volatile int documents;
  private volatile String message;
  private volatile List<JobStatus.UrlError> errors = List.of();
  private volatile boolean cancelRequested;

  ReindexJob(String id, String mode, List<String> urls, String trigger) {
    this.id = id;
    this.mode = mode;
    this.urls = List.copyOf(urls);
    this.trigger = trigger;
  }

  JobStatus status() {
    return new JobStatus(id, mode, urls, trigger, state, phase, createdAt, startedAt, finishedAt, progress, generation,
        documents, message, errors);
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
  }

  void phase(String p) {
    phase = p;
  }

  void crawlProgress(CrawlProgress p) {
    double rate = p.pagesPerSecond();
    long eta = rate > 0 ? Math.round(p.queued() / rate) : -1;
    progress = new JobStatus.Progress(p.requests(), p.queued(), p.errors(), p.indexed(), progress.notModified(), rate, eta);
  }

  void crawled(CrawlReport r) {
    List<JobStatus.UrlError> errs = new ArrayList<>();
    for (UrlOutcome o : r.outcomes()) {
      if (o.outcome() == Outcome.ERROR && errs.size() < MAX_ERRORS) {
        errs.add(new JobStatus.UrlError(o.url(), o.status(), o.reason()));
      }
    }
    errors = errs;
    progress = new JobStatus.Progress(r.requests(), 0, r.count(Outcome.ERROR), r.count(Outcome.INDEXED) + r.count(Outcome.NOT_MODIFIED),
        r.count(Outcome.NOT_MODIFIED), r.seconds() > 0 ? r.requests() / r.seconds() : 0, 0);
  }

  void published(String generationName, int docs) {
    generation = generationName;
    documents = docs;
    progress = new JobStatus.Progress(progress.fetched(), 0, progress.failed(), docs, progress.notModified(),
        progress.pagesPerSecond(), 0);
  }

  void finish(String finalState, String why) {
    state = finalState;
    message = why;
    phase = "done";
    finishedAt = Instant.now();
  }
}
