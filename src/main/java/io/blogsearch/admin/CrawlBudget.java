package io.blogsearch.admin;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How many sites of one process may crawl at once. The slots are handed out first come, first
 * served, and a site runs one job at a time, so a big site holds at most one slot however often
 * or long it crawls: the other sites' crawls wait their turn behind it, never forever. Building
 * and publishing need no slot (push jobs do not wait).
 */
public final class CrawlBudget {
  private final Semaphore slots;
  private final int size;

  /** @param size crawls that may run at once (at least 1) */
  public CrawlBudget(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a crawl budget needs at least one slot (got " + size + ")");
    }
    this.size = size;
    this.slots = new Semaphore(size, true);
  }

  /** No limit beyond one crawl per site (a process serving one site). */
  public static CrawlBudget unlimited() {
    return new CrawlBudget(Integer.MAX_VALUE);
  }

  /** One held slot; closing it gives it back. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits for a slot, checking {@code cancelled} a few times a second.
   *
   * @return the slot, or null when {@code cancelled} became true first
   */
  public Slot acquire(BooleanSupplier cancelled) throws InterruptedException {
    while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
      if (cancelled.getAsBoolean()) {
        return null;
      }
    }
    return slots::release;
  }

  /** Whether a slot is free right now (a job says it waits when not). */
  public boolean hasFreeSlot() {
    return slots.availablePermits() > 0;
  }

  /** Slots in use. */
  public int inUse() {
    return size == Integer.MAX_VALUE ? 0 : size - slots.availablePermits();
  }

  /** Crawls waiting for a slot. */
  public int waiting() {
    return slots.getQueueLength();
  }

  public int size() {
    return size;
  }
}
