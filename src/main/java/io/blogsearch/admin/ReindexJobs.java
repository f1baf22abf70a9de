package io.blogsearch.admin;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import java.time.Duration;
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
 * the serving index untouched. Keeps the job history and an optional recrawl schedule.
 */
public final class ReindexJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReindexJobs.class);

  /** Thrown by {@link #submit} while another job runs. */
  public static final class Busy extends RuntimeException {
    private final String runningId;

    Busy(String runningId) {
      super("job " + runningId + " is already running");
      this.runningId = runningId;
    }

    public String runningId() {
      return runningId;
    }
  }

  private final SiteConfig site;
  private final BlogAnalyzers.Stemmer stemmer;
  private final ServingManager serving;
  private final JobHistory history;
  private final Consumer<JobStatus> onFinish;
  private final AtomicLong numbers;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("reindex"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("reindex-schedule"));
  private ReindexJob running;

  /**
   * @param serving swapped to each newly published generation
   * @param onFinish told of every finished job (metrics)
   */
  public ReindexJobs(SiteConfig site, BlogAnalyzers.Stemmer stemmer, ServingManager serving, Consumer<JobStatus> onFinish) {
    this.site = site;
    this.stemmer = stemmer;
    this.serving = serving;
    this.onFinish = onFinish;
    this.history = new JobHistory(site.siteDir());
    this.numbers = new AtomicLong(history.nextNumber());
  }

  /** Starts a job that refuses to shrink the index; {@link Busy} when one is running. */
  public JobStatus submit(CrawlPlan plan, String trigger) {
    return submit(plan, trigger, false);
  }

  /**
   * Starts a job; {@link Busy} when one is running.
   *
   * @param allowShrink publish even if the crawl leaves no posts or far fewer than now serve
   */
  public synchronized JobStatus submit(CrawlPlan plan, String trigger, boolean allowShrink) {
    if (running != null) {
      throw new Busy(running.id);
    }
    ReindexJob job = new ReindexJob("job-" + numbers.getAndIncrement(), plan.mode().name().toLowerCase(java.util.Locale.ROOT),
        plan.urls(), trigger);
    worker.submit(() -> run(job, plan, allowShrink));
    running = job;
    return job.status();
  }

  /**
   * Serves the previous complete generation again, once it has opened and answered; {@link Busy}
   * while a job runs (a job's publish and a rollback never race). Empty when there is no earlier
   * generation.
   *
   * @throws Generations.LayoutMismatch when the previous generation has another index layout
   */
  public synchronized Optional<Generations.Generation> rollback() {
    if (running != null) {
      throw new Busy(running.id);
    }
    Generations generations = new Generations(site.generationsDir());
    Optional<Generations.Generation> previous = generations.previous();
    previous.ifPresent(g -> serving.publish(g, () -> generations.point(g)));
    return previous;
  }

  /** Runs an incremental job every {@code interval} (skipped while another job runs). */
  public void schedule(Duration interval) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        submit(CrawlPlan.incremental(), "schedule");
      } catch (Busy busy) {
        LOG.info("scheduled reindex skipped: {}", busy.getMessage());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized Optional<JobStatus> get(String id) {
    if (running != null && running.id.equals(id)) {
      return Optional.of(running.status());
    }
    return history.all().stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** Newest first, the running job included. */
  public synchronized List<JobStatus> all() {
    List<JobStatus> out = new ArrayList<>();
    if (running != null) {
      out.add(running.status());
    }
    out.addAll(history.all());
    return out;
  }

  public synchronized Optional<JobStatus> runningJob() {
    return Optional.ofNullable(running).map(ReindexJob::status);
  }

  /** Asks the running job {@code id} to stop; false when it is not running. */
  public synchronized boolean cancel(String id) {
    if (running == null || !running.id.equals(id)) {
      return false;
    }
    running.requestCancel();
    return true;
  }

  private void run(ReindexJob job, CrawlPlan plan, boolean allowShrink) {
    job.started();
    long t0 = System.nanoTime();
    try {
      job.phase("crawl");
      CrawlReport report = new Crawler(site).crawl(job::crawlProgress, plan, job::cancelRequested);
      job.crawled(report);
      if (job.cancelRequested()) {
        throw new IndexBuilder.Cancelled();
      }
      if (report.fatalError() != null) {
        job.finish("failed", "crawl failed: " + report.fatalError() + "; the previous index keeps serving");
        return;
      }
      job.phase("index");
      IndexBuilder builder = new IndexBuilder(site, stemmer, (g, markServing) -> {
        job.phase("publish");
        serving.publish(g, markServing);
      });
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

  /** Records a finished job and frees the slot — on every path, even if the history cannot be written. */
  private void finished(ReindexJob job, long t0) {
    JobStatus done = job.status();
    LOG.info("reindex {} {} in {} ms", job.id, done.state(), (System.nanoTime() - t0) / 1_000_000);
    try {
      synchronized (this) {
        try {
          history.add(done);
        } finally {
          running = null;
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

  /** Stops the schedule, cancels a running job and waits for it to wind down (SIGTERM). */
  @Override
  public void close() {
    scheduler.shutdownNow();
    synchronized (this) {
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
