package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.crawl.CrawlPlan;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reindex requests while a job runs, over real HTTP: queued, coalesced, superseded, cancelled.
 * The jobs crawl with a 700 ms politeness delay on one connection so the first one is still
 * running while the test sends more.
 */
class JobQueueTest {
  private static final Duration SLOW = Duration.ofMillis(700);
  @TempDir Path data;

  private static String url(AdminFixture f, int post) {
    return f.blog.baseUrl() + AdminFixture.BLOG.posts().get(post).path();
  }

  private static String urlsBody(String... urls) {
    return Stream.of(urls).map(u -> "\"" + u + "\"").collect(Collectors.joining(", ", "{\"urls\": [", "]}"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> ids(JsonNode jobs) {
    List<String> out = new ArrayList<>();
    jobs.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void urlRequestsWhileAJobRunsMergeIntoOneQueuedJobThatRunsOnceWithTheirUnion() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      String x = url(f, 0);
      String a = url(f, 1);
      String b = url(f, 2);
      String c = url(f, 3);
      f.blog.clearLog();
      String running = f.parse(f.post("/api/admin/reindex", urlsBody(x), TOKEN)).get("id").asText();

      HttpResponse<String> first = f.post("/api/admin/reindex", urlsBody(a, b), TOKEN);
      HttpResponse<String> second = f.post("/api/admin/reindex", urlsBody(b, c, a), TOKEN);
      assertEquals(202, first.statusCode(), first.body());
      assertEquals(202, second.statusCode(), second.body());
      JsonNode queued = f.parse(second);
      String id = queued.get("id").asText();
      assertNotEquals(running, id);
      assertEquals(id, f.parse(first).get("id").asText(), "the second request merged into the first's job");
      assertEquals("/api/admin/jobs/" + id, first.headers().firstValue("Location").orElse(""));
      assertEquals("/api/admin/jobs/" + id, second.headers().firstValue("Location").orElse(""));
      assertEquals("queued", queued.get("state").asText());
      assertEquals(List.of(a, b, c), texts(queued.get("urls")));

      JsonNode queue = f.parse(f.get("/api/admin/status", TOKEN)).get("queue");
      assertEquals(1, queue.get("length").asInt(), queue.toString());
      assertEquals(List.of(id), ids(queue.get("jobs")));

      JsonNode done = f.awaitJob(id);
      JsonNode before = f.awaitJob(running);
      assertEquals("succeeded", done.get("state").asText(), done.toString());
      assertEquals("urls", done.get("mode").asText());
      assertEquals(List.of(a, b, c), texts(done.get("urls")));
      assertEquals(List.of(id, running), ids(f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs")), "two jobs ran, not three");
      String path = f.blog.baseUrl();
      assertEquals(List.of("/robots.txt", x.substring(path.length()), "/robots.txt", a.substring(path.length()),
          b.substring(path.length()), c.substring(path.length())), f.blog.requests().stream().map(r -> r.target()).toList());
      Instant queuedAt = Instant.parse(done.get("queuedAt").asText());
      Instant startedAt = Instant.parse(done.get("startedAt").asText());
      Instant finishedAt = Instant.parse(done.get("finishedAt").asText());
      assertTrue(!queuedAt.isAfter(startedAt) && !startedAt.isAfter(finishedAt), done.toString());
      assertFalse(startedAt.isBefore(Instant.parse(before.get("finishedAt").asText())), "it ran after the first one");
    }
  }

  @Test
  void aFullRequestSupersedesAQueuedIncrementalAndRollbackIs409MeanWhile() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      // a change for the running job to publish, so a rollback has a generation to go back to at the end
      f.blog.unpublish(AdminFixture.BLOG.posts().get(0).slug());
      String running = f.parse(f.post("/api/admin/reindex", urlsBody(url(f, 0)), TOKEN)).get("id").asText();
      String incremental = f.parse(f.post("/api/admin/reindex", "{\"mode\": \"incremental\"}", TOKEN)).get("id").asText();

      HttpResponse<String> rollback = f.post("/api/admin/rollback", "", TOKEN);
      assertEquals(409, rollback.statusCode(), rollback.body());
      assertEquals("cannot roll back while a reindex runs or waits (its publish would undo it): job " + running
          + " is running and " + incremental + " is queued", f.parse(rollback).get("message").asText());

      HttpResponse<String> fullAnswer = f.post("/api/admin/reindex", "{\"mode\": \"full\"}", TOKEN);
      assertEquals(202, fullAnswer.statusCode());
      String full = f.parse(fullAnswer).get("id").asText();
      assertNotEquals(incremental, full);
      JsonNode superseded = f.parse(f.get("/api/admin/jobs/" + incremental, TOKEN));
      assertEquals("cancelled", superseded.get("state").asText());
      assertEquals(full, superseded.get("supersededBy").asText());
      assertEquals("superseded by " + full + " (a queued full reindex covers it); it never ran",
          superseded.get("message").asText());
      assertTrue(superseded.get("startedAt").isNull());
      assertEquals(full, f.parse(f.post("/api/admin/reindex", "{\"mode\": \"incremental\"}", TOKEN)).get("id").asText(),
          "an incremental merges into the waiting full reindex");
      assertEquals(full, f.parse(f.post("/api/admin/reindex", urlsBody(url(f, 1)), TOKEN)).get("id").asText(),
          "so does a URL request");

      JsonNode queue = f.parse(f.get("/api/admin/status", TOKEN)).get("queue");
      assertEquals(1, queue.get("length").asInt(), queue.toString());
      assertEquals("full", queue.get("jobs").get(0).get("mode").asText());
      assertTrue(queue.get("oldestWaitingSeconds").asDouble() > 0, queue.toString());
      String metrics = f.get("/metrics", null).body();
      assertTrue(metrics.contains("\nblogsearch_jobs_queued{site=\"admin\"} 1.0\n"), metrics);
      assertTrue(metrics.contains("\nblogsearch_jobs_queue_wait_seconds{site=\"admin\"} "), metrics);
      assertFalse(metrics.contains("\nblogsearch_jobs_queue_wait_seconds{site=\"admin\"} 0.0\n"), metrics);

      HttpResponse<String> cancel = f.post("/api/admin/jobs/" + full + "/cancel", "", TOKEN);
      assertEquals(202, cancel.statusCode(), cancel.body());
      assertEquals("cancelled", f.parse(cancel).get("state").asText());
      assertEquals("cancelled while queued; it never ran", f.parse(cancel).get("message").asText());
      assertEquals(0, f.parse(f.get("/api/admin/status", TOKEN)).get("queue").get("length").asInt());
      String after = f.get("/metrics", null).body();
      assertTrue(after.contains("\nblogsearch_jobs_queued{site=\"admin\"} 0.0\n"), after);
      assertTrue(after.contains("\nblogsearch_jobs_queue_wait_seconds{site=\"admin\"} 0.0\n"), after);
      assertEquals(409, f.post("/api/admin/jobs/" + full + "/cancel", "", TOKEN).statusCode(), "no longer queued");

      assertEquals("succeeded", f.awaitJob(running).get("state").asText());
      assertEquals(List.of(running, full, incremental), ids(f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs")),
          "only the first job ran; the others are in the history as they ended");
      assertEquals(200, f.post("/api/admin/rollback", "", TOKEN).statusCode(), "nothing runs or waits any more");
    }
  }

  @Test
  void anIncrementalLeavesAQueuedUrlJobWaitingBesideIt() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      String running = f.parse(f.post("/api/admin/reindex", urlsBody(url(f, 0)), TOKEN)).get("id").asText();
      String urls = f.parse(f.post("/api/admin/reindex", urlsBody(url(f, 1)), TOKEN)).get("id").asText();
      String incremental = f.parse(f.post("/api/admin/reindex", "{}", TOKEN)).get("id").asText();
      assertNotEquals(urls, incremental);
      assertEquals(incremental, f.parse(f.post("/api/admin/reindex", "{\"mode\": \"incremental\"}", TOKEN)).get("id").asText());
      JsonNode queue = f.parse(f.get("/api/admin/status", TOKEN)).get("queue");
      assertEquals(List.of(urls, incremental), ids(queue.get("jobs")), "oldest first");
      assertEquals(List.of(incremental, urls, running), ids(f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs")).subList(0, 3));
      assertEquals(202, f.post("/api/admin/jobs/" + incremental + "/cancel", "", TOKEN).statusCode());
      assertEquals("succeeded", f.awaitJob(urls).get("state").asText());
      assertEquals("succeeded", f.awaitJob(running).get("state").asText());
    }
  }

  @Test
  void closingDropsQueuedJobsIntoTheHistoryAsCancelled() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      JobStatus running = f.jobs.submit(CrawlPlan.urls(List.of(url(f, 0))), "api");
      JobStatus queued = f.jobs.submit(CrawlPlan.urls(List.of(url(f, 1))), "api");
      assertEquals("queued", queued.state());
      f.jobs.close();
      JobStatus dropped = f.jobs.get(queued.id()).orElseThrow();
      assertEquals("cancelled", dropped.state());
      assertEquals("service stopped before it ran", dropped.message());
      assertNull(dropped.startedAt());
      assertEquals(queued.queuedAt(), dropped.queuedAt());
      assertFalse(f.jobs.get(running.id()).orElseThrow().running(), "the running job wound down");
      assertEquals(0, f.jobs.queue().length());
      assertThrows(ReindexJobs.Stopped.class, () -> f.jobs.submit(CrawlPlan.incremental(), "api"));
      try (ReindexJobs restarted = new ReindexJobs(f.site, io.blogsearch.index.BlogAnalyzers.Stemmer.PORTER, f.serving, j -> { })) {
        assertEquals("service stopped before it ran", restarted.get(queued.id()).orElseThrow().message(),
            "the history on disk has it");
      }
    }
  }

  @Test
  void scheduledIncrementalsNeverPileUp() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      f.jobs.schedule(Duration.ofMillis(50));
      Thread.sleep(1500);
      List<JobStatus> all = f.jobs.all();
      assertEquals(List.of("queued", "running"), all.stream().map(JobStatus::state).toList(), all.toString());
      assertTrue(all.stream().allMatch(j -> j.trigger().equals("schedule") && j.mode().equals("incremental")));
      assertEquals(1, f.jobs.queue().length());
    }
  }
}
