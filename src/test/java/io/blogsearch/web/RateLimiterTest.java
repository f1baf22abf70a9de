package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  @Test
  void allowsABurstOfTwiceTheRateThenSaysWhenToRetry() {
    RateLimiter limiter = new RateLimiter(500, SECOND, now::get);
    for (int i = 0; i < 1000; i++) {
      assertTrue(limiter.acquire("a").allowed(), "request " + i + " within the burst");
    }
    assertEquals(new RateLimiter.Decision(false, 1), limiter.acquire("a"));
    assertTrue(limiter.acquire("b").allowed(), "another client has its own bucket");
    now.addAndGet(SECOND / 500);
    assertTrue(limiter.acquire("a").allowed(), "one token back after 2 ms");

    RateLimiter slow = new RateLimiter(6, 60 * SECOND, now::get);
    for (int i = 0; i < 12; i++) {
      assertTrue(slow.acquire("a").allowed());
    }
    assertEquals(new RateLimiter.Decision(false, 10), slow.acquire("a"), "one token per 10 s");
    now.addAndGet(4 * SECOND);
    assertEquals(new RateLimiter.Decision(false, 6), slow.acquire("a"));
  }

  @Test
  void dropsOnlyBucketsThatHaveRefilledWhenTheTableIsLarge() {
    RateLimiter limiter = new RateLimiter(10, SECOND, now::get);
    for (int i = 0; i < 10_001; i++) {
      limiter.acquire("idle-" + i);
    }
    now.addAndGet(SECOND);
    for (int i = 0; i < 20; i++) {
      limiter.acquire("busy");
    }
    assertEquals(10_002, limiter.clients(), "nothing has refilled yet (2 s for a burst of 20 at 10/s)");
    now.addAndGet(SECOND + SECOND / 2);
    for (int i = 0; i < 15; i++) {
      assertTrue(limiter.acquire("busy").allowed(), "15 tokens back after 1.5 s");
    }
    assertEquals(1, limiter.clients(), "the idle buckets were full again and are gone");
    assertEquals(new RateLimiter.Decision(false, 1), limiter.acquire("busy"), "its own bucket was kept, not a fresh one");
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter off = new RateLimiter(0, SECOND, now::get);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(off.acquire("a").allowed());
    }
    assertEquals(0, off.clients());
  }
}
