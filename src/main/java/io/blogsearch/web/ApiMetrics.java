package io.blogsearch.web;

import io.blogsearch.admin.JobStatus;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Prometheus metrics through Micrometer: per-route latency histograms, search and related
 * counts, index size and document count, crawl counters, reindex durations and the reindex queue.
 */
public final class ApiMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter searches;
  private final Counter relatedLookups;
  private final Counter crawlRequests;
  private final Counter crawlErrors;
  private final Map<String, Timer> routeTimers = new ConcurrentHashMap<>();

  public ApiMetrics(ServingManager serving) {
    searches = Counter.builder("blogsearch.search.requests").description("searches answered").register(registry);
    relatedLookups = Counter.builder("blogsearch.related.requests").description("related lists served").register(registry);
    crawlRequests = Counter.builder("blogsearch.crawl.requests").description("HTTP requests made by reindex crawls").register(registry);
    crawlErrors = Counter.builder("blogsearch.crawl.errors").description("URLs that failed in reindex crawls").register(registry);
    Gauge.builder("blogsearch.index.documents", serving, s -> s.with(x -> x.search().documentCount()))
        .description("posts in the serving index").register(registry);
    Gauge.builder("blogsearch.index.size.bytes", serving, ApiMetrics::indexBytes)
        .description("bytes of the serving generation").baseUnit("bytes").register(registry);
  }

  void request(String method, String route, int status, double millis) {
    // One timer per (method, route, status), built once: this runs for every request.
    routeTimers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("blogsearch.http.requests")
        .tag("method", method).tag("route", route).tag("status", String.valueOf(status))
        .publishPercentileHistogram().register(registry)).record(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  void searched() {
    searches.increment();
  }

  void relatedServed() {
    relatedLookups.increment();
  }

  /** Publishes the reindex queue's length and the oldest job's wait as gauges. */
  public void watchQueue(ReindexJobs jobs) {
    // strong references: Micrometer holds gauge objects weakly, and a collected one would read NaN
    Gauge.builder("blogsearch.jobs.queued", jobs, j -> j.queue().length())
        .description("reindex jobs waiting behind the running one (coalesced: at most 2)").strongReference(true).register(registry);
    Gauge.builder("blogsearch.jobs.queue.wait.seconds", jobs, j -> j.queue().oldestWaitingSeconds())
        .description("seconds the oldest waiting reindex job has waited, 0 when none").strongReference(true).register(registry);
  }

  /** Records a finished reindex job. */
  public void jobFinished(JobStatus job) {
    crawlRequests.increment(job.progress().fetched());
    crawlErrors.increment(job.progress().failed());
    if (job.startedAt() != null && job.finishedAt() != null) {
      Timer.builder("blogsearch.reindex.duration").tag("state", job.state()).tag("trigger", job.trigger())
          .register(registry).record(Duration.between(job.startedAt(), job.finishedAt()));
    }
  }

  String scrape() {
    return registry.scrape();
  }

  private static double indexBytes(ServingManager serving) {
    return serving.with(s -> {
      if (s.generation() == null) {
        return 0.0;
      }
      try (Stream<Path> files = Files.list(s.generation().dir())) {
        return (double) files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      } catch (IOException e) {
        return 0.0;
      }
    });
  }
}
