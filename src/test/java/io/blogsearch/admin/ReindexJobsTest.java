package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reindex jobs against the sample blog: failures that must leave the serving index alone and the job slot free. */
class ReindexJobsTest {
  private static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
  @TempDir Path data;

  private static JobStatus await(ReindexJobs jobs, String id) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (jobs.runningJob().isPresent() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return jobs.get(id).orElseThrow();
  }

  @Test
  void theJobSlotIsFreedEvenWhenTheHistoryCannotBeWritten() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      Path history = f.site.siteDir().resolve("jobs.json");
      Files.deleteIfExists(history);
      Files.createDirectories(history.resolve("in-the-way"));
      SamplePost p = AdminFixture.BLOG.bySlug("delegation-that-actually-sticks").orElseThrow();
      CrawlPlan onePage = CrawlPlan.urls(List.of(f.blog.baseUrl() + p.path()));
      try (ReindexJobs jobs = new ReindexJobs(f.site, BlogAnalyzers.Stemmer.PORTER, f.serving, j -> { })) {
        JobStatus first = jobs.submit(onePage, "api");
        assertEquals("succeeded", await(jobs, first.id()).state());
        JobStatus second = jobs.submit(onePage, "api");
        assertEquals("succeeded", await(jobs, second.id()).state());
        assertEquals(List.of(second.id(), first.id()), jobs.all().stream().map(JobStatus::id).toList());
      }
      assertTrue(Files.isDirectory(history), "the history could not be written");
    }
  }

  @Test
  void aQueuedJobStartsEvenWhenTheHistoryCannotBeWritten() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      Path history = f.site.siteDir().resolve("jobs.json");
      Files.deleteIfExists(history);
      Files.createDirectories(history.resolve("in-the-way"));
      SamplePost p = AdminFixture.BLOG.bySlug("delegation-that-actually-sticks").orElseThrow();
      CrawlPlan onePage = CrawlPlan.urls(List.of(f.blog.baseUrl() + p.path()));
      try (ReindexJobs jobs = new ReindexJobs(f.site, BlogAnalyzers.Stemmer.PORTER, f.serving, j -> { })) {
        JobStatus first = jobs.submit(onePage, "api");
        JobStatus queued = jobs.submit(CrawlPlan.incremental(), "api");
        assertEquals("queued", queued.state());
        long end = System.nanoTime() + 60_000_000_000L;
        while ((jobs.runningJob().isPresent() || jobs.queue().length() > 0) && System.nanoTime() < end) {
          Thread.sleep(50);
        }
        assertEquals("succeeded", jobs.get(first.id()).orElseThrow().state());
        assertEquals("succeeded", jobs.get(queued.id()).orElseThrow().state(), "the slot passed on despite the failed write");
      }
    }
  }

  @Test
  void aJobWhoseGenerationDoesNotOpenFailsWithTheReasonAndChangesNothing() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      Generations generations = new Generations(f.site.generationsDir());
      Function<Generations.Generation, ServingIndex> opener = g -> {
        if (g.number() > 1) {
          throw new IllegalStateException("simulated: " + g.name() + " does not open");
        }
        return ServingIndex.open(g, OPTIONS);
      };
      try (ServingManager serving = ServingManager.open(generations, opener).orElseThrow();
          ReindexJobs jobs = new ReindexJobs(f.site, BlogAnalyzers.Stemmer.PORTER, serving, j -> { })) {
        JobStatus done = await(jobs, jobs.submit(CrawlPlan.full(), "api").id());
        assertEquals("failed", done.state());
        assertEquals("IllegalStateException: simulated: gen-000002 does not open; the previous index keeps serving",
            done.message());
        assertEquals("gen-000001", generations.current().orElseThrow().name());
        assertEquals(List.of("gen-000001"), generations.list(false).stream().map(Generations.Generation::name).toList());
        assertEquals("gen-000001", serving.with(s -> s.generation().name()));
      }
    }
  }

  @Test
  void rollbackWaitsForNoJobAndRefusesWhileOneRuns() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      f.blog.unpublish("the-weekly-review-habit");
      SiteConfig slow = f.site.withPoliteness(new SiteConfig.Politeness(1, Duration.ofMillis(100), Duration.ofSeconds(1),
          "blogsearch-bot/test", true, false));
      try (ReindexJobs jobs = new ReindexJobs(slow, BlogAnalyzers.Stemmer.PORTER, f.serving, j -> { })) {
        JobStatus running = jobs.submit(CrawlPlan.full(), "api");
        ReindexJobs.Busy busy = assertThrows(ReindexJobs.Busy.class, jobs::rollback);
        assertEquals(running.id(), busy.runningId());
        jobs.cancel(running.id());
        assertEquals("cancelled", await(jobs, running.id()).state());
        assertEquals(java.util.Optional.empty(), jobs.rollback(), "only one generation: nothing to roll back to");
      }
    }
  }
}
