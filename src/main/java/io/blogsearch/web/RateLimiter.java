package io.blogsearch.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key: {@code rate} requests per {@code per} nanoseconds with a burst
 * of twice that. A rate of zero means no limit. A bucket left alone long enough to refill
 * completely is the same as a new one, so such buckets are dropped when the table is large
 * (at most once a second): a flood of addresses cannot grow memory beyond the clients active
 * within one refill time, and no client gains anything from being dropped.
 */
final class RateLimiter {
  private static final int PRUNE_ABOVE = 10_000;
  private static final long PRUNE_EVERY_NANOS = 1_000_000_000L;

  private static final class Bucket {
    double tokens;
    long last;
  }

  /** Whether a request may proceed, and if not, after how many whole seconds it may. */
  record Decision(boolean allowed, long retryAfterSeconds) {}

  private static final Decision ALLOWED = new Decision(true, 0);

  private final double ratePerNano;
  private final double burst;
  private final long refillNanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final AtomicLong lastPrune;

  RateLimiter(double rate, long perNanos) {
    this(rate, perNanos, System::nanoTime);
  }

  /** With another nanosecond clock (tests). */
  RateLimiter(double rate, long perNanos, LongSupplier clock) {
    this.ratePerNano = rate / perNanos;
    this.burst = Math.max(1, rate * 2);
    this.refillNanos = rate <= 0 ? 0 : (long) Math.ceil(burst / ratePerNano);
    this.clock = clock;
    this.lastPrune = new AtomicLong(clock.getAsLong());
  }

  boolean unlimited() {
    return ratePerNano <= 0;
  }

  /** Takes one token for {@code client}, or says how long until one is there. */
  Decision acquire(String client) {
    if (unlimited()) {
      return ALLOWED;
    }
    long now = clock.getAsLong();
    prune(now);
    Bucket b = buckets.computeIfAbsent(client, c -> {
      Bucket nb = new Bucket();
      nb.tokens = burst;
      nb.last = now;
      return nb;
    });
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + Math.max(0, now - b.last) * ratePerNano);
      b.last = Math.max(b.last, now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return ALLOWED;
      }
      double waitNanos = (1 - b.tokens) / ratePerNano;
      return new Decision(false, Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
    }
  }

  private void prune(long now) {
    long previous = lastPrune.get();
    if (buckets.size() <= PRUNE_ABOVE || now - previous < PRUNE_EVERY_NANOS || !lastPrune.compareAndSet(previous, now)) {
      return;
    }
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return now - e.getValue().last >= refillNanos;
      }
    });
  }

  /** How many clients have a bucket (tests). */
  int clients() {
    return buckets.size();
  }
}
