package io.blogsearch.sites;

import io.blogsearch.crawl.CrawlPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sites one service serves, by key. Opens a site's index when it is first asked for and keeps
 * at most {@code maxOpen} sites open: opening one more closes the least recently used idle site
 * (no request in flight, no job running or waiting), so memory and open files follow what is
 * being served, not how many sites exist. Also runs the sites' recrawl schedules and the
 * generation watchers from one timer thread.
 */
public final class SiteRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteRegistry.class);
  /** How long a removed site's in-flight requests may take before it closes. */
  public static final Duration REMOVE_WAIT = Duration.ofSeconds(10);

  /** Told when sites come and go (metrics). */
  public interface Listener {
    void added(Site site);

    void removed(Site site);
  }

  /** A site of that key is already served. */
  public static final class Duplicate extends RuntimeException {
    Duplicate(String key) {
      super("a site named " + key + " already exists");
    }
  }

  private final Map<String, Site> sites = new LinkedHashMap<>();
  private final Map<String, ScheduledFuture<?>> schedules = new LinkedHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final int maxOpen;
  /** Set when a site opened over the cap because every other open site was busy: try again on the next use. */
  private volatile boolean overCap;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "site-registry");
    t.setDaemon(true);
    return t;
  });

  /** @param maxOpen sites kept open at once (at least 1) */
  public SiteRegistry(int maxOpen) {
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen must be at least 1");
    }
    this.maxOpen = maxOpen;
  }

  /** A registry of exactly one site that is already open (single-site serve, tests). */
  public static SiteRegistry of(Site site) {
    SiteRegistry registry = new SiteRegistry(1);
    registry.add(site);
    return registry;
  }

  public void listen(Listener listener) {
    listeners.add(listener);
    all().forEach(listener::added);
  }

  /** @throws Duplicate when a site of the same key is served */
  public void add(Site site) {
    synchronized (this) {
      if (sites.containsKey(site.key())) {
        throw new Duplicate(site.key());
      }
      sites.put(site.key(), site);
    }
    listeners.forEach(l -> l.added(site));
  }

  public synchronized Optional<Site> find(String key) {
    return Optional.ofNullable(sites.get(key));
  }

  /** In the order they were added. */
  public synchronized List<Site> all() {
    return List.copyOf(sites.values());
  }

  /** The only site, when exactly one is served (the routes without a site key are its aliases). */
  public synchronized Optional<Site> single() {
    return sites.size() == 1 ? Optional.of(sites.values().iterator().next()) : Optional.empty();
  }

  public synchronized int size() {
    return sites.size();
  }

  /** Sites whose index is open now. */
  public int openCount() {
    return (int) all().stream().filter(Site::isOpen).count();
  }

  public int maxOpen() {
    return maxOpen;
  }

  /**
   * Runs {@code work} on {@code site}, opening it first if needed (and making room under the cap).
   *
   * @throws Site.Gone when the site was removed
   * @throws Site.Unavailable when its index cannot be opened
   */
  public <T> T use(Site site, Site.Work<T> work) throws Exception {
    if (!site.isOpen() || overCap) {
      makeRoomFor(site);
    }
    return site.use(work);
  }

  /** Closes least recently used idle sites until {@code opening} fits under the cap. */
  private synchronized void makeRoomFor(Site opening) {
    List<Site> open = new ArrayList<>(all().stream().filter(s -> s != opening && s.isOpen()).toList());
    open.sort(Comparator.comparingLong(Site::lastUsed));
    for (Site candidate : List.copyOf(open)) {
      if (open.size() < maxOpen) {
        return;
      }
      if (candidate.closeIfIdle()) {
        LOG.info("site {}: closed its index (least recently used of {} open; at most {})", candidate.key(),
            open.size(), maxOpen);
        open.remove(candidate);
      }
    }
    overCap = open.size() >= maxOpen;
    if (overCap && !opening.isOpen()) {
      LOG.warn("{} sites are open (at most {}) and all are busy; opening {} anyway", open.size(), maxOpen, opening.key());
    }
  }

  /**
   * Takes a site out of service: new requests get 404 at once, in-flight ones finish (up to
   * {@link #REMOVE_WAIT}), then its jobs stop and its index closes. Its data stays on disk.
   *
   * @return the removed site, empty when there was none of that key
   */
  public Optional<Site> remove(String key) throws InterruptedException {
    Site site;
    synchronized (this) {
      site = sites.remove(key);
      ScheduledFuture<?> schedule = schedules.remove(key);
      if (schedule != null) {
        schedule.cancel(false);
      }
    }
    if (site == null) {
      return Optional.empty();
    }
    site.remove(REMOVE_WAIT);
    listeners.forEach(l -> l.removed(site));
    return Optional.of(site);
  }

  /** Submits an incremental reindex of {@code site} every {@code interval} (opening the site for it). */
  public synchronized void schedule(Site site, Duration interval) {
    schedules.put(site.key(), timer.scheduleWithFixedDelay(() -> {
      try {
        use(site, r -> r.jobs() == null ? null : r.jobs().submit(CrawlPlan.incremental(), "schedule"));
      } catch (Exception e) {
        LOG.info("site {}: scheduled reindex skipped: {}", site.key(), e.getMessage());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Checks every {@code interval} whether an open site's CURRENT pointer moved outside the service. */
  public void watchGenerations(Duration interval) {
    timer.scheduleWithFixedDelay(() -> {
      for (Site site : all()) {
        try {
          site.ifOpen(r -> {
            if (r.watcher() != null) {
              r.watcher().check();
            }
            return null;
          });
        } catch (Exception e) {
          LOG.debug("site {}: generation check skipped: {}", site.key(), e.getMessage());
        }
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the schedules and every open site's jobs (running ones cancel safely); the indexes keep serving. */
  public void stopJobs() {
    timer.shutdownNow();
    for (Site site : all()) {
      try {
        site.ifOpen(r -> {
          if (r.jobs() != null) {
            r.jobs().close();
          }
          return null;
        });
      } catch (Exception e) {
        LOG.warn("site {}: stopping its jobs failed", site.key(), e);
      }
    }
  }

  /** Stops the timer and closes every site (running jobs are cancelled safely). */
  @Override
  public void close() {
    timer.shutdownNow();
    for (Site site : all()) {
      site.close();
    }
  }
}
