package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.crawl.CrawlPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The coalescing rules of the reindex queue: at most one waiting job per kind. */
class PendingJobsTest {
  private final PendingJobs queue = new PendingJobs();
  private final AtomicInteger n = new AtomicInteger(1);
  private final Supplier<String> ids = () -> "job-" + n.getAndIncrement();

  private ReindexJob place(CrawlPlan plan, boolean allowShrink) {
    return queue.place(plan, "api", allowShrink, ids).carrier();
  }

  @Test
  void urlRequestsMergeInOrderWithoutRepeats() {
    ReindexJob first = place(CrawlPlan.urls(List.of("http://b/1", "http://b/2")), false);
    ReindexJob second = place(CrawlPlan.urls(List.of("http://b/3", "http://b/1", "http://b/4")), false);
    assertSame(first, second);
    assertEquals(List.of("http://b/1", "http://b/2", "http://b/3", "http://b/4"), first.plan().urls());
    assertEquals(List.of("job-1"), queue.all().stream().map(j -> j.id).toList());
  }

  @Test
  void aFullSupersedesEverythingWaitingAndThenCarriesEveryRequest() {
    ReindexJob urls = place(CrawlPlan.urls(List.of("http://b/1")), false);
    ReindexJob incremental = place(CrawlPlan.incremental(), false);
    PendingJobs.Placed full = queue.place(CrawlPlan.full(), "api", false, ids);
    assertEquals(List.of(urls, incremental), full.superseded());
    assertEquals("job-3", urls.status().supersededBy());
    assertEquals("cancelled", incremental.status().state());
    assertSame(full.carrier(), place(CrawlPlan.incremental(), true));
    assertSame(full.carrier(), place(CrawlPlan.urls(List.of("http://b/9")), false));
    assertSame(full.carrier(), place(CrawlPlan.full(), false));
    assertEquals(List.of(full.carrier()), queue.all());
    assertTrue(full.carrier().allowShrink(), "a merged request's allowShrink applies to the job");
  }

  @Test
  void anIncrementalAndAUrlJobWaitSideBySideOldestFirst() {
    ReindexJob incremental = place(CrawlPlan.incremental(), false);
    ReindexJob urls = place(CrawlPlan.urls(List.of("http://b/1")), false);
    assertSame(incremental, place(CrawlPlan.incremental(), false));
    assertSame(urls, place(CrawlPlan.urls(List.of("http://b/2")), false));
    assertEquals(List.of(incremental, urls), queue.all());
    assertEquals(PendingJobs.MAX_LENGTH, queue.all().size());
    assertSame(incremental, queue.poll());
    assertSame(urls, queue.poll());
    assertTrue(queue.isEmpty());
  }

  @Test
  void urlsBeyondTheCapBecomeAFullReindex() {
    List<String> many = IntStream.range(0, PendingJobs.MAX_URLS).mapToObj(i -> "http://b/" + i).toList();
    ReindexJob urls = place(CrawlPlan.urls(many), false);
    ReindexJob carrier = place(CrawlPlan.urls(List.of("http://b/one-more")), false);
    assertEquals(CrawlPlan.Mode.FULL, carrier.mode);
    assertEquals(carrier.id, urls.status().supersededBy());
    assertEquals(List.of(carrier), queue.all());
  }
}
