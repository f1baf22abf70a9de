package io.blogsearch.admin;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PostVectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin stage's façade: runs reindex jobs one at a time — crawl, build a new generation,
 * swap it in — while the previous generation keeps serving. A failed or cancelled job leaves
 * the serving index untouched. Requests arriving while a job runs wait in a coalescing queue
 * ({@link PendingJobs}: at most one waiting job per kind). Keeps the job history and an optional
 * recrawl schedule.
 */
public final class ReindexJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReindexJobs.class);

  /** Thrown by {@link #rollback} while a job runs or waits: its publish would undo the rollback. */
  public static final class Busy extends RuntimeException {
    private final String runningId;

    Busy(String runningId, List<String> queuedIds) {
      super("job " + runningId + " is running" + (queuedIds.isEmpty() ? "" : " and " + String.join(", ", queuedIds)
          + (queuedIds.size() == 1 ? " is" : " are") + " queued"));
      this.runningId = runningId;
    }

    public String runningId() {
      return runningId;
    }
  }

  /** Thrown by {@link #submit} once {@link #close} has begun. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("the service is stopping; no new jobs are taken");
    }
  }

  /**
   * The waiting jobs.
   *
   * @param length how many wait (at most {@link PendingJobs#MAX_LENGTH})
   * @param oldestWaitingSeconds how long the oldest has waited, 0 when none
   * @param jobs oldest first
   */
  public record Queue(int length, double oldestWaitingSeconds, List<JobStatus> jobs) {
    public Queue {
      jobs = List.copyOf(jobs);
    }
  }

  private final SiteConfig site;
  private final BlogAnalyzers.Stemmer stemmer;
  private final SemanticModel semantic;
  private final ServingManager serving;
  private final JobHistory history;
  private final Consumer<JobStatus> onFinish;
  private final AtomicLong numbers;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("reindex"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("reindex-schedule"));
  private final PendingJobs pending = new PendingJobs();
  /**
   * The crawl output and the pushed posts, one instance of each for every job: a job's crawl and
   * build share one read, and a push job (no crawl) reuses what the last job read while the files
   * are unchanged.
   */
  private final IndexBuilder.Sources sources;
  private final CrawlBudget crawlBudget;
  private ReindexJob running;
  private boolean closed;

  /**
   * @param serving swapped to each newly published generation
   * @param onFinish told of every finished job (metrics)
   */
  public ReindexJobs(SiteConfig site, BlogAnalyzers.Stemmer stemmer, ServingManager serving, Consumer<JobStatus> onFinish) {
    this(site, stemmer, SemanticModel.off(site.semantic().model(), "no embedding model was given (keyword-only jobs)"),
        serving, onFinish);
  }

  /** @param semantic the process's embedding model: jobs build posts' vectors with it when it is available */
  public ReindexJobs(SiteConfig site, BlogAnalyzers.Stemmer stemmer, SemanticModel semantic, ServingManager serving,
      Consumer<JobStatus> onFinish) {
    this(site, stemmer, semantic, serving, onFinish, CrawlBudget.unlimited());
  }

  /** @param crawlBudget the process's crawl slots, shared by its sites: a job's crawl waits for one */
  public ReindexJobs(SiteConfig site, BlogAnalyzers.Stemmer stemmer, SemanticModel semantic, ServingManager serving,
      Consumer<JobStatus> onFinish, CrawlBudget crawlBudget) {
    this.crawlBudget = crawlBudget;
    this.site = site;
    this.stemmer = stemmer;
    this.semantic = semantic;
    this.serving = serving;
    this.onFinish = onFinish;
    this.history = new JobHistory(site.siteDir());
    this.sources = IndexBuilder.Sources.of(site);
    this.numbers = new AtomicLong(history.nextNumber());
  }

  /** The posts pushed through the admin API: every job's build overlays them on the crawl output. */
  public PushStore pushes() {
    return sources.pushes();
  }

  /** Whether jobs embed posts, and why not. */
  public SemanticModel.Status semantic() {
    return semantic.status();
  }

  /** Starts or queues a job that refuses to shrink the index. */
  public JobStatus submit(CrawlPlan plan, String trigger) {
    return submit(plan, trigger, false);
  }

  /**
   * Starts a job when none runs; otherwise queues the request, merged into a waiting job where
   * {@link PendingJobs} says one covers it. Answers the job that will carry the request.
   *
   * @param allowShrink publish even if the crawl leaves no posts or far fewer than now serve
   * @throws Stopped after {@link #close}
   */
  public synchronized JobStatus submit(CrawlPlan plan, String trigger, boolean allowShrink) {
    if (closed) {
      throw new Stopped();
    }
    if (running == null) {
      ReindexJob job = new ReindexJob(nextId(), plan, trigger, allowShrink);
      start(job);
      return job.status();
    }
    PendingJobs.Placed placed = pending.place(plan, trigger, allowShrink, this::nextId);
    placed.superseded().forEach(this::record);
    return placed.carrier().status();
  }

  private String nextId() {
    return "job-" + numbers.getAndIncrement();
  }

  private void start(ReindexJob job) {
    running = job;
    worker.submit(() -> run(job));
  }

  /**
   * Serves the previous complete generation again, once it has opened and answered; {@link Busy}
   * while a job runs or waits (a job's publish and a rollback never race, and a queued job would
   * publish over the rollback moments later). Empty when there is no earlier generation.
   *
   * @throws Generations.LayoutMismatch when the previous generation has another index layout
   */
  public synchronized Optional<Generations.Generation> rollback() {
    if (running != null) {
      throw new Busy(running.id, pending.all().stream().map(j -> j.id).toList());
    }
    Generations generations = new Generations(site.generationsDir());
    Optional<Generations.Generation> previous = generations.previous();
    previous.ifPresent(g -> serving.publish(g, () -> generations.point(g)));
    return previous;
  }

  /** Submits an incremental job every {@code interval}; while one waits, the next tick merges into it. */
  public void schedule(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        JobStatus job = submit(CrawlPlan.incremental(), "schedule");
        LOG.info("scheduled reindex: {} {}", job.id(), job.state());
      } catch (RuntimeException e) {
        LOG.info("scheduled reindex skipped: {}", e.getMessage());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized Optional<JobStatus> get(String id) {
    if (running != null && running.id.equals(id)) {
      return Optional.of(running.status());
    }
    Optional<ReindexJob> waiting = pending.get(id);
    if (waiting.isPresent()) {
      return Optional.of(waiting.get().status());
    }
    return history.all().stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** Newest first: the waiting jobs, the running one, then the history. */
  public synchronized List<JobStatus> all() {
    List<JobStatus> out = new ArrayList<>();
    pending.all().forEach(j -> out.add(0, j.status()));
    if (running != null) {
      out.add(running.status());
    }
    out.addAll(history.all());
    return out;
  }

  public synchronized Optional<JobStatus> runningJob() {
    return Optional.ofNullable(running).map(ReindexJob::status);
  }

  public synchronized Queue queue() {
    List<JobStatus> waiting = pending.all().stream().map(ReindexJob::status).toList();
    double oldest = waiting.isEmpty() ? 0
        : Duration.between(waiting.get(0).queuedAt(), Instant.now()).toNanos() / 1e9;
    return new Queue(waiting.size(), oldest, waiting);
  }

  /**
   * Asks the running job {@code id} to stop, or takes a waiting one off the queue (recorded as
   * cancelled); false when it is neither.
   */
  public synchronized boolean cancel(String id) {
    if (running != null && running.id.equals(id)) {
      running.requestCancel();
      return true;
    }
    Optional<ReindexJob> waiting = pending.get(id);
    waiting.ifPresent(job -> {
      pending.remove(job);
      job.finish("cancelled", "cancelled while queued; it never ran");
      record(job);
    });
    return waiting.isPresent();
  }

  /** Writes a job that never ran into the history; a history that cannot be written is logged, not fatal. */
  private void record(ReindexJob job) {
    try {
      history.add(job.status());
    } catch (RuntimeException e) {
      LOG.error("reindex {}: cannot record it in the job history", job.id, e);
    }
  }

  private void run(ReindexJob job) {
    CrawlPlan plan = job.plan();
    boolean allowShrink = job.allowShrink();
    job.started();
    long t0 = System.nanoTime();
    try {
      if (plan.mode() != CrawlPlan.Mode.PUSH) { // a push job only applies pushed posts: nothing to fetch
        CrawlReport report = crawl(job, plan);
        job.crawled(report);
        if (job.cancelRequested()) {
          throw new IndexBuilder.Cancelled();
        }
        if (report.fatalError() != null) {
          job.finish("failed", "crawl failed: " + report.fatalError() + "; the previous index keeps serving");
          return;
        }
      }
      job.phase("index");
      IndexBuilder builder = new IndexBuilder(site, stemmer, (g, markServing) -> {
        job.phase("publish");
        serving.publish(g, markServing);
      }, vectors(job), sources);
      IndexBuilder.Result result = builder.build(plan.mode() == CrawlPlan.Mode.FULL, allowShrink, job::cancelRequested);
      job.published(result.generation().name(), result.stats().documents());
      job.finish("succeeded", result.published() ? null : "nothing changed; " + result.generation().name() + " keeps serving");
    } catch (IndexBuilder.Cancelled e) {
      job.finish("cancelled", "cancelled in phase " + job.status().phase() + "; the previous index keeps serving");
    } catch (IndexBuilder.Refused e) {
      job.finish("failed", "refused to publish: " + e.getMessage() + " (send \"allowShrink\": true to publish it anyway)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.finish("cancelled", "interrupted (shutdown); the previous index keeps serving");
    } catch (RuntimeException e) {
      LOG.error("reindex {} failed", job.id, e);
      job.finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage() + "; the previous index keeps serving");
    } finally {
      finished(job, t0);
    }
  }

  /** Crawls once the process's crawl budget has a slot (phase "waiting" until then). */
  private CrawlReport crawl(ReindexJob job, CrawlPlan plan) throws InterruptedException {
    job.phase(crawlBudget.hasFreeSlot() ? "crawl" : "waiting");
    try (CrawlBudget.Slot slot = crawlBudget.acquire(job::cancelRequested)) {
      if (slot == null) {
        throw new IndexBuilder.Cancelled();
      }
      job.phase("crawl");
      return new Crawler(site, sources.crawl()).crawl(job::crawlProgress, plan, job::cancelRequested);
    }
  }

  /** Whether no job runs or waits: the site's jobs may be closed without cancelling anything. */
  public synchronized boolean idle() {
    return running == null && pending.all().isEmpty();
  }

  /** The job's posts' vectors, with progress in the job and its cancel checked between batches. */
  private Indexer.Vectors vectors(ReindexJob job) {
    return semantic.embedder().<Indexer.Vectors>map(e -> PostVectors.forSite(e, site.embeddingsDir(), (done, total) -> {
      if (job.cancelRequested()) {
        throw new IndexBuilder.Cancelled();
      }
      job.embedding(done, total);
    })).orElse(Indexer.NO_VECTORS);
  }

  /**
   * Records a finished job, frees the slot and starts the next waiting job — on every path, even
   * if the history cannot be written.
   */
  private void finished(ReindexJob job, long t0) {
    JobStatus done = job.status();
    LOG.info("reindex {} {} in {} ms", job.id, done.state(), (System.nanoTime() - t0) / 1_000_000);
    try {
      synchronized (this) {
        try {
          history.add(done);
        } finally {
          running = null;
          startNext();
        }
      }
    } catch (RuntimeException e) {
      LOG.error("reindex {}: cannot record it in the job history", job.id, e);
    }
    try {
      onFinish.accept(done);
    } catch (RuntimeException e) {
      LOG.error("reindex {}: reporting it failed", job.id, e);
    }
  }

  private void startNext() {
    ReindexJob next = closed ? null : pending.poll();
    if (next != null) {
      start(next);
    }
  }

  /**
   * Stops the schedule, drops the waiting jobs (recorded as cancelled), cancels a running job and
   * waits for it to wind down (SIGTERM).
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
    synchronized (this) {
      closed = true;
      for (ReindexJob job = pending.poll(); job != null; job = pending.poll()) {
        job.finish("cancelled", "service stopped before it ran");
        record(job);
      }
      if (running != null) {
        running.requestCancel();
      }
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
