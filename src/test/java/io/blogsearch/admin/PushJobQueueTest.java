package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.BLOG;
import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes while a job runs, over real HTTP: they coalesce into one waiting push job, which a URL
 * request turns into a URL job and a full reindex absorbs. The running job crawls slowly (700 ms
 * between requests on one connection) so it is still running while the test sends more.
 */
class PushJobQueueTest {
  private static final Duration SLOW = Duration.ofMillis(700);
  @TempDir Path data;

  private static String pushBody(AdminFixture f, int post, String word) {
    return PushPosts.body(PushPosts.companion(BLOG.posts().get(post), f.blog.baseUrl() + "/2026/12/02/" + word + "/", word));
  }

  private static JsonNode push(AdminFixture f, int post, String word) throws Exception {
    HttpResponse<String> r = f.send("PUT", "/api/admin/posts", pushBody(f, post, word), TOKEN);
    assertEquals(202, r.statusCode(), r.body());
    return f.parse(r).get("job");
  }

  private static List<String> ids(JsonNode jobs) {
    List<String> out = new ArrayList<>();
    jobs.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  private static int hits(AdminFixture f, String q) throws Exception {
    return f.parse(f.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null)).get("total").asInt();
  }

  @Test
  void pushesWhileAJobRunsCoalesceIntoOneWaitingPushJobThatAUrlRequestJoins() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      String url = f.blog.baseUrl() + BLOG.posts().get(0).path();
      String running = f.parse(f.post("/api/admin/reindex", "{\"urls\": [\"" + url + "\"]}", TOKEN)).get("id").asText();

      JsonNode first = push(f, 1, "alderwort");
      JsonNode second = push(f, 2, "birchwort");
      assertNotEquals(running, first.get("id").asText());
      assertEquals("queued", first.get("state").asText());
      assertEquals("push", first.get("mode").asText());
      assertEquals(first.get("id").asText(), second.get("id").asText(), "the second push merged into the first's job");
      HttpResponse<String> delete = f.send("DELETE", "/api/admin/posts?url="
          + URLEncoder.encode(f.blog.baseUrl() + BLOG.posts().get(3).path(), StandardCharsets.UTF_8), null, TOKEN);
      assertEquals(first.get("id").asText(), f.parse(delete).get("job").get("id").asText(), "so did the deletion");

      String other = f.blog.baseUrl() + BLOG.posts().get(4).path();
      JsonNode urls = f.parse(f.post("/api/admin/reindex", "{\"urls\": [\"" + other + "\"]}", TOKEN));
      assertEquals(first.get("id").asText(), urls.get("id").asText(), "a URL request joins the waiting push job");
      assertEquals("urls", urls.get("mode").asText());
      assertEquals(List.of(other), f.json.convertValue(urls.get("urls"), List.class));
      JsonNode third = push(f, 5, "cedarwort");
      assertEquals(first.get("id").asText(), third.get("id").asText(), "and later pushes join it too");
      assertEquals(1, f.parse(f.get("/api/admin/status", TOKEN)).get("queue").get("length").asInt());

      JsonNode done = f.awaitJob(first.get("id").asText());
      assertEquals("succeeded", done.get("state").asText(), done.toString());
      assertEquals(List.of(first.get("id").asText(), running), ids(f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs")),
          "two jobs ran for one URL request, three pushes, a deletion and another URL request");
      assertEquals(1, hits(f, "alderwort"));
      assertEquals(1, hits(f, "birchwort"));
      assertEquals(1, hits(f, "cedarwort"));
      assertEquals(37 + 3 - 1, hits(f, ""));
    }
  }

  @Test
  void aPushWhileAFullReindexWaitsMergesIntoIt() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null, SLOW)) {
      String url = f.blog.baseUrl() + BLOG.posts().get(0).path();
      String running = f.parse(f.post("/api/admin/reindex", "{\"urls\": [\"" + url + "\"]}", TOKEN)).get("id").asText();
      JsonNode pushed = push(f, 1, "daisywort");
      String full = f.parse(f.post("/api/admin/reindex", "{\"mode\": \"full\"}", TOKEN)).get("id").asText();
      JsonNode superseded = f.parse(f.get("/api/admin/jobs/" + pushed.get("id").asText(), TOKEN));
      assertEquals("cancelled", superseded.get("state").asText());
      assertEquals(full, superseded.get("supersededBy").asText());
      assertEquals(full, push(f, 2, "elmwort").get("id").asText());
      f.jobs.cancel(full); // the full crawl would take ~70 s at this pace; a push job applies both instead
      JsonNode applied = push(f, 3, "firwort");
      assertNotEquals(full, applied.get("id").asText());
      assertEquals("succeeded", f.awaitJob(applied.get("id").asText()).get("state").asText());
      assertEquals("succeeded", f.awaitJob(running).get("state").asText());
      assertEquals(1, hits(f, "daisywort"), "every build applies all stored pushes");
      assertEquals(1, hits(f, "elmwort"));
      assertEquals(1, hits(f, "firwort"));
    }
  }
}
