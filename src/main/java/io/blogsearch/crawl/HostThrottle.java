package io.blogsearch.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host manners: at most N requests in flight to a host, and request starts to one host
 * spaced at least its delay apart (the configured delay or the robots.txt crawl-delay, whichever
 * is larger).
 */
final class HostThrottle {
  private final int concurrency;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();

  private static final class Host {
    final Semaphore slots;
    long delayNanos;
    long lastStart;
    boolean started;

    Host(int concurrency) {
      this.slots = new Semaphore(concurrency, true);
    }
  }

  HostThrottle(int concurrency) {
    this.concurrency = concurrency;
  }

  private Host host(String origin) {
    return hosts.computeIfAbsent(origin, o -> new Host(concurrency));
  }

  /** Sets the gap between request starts for a host (origin). */
  void setDelay(String origin, Duration delay) {
    Host h = host(origin);
    synchronized (h) {
      h.delayNanos = delay.toNanos();
    }
  }

  /** Blocks until a request to {@code origin} may start; pair with {@link #release}. */
  void acquire(String origin) throws InterruptedException {
    Host h = host(origin);
    h.slots.acquire();
    long wait;
    synchronized (h) {
      long now = System.nanoTime();
      long start = h.started ? Math.max(now, h.lastStart + h.delayNanos) : now;
      h.lastStart = start;
      h.started = true;
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        h.slots.release();
        throw e;
      }
    }
  }

  /** Notes a request made to {@code origin} outside {@link #acquire}; the next one waits the delay. */
  void requestStarted(String origin) {
    Host h = host(origin);
    synchronized (h) {
      long now = System.nanoTime();
      h.lastStart = h.started ? Math.max(h.lastStart, now) : now;
      h.started = true;
    }
  }

  void release(String origin) {
    hosts.get(origin).slots.release();
  }
}
