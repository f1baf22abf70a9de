package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The process-wide crawl slots: at most N crawls at once, handed out in arrival order, cancellable while waiting. */
class CrawlBudgetTest {
  @Test
  void aSecondCrawlWaitsForTheSlotAndGetsItWhenFreed() throws Exception {
    CrawlBudget budget = new CrawlBudget(1);
    CrawlBudget.Slot first = budget.acquire(() -> false);
    assertNotNull(first);
    assertFalse(budget.hasFreeSlot());
    List<String> order = new CopyOnWriteArrayList<>();
    Thread second = new Thread(() -> {
      try (CrawlBudget.Slot s = budget.acquire(() -> false)) {
        order.add("second crawls");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    second.start();
    while (budget.waiting() == 0) {
      Thread.sleep(5);
    }
    order.add("first finishes");
    first.close();
    second.join();
    assertEquals(List.of("first finishes", "second crawls"), order);
    assertTrue(budget.hasFreeSlot());
    assertEquals(0, budget.inUse());
  }

  @Test
  void aCancelledJobStopsWaiting() throws Exception {
    CrawlBudget budget = new CrawlBudget(1);
    CrawlBudget.Slot held = budget.acquire(() -> false);
    AtomicBoolean cancelled = new AtomicBoolean();
    Thread canceller = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      cancelled.set(true);
    });
    canceller.start();
    assertNull(budget.acquire(cancelled::get));
    held.close();
    assertEquals(1, budget.size());
  }

  @Test
  void refusesAnEmptyBudget() {
    assertThrows(IllegalArgumentException.class, () -> new CrawlBudget(0));
  }
}
