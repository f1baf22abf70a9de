package io.blogsearch.sites;

import io.blogsearch.admin.GenerationWatcher;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One site of the service: its settings and credentials always, its serving index and job queue
 * ({@link Runtime}) only while open. A request holds the site for as long as it runs
 * ({@link #use}); the registry closes sites nobody asked for lately (never one with a request in
 * flight or a job running or waiting), and a removed site finishes its in-flight requests before
 * it closes. A site whose index cannot be opened answers {@link Unavailable} and never affects
 * another site.
 */
public final class Site {
  private static final Logger LOG = LoggerFactory.getLogger(Site.class);
  /** A site whose index failed to open is not tried again sooner than this (a corrupt index stays corrupt). */
  static final Duration RETRY_OPEN_AFTER = Duration.ofSeconds(10);

  /**
   * What the web stage needs of a site, open or not.
   *
   * @param key the site's name, in its routes ({@code /api/sites/{key}/…})
   * @param config the site config, or null for an index served without one (tests, benchmarks: no admin API)
   * @param urls normaliser for URLs callers pass in
   * @param corsOrigins origins allowed to call the site's API from browsers
   */
  public record Settings(String key, SiteConfig config, UrlNormalizer urls, List<String> corsOrigins,
      SiteCredentials credentials) {
    public Settings {
      corsOrigins = List.copyOf(corsOrigins);
    }

    /** The settings a site config gives. */
    public static Settings of(SiteConfig site, SiteCredentials credentials) {
      return new Settings(site.name(), site, new UrlNormalizer(site.stripQueryParams()), site.service().corsOrigins(),
          credentials);
    }
  }

  /**
   * An open site.
   *
   * @param jobs its reindex jobs, or null when it has none (a fixed index)
   * @param watcher picks up a CURRENT pointer moved outside the service, or null
   */
  public record Runtime(ServingManager serving, ReindexJobs jobs, GenerationWatcher watcher) {}

  /** Opens a site's index and jobs. */
  @FunctionalInterface
  public interface Opener {
    Runtime open();
  }

  /** Work done while holding an open site. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Runtime site) throws Exception;
  }

  /** The site was removed (or is being removed): answer as if it never existed. */
  public static final class Gone extends RuntimeException {
    Gone(String key) {
      super("no site " + key);
    }
  }

  /** The site's index cannot be opened right now; other sites are unaffected. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String key, RuntimeException cause) {
      super("site " + key + " cannot serve: " + cause.getMessage(), cause);
    }
  }

  private final Settings settings;
  private final Opener opener;
  private final boolean evictable;
  private final AutoCloseable held;
  private final LongSupplier clock;
  private Runtime runtime;
  private int inFlight;
  private boolean removed;
  private long lastUsed;
  private Unavailable openFailure;
  private long failedAt;

  /**
   * @param evictable whether the registry may close it when unused (false: opened once, kept open)
   * @param held what the site holds for as long as it is served (its writer lock), closed when it is removed
   */
  public Site(Settings settings, Opener opener, boolean evictable, AutoCloseable held) {
    this(settings, opener, evictable, held, System::nanoTime);
  }

  Site(Settings settings, Opener opener, boolean evictable, AutoCloseable held, LongSupplier clock) {
    this.settings = settings;
    this.opener = opener;
    this.evictable = evictable;
    this.held = held;
    this.clock = clock;
  }

  /** A site serving an index that is already open (single-site serve, tests, benchmarks). */
  public static Site open(Settings settings, Runtime runtime) {
    Site site = new Site(settings, () -> runtime, false, () -> { });
    site.runtime = runtime;
    return site;
  }

  public String key() {
    return settings.key();
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Runs {@code work} on the open site (opening it first if needed), holding it until done.
   *
   * @throws Gone when the site was removed
   * @throws Unavailable when its index cannot be opened
   */
  public <T> T use(Work<T> work) throws Exception {
    Runtime r = enter(true);
    try {
      return work.apply(r);
    } finally {
      leave();
    }
  }

  /**
   * Runs {@code work} only if the site is open, without opening it or counting as a use (status,
   * metrics, the generation watcher); null when it is closed.
   */
  public <T> T ifOpen(Work<T> work) throws Exception {
    Runtime r = enter(false);
    if (r == null) {
      return null;
    }
    try {
      return work.apply(r);
    } finally {
      leave();
    }
  }

  public synchronized boolean isOpen() {
    return runtime != null;
  }

  synchronized long lastUsed() {
    return lastUsed;
  }

  boolean evictable() {
    return evictable;
  }

  private synchronized Runtime enter(boolean openIfClosed) {
    if (removed) {
      throw new Gone(key());
    }
    if (runtime == null) {
      if (!openIfClosed) {
        return null;
      }
      if (openFailure != null && clock.getAsLong() - failedAt < RETRY_OPEN_AFTER.toNanos()) {
        throw openFailure;
      }
      try {
        runtime = opener.open();
        openFailure = null;
      } catch (RuntimeException e) {
        openFailure = new Unavailable(key(), e);
        failedAt = clock.getAsLong();
        LOG.error("site {}: cannot open its index; its requests answer 503 until it opens", key(), e);
        throw openFailure;
      }
    }
    inFlight++;
    if (openIfClosed) {
      lastUsed = clock.getAsLong();
    }
    return runtime;
  }

  private synchronized void leave() {
    if (--inFlight == 0) {
      notifyAll();
    }
  }

  /** Closes the site's index and jobs if nothing uses them: no request in flight, no job running or waiting. */
  synchronized boolean closeIfIdle() {
    if (runtime == null || inFlight > 0 || !evictable || runtime.jobs() != null && !runtime.jobs().idle()) {
      return false;
    }
    closeRuntime();
    return true;
  }

  /**
   * Takes the site out of service: new requests get {@link Gone}, requests in flight finish (for
   * up to {@code wait}), then its jobs stop (a running one is cancelled) and its index closes.
   */
  void remove(Duration wait) throws InterruptedException {
    synchronized (this) {
      removed = true;
      long end = System.nanoTime() + wait.toNanos();
      while (inFlight > 0 && System.nanoTime() < end) {
        wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      }
      if (inFlight > 0) {
        LOG.warn("site {}: {} requests still running after {}; closing anyway", key(), inFlight, wait);
      }
    }
    synchronized (this) {
      if (runtime != null) {
        closeRuntime();
      }
      release();
    }
  }

  /** Closes everything at shutdown (jobs cancelled safely). */
  synchronized void close() {
    removed = true;
    if (runtime != null) {
      closeRuntime();
    }
    release();
  }

  private void release() {
    try {
      held.close();
    } catch (Exception e) {
      LOG.warn("site {}: releasing what it held failed", key(), e);
    }
  }

  private void closeRuntime() {
    Runtime r = runtime;
    runtime = null;
    if (r.watcher() != null) {
      r.watcher().close();
    }
    if (r.jobs() != null) {
      r.jobs().close();
    }
    try {
      r.serving().close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("site {}: closing its index failed", key(), e);
    }
  }
}
