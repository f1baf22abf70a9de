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
  void anotherSitesJobWaitsForTheSlotWhileOneCrawlsThenRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
      throws Exception {
    io.blogsearch.demo.SampleBlog blog = io.blogsearch.demo.SampleBlog.load();
    CrawlBudget budget = new CrawlBudget(1);
    try (var slowBlog = new io.blogsearch.demo.SampleBlogServer(blog, 0, java.time.Duration.ZERO);
        var quickBlog = new io.blogsearch.demo.SampleBlogServer(io.blogsearch.demo.SampleBlog.of(blog.posts().subList(0, 5)),
            0, java.time.Duration.ZERO);
        ReindexJobs slow = jobs("big", slowBlog.baseUrl(), "delay: 100ms", data, budget);
        ReindexJobs quick = jobs("small", quickBlog.baseUrl(), "delay: 0ms", data, budget)) {
      JobStatus big = slow.submit(io.blogsearch.crawl.CrawlPlan.full(), "test");
      while (!"crawl".equals(slow.get(big.id()).orElseThrow().phase())) {
        Thread.sleep(10);
      }
      JobStatus small = quick.submit(io.blogsearch.crawl.CrawlPlan.full(), "test");
      Thread.sleep(300);
      assertEquals("waiting", quick.get(small.id()).orElseThrow().phase(), "the big site holds the only slot");
      assertEquals("running", quick.get(small.id()).orElseThrow().state());
      assertTrue(slow.cancel(big.id()));
      long end = System.nanoTime() + 60_000_000_000L;
      while (!quick.idle() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertEquals("succeeded", quick.get(small.id()).orElseThrow().state(), quick.get(small.id()).toString());
      assertEquals("cancelled", slow.get(big.id()).orElseThrow().state());
    }
  }

  private static ReindexJobs jobs(String name, String seed, String delay, java.nio.file.Path data, CrawlBudget budget) {
    io.blogsearch.config.SiteConfig site = new io.blogsearch.config.ConfigLoader().parse("""
        name: %s
        seeds: [%s/]
        politeness: {concurrencyPerHost: 1, %s}
        semantic: {enabled: false}
        """.formatted(name, seed, delay)).withDataDir(data);
    var options = io.blogsearch.search.SearchOptions.defaults(
        io.blogsearch.index.BlogAnalyzers.synonyms("", io.blogsearch.index.BlogAnalyzers.Stemmer.PORTER));
    ServingManager serving = ServingManager.openOrEmpty(new io.blogsearch.index.Generations(site.generationsDir()), options,
        io.blogsearch.search.SemanticSettings.keywordOnly());
    return new ReindexJobs(site, options.stemmer(), io.blogsearch.encoder.SemanticModel.off(null, "test"), serving,
        job -> { }, budget);
  }

  @Test
  void refusesAnEmptyBudget() {
    assertThrows(IllegalArgumentException.class, () -> new CrawlBudget(0));
  }
}
