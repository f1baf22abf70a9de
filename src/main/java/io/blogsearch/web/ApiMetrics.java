package io.blogsearch.web;

import io.blogsearch.admin.JobStatus;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Prometheus metrics through Micrometer, every site's meters tagged {@code site}: per-route
 * latency histograms, search and related counts, index size and document count, crawl counters,
 * reindex durations and the reindex queue, plus how many sites are open. A closed site's gauges
 * keep the last value read while it was open (reading them never opens a site).
 */
public final class ApiMetrics implements SiteRegistry.Listener {
  /** The site tag of requests that name no site (health, metrics, an unknown site). */
  static final String NO_SITE = "-";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Timer> routeTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Double> lastValues = new ConcurrentHashMap<>();

  /** Registers the per-site gauges of every site {@code sites} serves now and later, and the open-site count. */
  public void watch(SiteRegistry sites) {
    Gauge.builder("blogsearch.sites.open", sites, SiteRegistry::openCount)
        .description("sites whose index is open").strongReference(true).register(registry);
    Gauge.builder("blogsearch.sites", sites, SiteRegistry::size)
        .description("sites served").strongReference(true).register(registry);
    sites.listen(this);
  }

  @Override
  public void added(Site site) {
    gauge("blogsearch.index.documents", "posts in the serving index", site,
        r -> r.serving().with(x -> x.search().documentCount()));
    gauge("blogsearch.index.size.bytes", "bytes of the serving generation", site, r -> indexBytes(r));
    gauge("blogsearch.jobs.queued", "reindex jobs waiting behind the running one (coalesced: at most 2)", site,
        r -> r.jobs() == null ? 0 : r.jobs().queue().length());
    gauge("blogsearch.jobs.queue.wait.seconds", "seconds the oldest waiting reindex job has waited, 0 when none", site,
        r -> r.jobs() == null ? 0 : r.jobs().queue().oldestWaitingSeconds());
  }

  @Override
  public void removed(Site site) {
    for (Meter m : registry.getMeters()) {
      if (site.key().equals(m.getId().getTag("site"))) {
        registry.remove(m);
      }
    }
    String prefix = site.key() + ' ';
    routeTimers.keySet().removeIf(k -> k.startsWith(prefix));
    counters.keySet().removeIf(k -> k.startsWith(prefix));
    lastValues.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private void gauge(String name, String description, Site site, ToDoubleFunction<Site.Runtime> read) {
    String key = site.key() + ' ' + name;
    // strong references: Micrometer holds gauge objects weakly, and a collected one would read NaN
    Gauge.builder(name, site, s -> {
      try {
        Double v = s.ifOpen(r -> read.applyAsDouble(r));
        if (v != null) {
          lastValues.put(key, v);
          return v;
        }
      } catch (Exception e) {
        // a removed or broken site: its last value
      }
      return lastValues.getOrDefault(key, Double.NaN);
    }).description(description).tag("site", site.key()).strongReference(true).register(registry);
  }

  void request(String site, String method, String route, int status, double millis) {
    // One timer per (site, method, route, status), built once: this runs for every request.
    routeTimers.computeIfAbsent(site + ' ' + method + ' ' + route + ' ' + status, k -> Timer.builder("blogsearch.http.requests")
        .tag("site", site).tag("method", method).tag("route", route).tag("status", String.valueOf(status))
        .publishPercentileHistogram().register(registry)).record(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  void searched(String site) {
    counter(site, "blogsearch.search.requests", "searches answered").increment();
  }

  void relatedServed(String site) {
    counter(site, "blogsearch.related.requests", "related lists served").increment();
  }

  private Counter counter(String site, String name, String description) {
    return counters.computeIfAbsent(site + ' ' + name,
        k -> Counter.builder(name).description(description).tag("site", site).register(registry));
  }

  /** Records the finished reindex jobs of {@code site}. */
  public Consumer<JobStatus> jobsOf(String site) {
    return job -> {
      counter(site, "blogsearch.crawl.requests", "HTTP requests made by reindex crawls").increment(job.progress().fetched());
      counter(site, "blogsearch.crawl.errors", "URLs that failed in reindex crawls").increment(job.progress().failed());
      if (job.startedAt() != null && job.finishedAt() != null) {
        Timer.builder("blogsearch.reindex.duration").tag("site", site).tag("state", job.state()).tag("trigger", job.trigger())
            .register(registry).record(Duration.between(job.startedAt(), job.finishedAt()));
      }
    };
  }

  String scrape() {
    return registry.scrape();
  }

  private static double indexBytes(Site.Runtime r) {
    return r.serving().with(s -> {
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
