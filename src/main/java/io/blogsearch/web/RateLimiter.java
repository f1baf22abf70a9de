package io.blogsearch.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address: {@code rate} requests per {@code per} nanoseconds with a
 * burst of twice that. A rate of zero means no limit. Idle buckets are dropped when the table
 * grows, so a flood of addresses cannot grow memory without bound.
 */
final class RateLimiter {
  private static final int MAX_CLIENTS = 50_000;

  private static final class Bucket {
    double tokens;
    long last;
  }

  private final double ratePerNano;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(double rate, long perNanos) {
    this.ratePerNano = rate / perNanos;
    this.burst = Math.max(1, rate * 2);
  }

  boolean unlimited() {
    return ratePerNano <= 0;
  }

  /** Takes one token for {@code client}; false when its bucket is empty. */
  boolean tryAcquire(String client) {
    if (unlimited()) {
      return true;
    }
    long now = System.nanoTime();
    if (buckets.size() > MAX_CLIENTS) {
      buckets.entrySet().removeIf(e -> now - e.getValue().last > 60_000_000_000L);
    }
    Bucket b = buckets.computeIfAbsent(client, c -> {
      Bucket nb = new Bucket();
      nb.tokens = burst;
      nb.last = now;
      return nb;
    });
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.last) * ratePerNano);
      b.last = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Seconds until {@code client} has a token again (for Retry-After). */
  long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / (ratePerNano * 1e9)));
  }
}
