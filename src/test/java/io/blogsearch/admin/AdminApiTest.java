package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.web.ApiSettings;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API and reindex jobs over real HTTP, against the sample blog on localhost. */
class AdminApiTest {
  @TempDir Path data;

  @Test
  void adminEndpointsNeedTheToken() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      HttpResponse<String> none = f.get("/api/admin/status", null);
      assertEquals(401, none.statusCode());
      assertEquals("{\"error\":\"unauthorized\",\"message\":\"a valid admin token is required\"}", none.body());
      assertEquals(401, f.get("/api/admin/status", "wrong-token").statusCode());
      assertEquals(401, f.post("/api/admin/reindex", "{}", TOKEN + "x").statusCode());
      HttpResponse<String> ok = f.get("/api/admin/status", TOKEN);
      assertEquals(200, ok.statusCode());
      JsonNode status = f.parse(ok);
      assertEquals(37, status.get("documents").asInt());
      assertEquals("gen-000001", status.get("generation").asText());
      assertEquals(37, status.get("lastCrawl").get("articles").asInt());
    }
  }

  @Test
  void adminApiIsDisabledWithoutAConfiguredToken() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", new ApiSettings(List.of(), 0, 0, null, null))) {
      HttpResponse<String> r = f.get("/api/admin/status", "anything");
      assertEquals(401, r.statusCode());
      assertTrue(r.body().contains("no admin token is configured"), r.body());
    }
  }

  @Test
  void reindexRunsToCompletionWithProgressAndSwapsTheGeneration() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost gone = AdminFixture.BLOG.bySlug("saying-no-is-a-strategy").orElseThrow();
      f.blog.unpublish(gone.slug());
      HttpResponse<String> started = f.post("/api/admin/reindex", "{\"mode\": \"full\"}", TOKEN);
      assertEquals(202, started.statusCode(), started.body());
      String id = f.parse(started).get("id").asText();
      assertEquals("/api/admin/jobs/" + id, started.headers().firstValue("Location").orElse(""));
      JsonNode done = f.awaitJob(id);
      assertEquals("succeeded", done.get("state").asText(), done.toString());
      assertEquals("gen-000002", done.get("generation").asText());
      assertEquals(36, done.get("documents").asInt());
      assertTrue(done.get("progress").get("fetched").asInt() > 100, done.toString());
      assertEquals("full", done.get("mode").asText());
      assertEquals(36, f.parse(f.get("/api/admin/status", TOKEN)).get("documents").asInt());
      assertEquals(36, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      JsonNode history = f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs");
      assertEquals(id, history.get(0).get("id").asText());
    }
  }

  @Test
  void aSecondReindexIsQueuedAndCancelLeavesTheOldIndexServing() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      // slow the next crawl down so the job is still running while we poke at it
      f.blog.unpublish("the-weekly-review-habit");
      var slowSite = f.site.withPoliteness(new io.blogsearch.config.SiteConfig.Politeness(1, Duration.ofMillis(100),
          Duration.ofSeconds(1), "blogsearch-bot/test", true, false));
      try (ReindexJobs slowJobs = new ReindexJobs(slowSite, io.blogsearch.index.BlogAnalyzers.Stemmer.PORTER, f.serving, j -> { })) {
        JobStatus first = slowJobs.submit(io.blogsearch.crawl.CrawlPlan.full(), "api");
        JobStatus second = slowJobs.submit(io.blogsearch.crawl.CrawlPlan.incremental(), "api");
        assertNotEquals(first.id(), second.id());
        assertEquals("queued", second.state());
        Thread.sleep(500);
        assertTrue(slowJobs.cancel(second.id()));
        assertTrue(slowJobs.cancel(first.id()));
        long end = System.nanoTime() + 20_000_000_000L;
        while (slowJobs.runningJob().isPresent() && System.nanoTime() < end) {
          Thread.sleep(50);
        }
        assertEquals("cancelled while queued; it never ran", slowJobs.get(second.id()).orElseThrow().message());
        JobStatus cancelled = slowJobs.get(first.id()).orElseThrow();
        assertEquals("cancelled", cancelled.state(), cancelled.toString());
        assertTrue(cancelled.message().endsWith("the previous index keeps serving"), cancelled.message());
      }
      assertEquals(37, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      assertEquals("gen-000001", f.parse(f.get("/ready", null)).get("generation").asText());

      HttpResponse<String> started = f.post("/api/admin/reindex", "{\"mode\": \"incremental\"}", TOKEN);
      String id = f.parse(started).get("id").asText();
      assertEquals("succeeded", f.awaitJob(id).get("state").asText());
      HttpResponse<String> notRunning = f.post("/api/admin/jobs/" + id + "/cancel", "", TOKEN);
      assertEquals(409, notRunning.statusCode());
      assertEquals(404, f.post("/api/admin/jobs/job-999/cancel", "", TOKEN).statusCode());
    }
  }

  @Test
  void searchesDuringAReindexNeverFailNorSeeAHalfBuiltIndex() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      f.blog.unpublish("preventing-burnout-before-it-starts");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger ok = new AtomicInteger();
      Map<String, Integer> failures = new ConcurrentHashMap<>();
      Set<Integer> totals = ConcurrentHashMap.newKeySet();
      String relatedPath = "/api/related?url=" + URLEncoder.encode(f.blog.baseUrl()
          + AdminFixture.BLOG.bySlug("giving-feedback-that-lands").orElseThrow().path(), StandardCharsets.UTF_8);
      Thread[] clients = new Thread[8];
      for (int i = 0; i < clients.length; i++) {
        int n = i;
        clients[i] = new Thread(() -> {
          while (!stop.get()) {
            try {
              String path = n % 2 == 0 ? "/api/search?q=" : n % 4 == 1 ? "/api/search?q=team" : relatedPath;
              HttpResponse<String> r = f.get(path, null);
              if (r.statusCode() != 200) {
                failures.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
              } else {
                ok.incrementAndGet();
                if (path.equals("/api/search?q=")) {
                  totals.add(f.parse(r).get("total").asInt());
                }
              }
            } catch (Exception e) {
              failures.merge(e.toString(), 1, Integer::sum);
            }
          }
        });
        clients[i].start();
      }
      Thread.sleep(300);
      String id = f.parse(f.post("/api/admin/reindex", "{\"mode\": \"full\"}", TOKEN)).get("id").asText();
      JsonNode done = f.awaitJob(id);
      Thread.sleep(300);
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
      assertEquals("succeeded", done.get("state").asText());
      System.out.printf("reindex under load: %d requests answered 200 by 8 clients, failures %s, totals seen %s%n",
          ok.get(), failures, totals);
      assertEquals(Map.of(), failures);
      assertEquals(Set.of(37, 36), totals, "only whole indexes were ever seen");
      assertTrue(ok.get() > 100, "requests " + ok.get());
    }
  }

  @Test
  void rollbackServesThePreviousGeneration() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      assertEquals(409, f.post("/api/admin/rollback", "", TOKEN).statusCode());
      f.blog.unpublish("fewer-tools-better-work");
      f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"full\"}", TOKEN)).get("id").asText());
      assertEquals(36, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      HttpResponse<String> r = f.post("/api/admin/rollback", "", TOKEN);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("{\"generation\":\"gen-000001\"}", r.body());
      assertEquals(37, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      assertEquals("gen-000001", f.parse(f.get("/ready", null)).get("generation").asText());
    }
  }

  @Test
  void rollbackToAnotherLayoutOrABrokenGenerationIs409AndChangesNothing() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\":\"full\"}", TOKEN)).get("id").asText());
      Path first = f.site.generationsDir().resolve("gen-000001");
      io.blogsearch.index.OldLayout.rewrite(first, "0");
      HttpResponse<String> old = f.post("/api/admin/rollback", "", TOKEN);
      assertEquals(409, old.statusCode());
      assertEquals("cannot roll back to gen-000001: index layout 0, this build reads " + io.blogsearch.index.IndexSchema.VERSION
          + ": run a full reindex", f.parse(old).get("message").asText());
      assertEquals("gen-000002", f.parse(f.get("/ready", null)).get("generation").asText());

      io.blogsearch.index.OldLayout.rewrite(first, io.blogsearch.index.IndexSchema.VERSION);
      java.nio.file.Files.delete(first.resolve(io.blogsearch.related.RelatedStore.FILE));
      java.nio.file.Files.writeString(first.resolve(io.blogsearch.related.RelatedStore.FILE), "{not json");
      HttpResponse<String> broken = f.post("/api/admin/rollback", "", TOKEN);
      assertEquals(409, broken.statusCode(), broken.body());
      assertTrue(f.parse(broken).get("message").asText().startsWith("cannot roll back: "), broken.body());
      assertEquals("gen-000002", java.nio.file.Files.readString(f.site.generationsDir().resolve("CURRENT")).strip());
      assertEquals("gen-000002", f.parse(f.get("/ready", null)).get("generation").asText());
    }
  }

  @Test
  void urlsModeRecrawlsJustThosePages() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = AdminFixture.BLOG.bySlug("delegation-that-actually-sticks").orElseThrow();
      f.blog.clearLog();
      String body = "{\"urls\": [\"" + f.blog.baseUrl() + p.path() + "\"]}";
      JsonNode done = f.awaitJob(f.parse(f.post("/api/admin/reindex", body, TOKEN)).get("id").asText());
      assertEquals("succeeded", done.get("state").asText(), done.toString());
      assertEquals("urls", done.get("mode").asText());
      assertEquals(List.of("/robots.txt", p.path()), f.blog.requests().stream().map(r -> r.target()).toList());
      assertEquals(37, done.get("documents").asInt());
      HttpResponse<String> bad = f.post("/api/admin/reindex", "{\"urls\": [\"http://elsewhere.example/x\"]}", TOKEN);
      assertEquals(400, bad.statusCode());
      assertEquals(400, f.post("/api/admin/reindex", "{\"mode\": \"sideways\"}", TOKEN).statusCode());
      assertEquals(400, f.post("/api/admin/reindex", "not json", TOKEN).statusCode());
    }
  }

  @Test
  void rateLimitsAnswer429AndBigBodiesAnswer413() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", new ApiSettings(List.of(), 5, 6, TOKEN, null))) {
      int limited = 0;
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> r = f.get("/api/search?q=team", null);
        if (r.statusCode() == 429) {
          limited++;
          assertEquals("{\"error\":\"too_many_requests\",\"message\":\"rate limit exceeded; slow down and retry\"}", r.body());
          assertTrue(r.headers().firstValue("Retry-After").isPresent());
        } else {
          assertEquals(200, r.statusCode());
        }
      }
      assertTrue(limited >= 15, "429s: " + limited);
      int adminLimited = 0;
      for (int i = 0; i < 20; i++) {
        adminLimited += f.get("/api/admin/status", TOKEN).statusCode() == 429 ? 1 : 0;
      }
      assertTrue(adminLimited >= 5, "admin 429s: " + adminLimited);
      assertEquals(200, f.get("/health", null).statusCode(), "health is never limited");
    }
    try (AdminFixture f = new AdminFixture(data.resolve("b"), "", null)) {
      HttpResponse<String> big = f.post("/api/admin/reindex", "{\"urls\": [\"" + "x".repeat(100_000) + "\"]}", TOKEN);
      assertEquals(413, big.statusCode(), big.body());
      assertTrue(big.body().startsWith("{\"error\":\"payload_too_large\""), big.body());
    }
  }

  @Test
  void healthReadyMetricsAndSecurityHeaders() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      f.get("/api/search?q=team", null);
      HttpResponse<String> health = f.get("/health", null);
      assertEquals("{\"status\":\"ok\"}", health.body());
      assertEquals("nosniff", health.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("strict-origin-when-cross-origin", health.headers().firstValue("Referrer-Policy").orElse(""));
      assertTrue(health.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
      JsonNode ready = f.parse(f.get("/ready", null));
      assertEquals("ready", ready.get("status").asText());
      assertEquals(37, ready.get("documents").asInt());
      String metrics = f.get("/metrics", null).body();
      assertTrue(metrics.contains("blogsearch_http_requests_seconds_bucket{"), metrics);
      assertTrue(metrics.contains("route=\"/api/search\""), metrics);
      assertTrue(metrics.contains("blogsearch_search_requests_total{site=\"admin\"} 1.0"), metrics);
      assertTrue(metrics.contains("blogsearch_index_documents{site=\"admin\"} 37.0"), metrics);
      assertTrue(metrics.contains("site=\"admin\",status=\"200\""), metrics);
      assertTrue(metrics.contains("blogsearch_index_size_bytes"), metrics);
    }
  }

  @Test
  void scheduledIncrementalRunsAppearInHistoryAndSee304s() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      f.jobs.schedule(Duration.ofMillis(300));
      long end = System.nanoTime() + 30_000_000_000L;
      JobStatus scheduled = null;
      while (System.nanoTime() < end && scheduled == null) {
        scheduled = f.jobs.all().stream().filter(j -> j.trigger().equals("schedule") && !j.running()).findFirst().orElse(null);
        Thread.sleep(100);
      }
      assertTrue(scheduled != null, "a scheduled job ran");
      assertEquals("succeeded", scheduled.state(), scheduled.toString());
      assertEquals("incremental", scheduled.mode());
      assertEquals(37, scheduled.progress().notModified(), "every post answered 304");
      assertEquals("gen-000001", scheduled.generation(), "nothing changed: no new generation");
      assertEquals("nothing changed; gen-000001 keeps serving", scheduled.message());
    }
  }

  @Test
  void aReindexThatWouldShrinkTheIndexFailsUnlessAllowShrinkIsSent() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      AdminFixture.BLOG.posts().stream().limit(19).forEach(p -> f.blog.unpublish(p.slug()));
      JsonNode refused = f.awaitJob(f.parse(f.post("/api/admin/reindex", "{\"mode\": \"full\"}", TOKEN)).get("id").asText());
      assertEquals("failed", refused.get("state").asText(), refused.toString());
      assertEquals("refused to publish: the new index would hold 18 posts, fewer than half of the 37 now serving; "
          + "the serving index is unchanged (send \"allowShrink\": true to publish it anyway)", refused.get("message").asText());
      assertEquals(37, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      assertEquals("gen-000001", f.parse(f.get("/ready", null)).get("generation").asText());
      assertEquals(400, f.post("/api/admin/reindex", "{\"allowShrink\": \"yes\"}", TOKEN).statusCode());

      String body = "{\"mode\": \"full\", \"allowShrink\": true}";
      JsonNode allowed = f.awaitJob(f.parse(f.post("/api/admin/reindex", body, TOKEN)).get("id").asText());
      assertEquals("succeeded", allowed.get("state").asText(), allowed.toString());
      assertEquals(18, allowed.get("documents").asInt());
      assertEquals(18, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
    }
  }
}
