package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.BLOG;
import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blogsearch.demo.SamplePost;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PUT/DELETE /api/admin/posts over real HTTP against a crawled and served sample blog. */
class PushApiTest {
  @TempDir Path data;

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> urls(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("url").asText()));
    return out;
  }

  private static List<String> searchUrls(AdminFixture f, String q) throws Exception {
    return urls(f.parse(f.get("/api/search?q=" + enc(q), null)).get("hits"));
  }

  private static List<String> relatedUrls(AdminFixture f, String url) throws Exception {
    return urls(f.parse(f.get("/api/related?limit=20&url=" + enc(url), null)).get("items"));
  }

  private static JsonNode put(AdminFixture f, String body, int status) throws Exception {
    HttpResponse<String> r = f.send("PUT", "/api/admin/posts", body, TOKEN);
    assertEquals(status, r.statusCode(), r.body());
    return f.parse(r);
  }

  @Test
  void aPushedPostIsSearchableListedBesideThePostItBelongsToAndStoredWithItsFields() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost b = BLOG.posts().get(5);
      String bUrl = f.blog.baseUrl() + b.path();
      String url = f.blog.baseUrl() + "/2026/12/02/pushed-companion/";
      ObjectNode post = PushPosts.companion(b, url, "quillwort");
      post.put("excerpt", "A pushed excerpt.");
      post.put("modified", "2026-12-02T09:30:00+01:00");
      post.putArray("comments").addObject().put("author", "Ana").put("date", "2026-12-02T10:00:00Z")
          .put("text", "Useful.").put("type", "comment");
      post.putArray("relatedLinks").addObject().put("url", bUrl).put("title", b.title());
      post.put("image", f.blog.baseUrl() + "/img/a.png");
      post.put("language", "en-GB");

      HttpResponse<String> r = f.send("PUT", "/api/admin/posts", PushPosts.body(post), TOKEN);
      assertEquals(202, r.statusCode(), r.body());
      JsonNode answer = f.parse(r);
      assertEquals("[{\"index\":0,\"url\":\"" + url + "\",\"status\":\"created\"}]", answer.get("posts").toString());
      String job = answer.get("job").get("id").asText();
      assertEquals("push", answer.get("job").get("mode").asText());
      assertEquals("/api/admin/jobs/" + job, r.headers().firstValue("Location").orElse(""));
      JsonNode done = f.awaitJob(job);
      assertEquals("succeeded", done.get("state").asText(), done.toString());
      assertEquals(0, done.get("progress").get("fetched").asInt(), "a push job fetches nothing");
      assertEquals(38, done.get("documents").asInt());

      assertEquals(List.of(url), searchUrls(f, "quillwort"));
      assertTrue(relatedUrls(f, bUrl).contains(url), relatedUrls(f, bUrl).toString());
      assertTrue(relatedUrls(f, url).contains(bUrl), "its own related list comes first from its site link");
      JsonNode stored = f.parse(f.get("/api/posts?url=" + enc(url), null));
      assertEquals(post.get("title").asText(), stored.get("title").asText());
      assertEquals("A pushed excerpt.", stored.get("excerpt").asText());
      assertEquals(b.author(), stored.get("author").asText());
      assertEquals("2026-12-02T08:00:00Z", stored.get("published").asText());
      assertEquals("2026-12-02T08:30:00Z", stored.get("modified").asText());
      assertEquals(b.tags().toString(), f.json.convertValue(stored.get("tags"), List.class).toString());
      assertEquals(1, stored.get("commentCount").asInt());
      assertEquals("Ana", stored.get("comments").get(0).get("author").asText());
      assertTrue(stored.get("body").asText().endsWith("A follow-up on the quillwort approach, with notes from readers."));
    }
  }

  @Test
  void theSameContentAgainIsUnchangedAndQueuesNoJobWhileAnEditUpdatesTheIndex() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost b = BLOG.posts().get(7);
      String url = f.blog.baseUrl() + "/2026/12/02/edited-later/";
      ObjectNode post = PushPosts.companion(b, url, "marshwort");
      f.awaitJob(put(f, PushPosts.body(post), 202).get("job").get("id").asText());
      int jobs = f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs").size();

      JsonNode again = put(f, PushPosts.body(post), 200);
      assertEquals("unchanged", again.get("posts").get(0).get("status").asText());
      assertFalse(again.has("job"), again.toString());
      assertEquals(jobs, f.parse(f.get("/api/admin/jobs", TOKEN)).get("jobs").size(), "no job was queued");

      post.put("html", "<p>Rewritten around the fenwort idea.</p>");
      JsonNode edit = put(f, PushPosts.body(post), 202);
      assertEquals("updated", edit.get("posts").get(0).get("status").asText());
      assertEquals("succeeded", f.awaitJob(edit.get("job").get("id").asText()).get("state").asText());
      assertEquals(List.of(url), searchUrls(f, "fenwort"));
      assertEquals(List.of(), searchUrls(f, "\"marshwort approach\""));
      assertEquals(38, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
    }
  }

  @Test
  void pushingOverACrawledPostUpdatesItAndMixedBatchesSayWhatEachPostDid() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = BLOG.posts().get(3);
      String url = f.blog.baseUrl() + p.path();
      ObjectNode over = PushPosts.companion(p, url, "sedgewort");
      over.put("title", "A pushed title for a crawled post");
      String fresh = f.blog.baseUrl() + "/2026/12/02/fresh/";
      JsonNode answer = put(f, PushPosts.body(over, PushPosts.companion(BLOG.posts().get(4), fresh, "rushwort")), 202);
      assertEquals("[{\"index\":0,\"url\":\"" + url + "\",\"status\":\"updated\"},"
          + "{\"index\":1,\"url\":\"" + fresh + "\",\"status\":\"created\"}]", answer.get("posts").toString());
      f.awaitJob(answer.get("job").get("id").asText());
      assertEquals("A pushed title for a crawled post", f.parse(f.get("/api/posts?url=" + enc(url), null)).get("title").asText());
      assertEquals(List.of(url), searchUrls(f, "sedgewort"));
      assertEquals(38, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
    }
  }

  @Test
  void deleteRemovesThePostFromSearchAndEveryRelatedList() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost gone = BLOG.posts().get(2);
      String url = f.blog.baseUrl() + gone.path();
      List<String> showing = new ArrayList<>();
      for (SamplePost p : BLOG.posts()) {
        String u = f.blog.baseUrl() + p.path();
        if (!u.equals(url) && relatedUrls(f, u).contains(url)) {
          showing.add(u);
        }
      }
      assertFalse(showing.isEmpty());

      HttpResponse<String> r = f.send("DELETE", "/api/admin/posts?url=" + enc(url), null, TOKEN);
      assertEquals(202, r.statusCode(), r.body());
      JsonNode answer = f.parse(r);
      assertEquals(url, answer.get("url").asText());
      assertEquals("deleted", answer.get("status").asText());
      assertEquals("succeeded", f.awaitJob(answer.get("job").get("id").asText()).get("state").asText());

      assertEquals(36, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      assertFalse(searchUrls(f, "\"" + gone.title() + "\"").contains(url));
      assertEquals(404, f.get("/api/related?url=" + enc(url), null).statusCode());
      assertEquals(404, f.get("/api/posts?url=" + enc(url), null).statusCode());
      for (String u : showing) {
        assertFalse(relatedUrls(f, u).contains(url), u);
      }

      assertEquals(1, f.parse(f.get("/api/admin/status", TOKEN)).get("pushes").get("deletions").asInt());
      assertEquals(0, f.parse(f.get("/api/admin/status", TOKEN)).get("pushes").get("posts").asInt());
      HttpResponse<String> again = f.send("DELETE", "/api/admin/posts?url=" + enc(url), null, TOKEN);
      assertEquals(200, again.statusCode(), again.body());
      assertEquals("{\"url\":\"" + url + "\",\"status\":\"unchanged\"}", again.body());
      HttpResponse<String> unknown = f.send("DELETE", "/api/admin/posts?url=" + enc(f.blog.baseUrl() + "/no/such/"), null, TOKEN);
      assertEquals(404, unknown.statusCode());
      assertEquals("not_found", f.parse(unknown).get("error").asText());
      HttpResponse<String> missing = f.send("DELETE", "/api/admin/posts", null, TOKEN);
      assertEquals(400, missing.statusCode());
      assertEquals("{\"error\":\"bad_request\",\"message\":\"url: is required\",\"field\":\"url\"}", missing.body());

      // pushed again, it is back
      JsonNode back = put(f, PushPosts.body(PushPosts.companion(gone, url, "bogbean")), 202);
      assertEquals("created", back.get("posts").get(0).get("status").asText());
      f.awaitJob(back.get("job").get("id").asText());
      assertEquals(List.of(url), searchUrls(f, "bogbean"));
    }
  }

  @Test
  void thePushEndpointsNeedTheAdminToken() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      String body = PushPosts.body(PushPosts.companion(BLOG.posts().get(0), f.blog.baseUrl() + "/x/", "nope"));
      for (String token : new String[] {null, "wrong"}) {
        HttpResponse<String> put = f.send("PUT", "/api/admin/posts", body, token);
        assertEquals(401, put.statusCode());
        assertEquals("{\"error\":\"unauthorized\",\"message\":\"a valid admin token is required\"}", put.body());
        assertEquals(401, f.send("DELETE", "/api/admin/posts?url=" + enc(f.blog.baseUrl() + BLOG.posts().get(0).path()),
            null, token).statusCode());
      }
      assertEquals(37, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
      assertEquals(0, f.jobs.pushes().size());
    }
  }

  @Test
  void html_isCleanedLikeACrawledPageAndTextIsKeptAsParagraphs() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      String a = f.blog.baseUrl() + "/2026/12/02/html/";
      String b = f.blog.baseUrl() + "/2026/12/02/text/";
      ObjectNode html = PushPosts.companion(BLOG.posts().get(1), a, "x");
      html.put("html", "<h2>Plan</h2><p>Keep the <b>cowslip</b> list.</p><script>alert(1)</script>"
          + "<div class=\"sharedaddy\"><p>Share this</p></div><style>p{}</style><ul><li>one</li></ul>");
      ObjectNode text = PushPosts.companion(BLOG.posts().get(1), b, "y");
      text.remove("html");
      text.put("text", "First line\r\n\r\n\r\nSecond <b>not markup</b>");
      f.awaitJob(put(f, PushPosts.body(html, text), 202).get("job").get("id").asText());
      assertEquals("Plan\n\nKeep the cowslip list.\n\none",
          f.parse(f.get("/api/posts?url=" + enc(a), null)).get("body").asText());
      assertEquals("First line\n\nSecond <b>not markup</b>", f.parse(f.get("/api/posts?url=" + enc(b), null)).get("body").asText());
    }
  }

  @Test
  void aScriptInAPushedTitleIsEscapedInTheSearchPageAndPlainTextInTheApi() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      String url = f.blog.baseUrl() + "/2026/12/02/hostile/";
      ObjectNode post = PushPosts.companion(BLOG.posts().get(1), url, "xenowort");
      String title = "<script>alert('pushed')</script> xenowort";
      post.put("title", title);
      post.putArray("tags").add("<img src=x onerror=alert(1)>");
      f.awaitJob(put(f, PushPosts.body(post), 202).get("job").get("id").asText());
      JsonNode hit = f.parse(f.get("/api/search?q=xenowort", null)).get("hits").get(0);
      assertEquals(title, hit.get("title").asText());
      String page = f.get("/?q=xenowort", null).body();
      assertTrue(page.contains("&lt;script&gt;alert("), page);
      assertFalse(page.contains("<script>alert("), page);
      assertFalse(page.contains("<img src=x"), page);
    }
  }

  @Test
  void aBodyOverTheApisUsualLimitIsTakenAndOneOverThePushLimitIs413() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      String url = f.blog.baseUrl() + "/2026/12/02/long/";
      ObjectNode post = PushPosts.companion(BLOG.posts().get(1), url, "longwort");
      post.put("html", "<p>longwort " + "words of a long post ".repeat(20_000) + "</p>");
      assertTrue(PushPosts.body(post).length() > 300_000);
      f.awaitJob(put(f, PushPosts.body(post), 202).get("job").get("id").asText());
      assertEquals(List.of(url), searchUrls(f, "longwort"));

      // Only the headers of a 33 MB body: the server refuses it by its length before reading it (sending
      // the body too races the server's close after its early answer, and the answer can be lost).
      String huge = headersOnly(f, "PUT /api/admin/posts", 33L * 1024 * 1024);
      assertTrue(huge.startsWith("HTTP/1.1 413 "), huge);
      String hugeBody = huge.substring(huge.indexOf("\r\n\r\n") + 4);
      assertEquals("payload_too_large", f.json.readTree(hugeBody).get("error").asText());
      HttpResponse<String> reindex = f.post("/api/admin/reindex", "{\"urls\": [\"" + "x".repeat(70_000) + "\"]}", TOKEN);
      assertEquals(413, reindex.statusCode(), "other admin routes keep the 64 KB limit");
      assertNull(f.json.readTree(hugeBody).get("field"));
    }
  }

  @Test
  void repeatingAPushAfterARollbackAppliesItAgain() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      String url = f.blog.baseUrl() + "/2026/12/02/pushed-again/";
      String body = PushPosts.body(PushPosts.companion(BLOG.posts().get(3), url, "hornbeamwort"));
      f.awaitJob(put(f, body, 202).get("job").get("id").asText());
      assertEquals(List.of(url), searchUrls(f, "hornbeamwort"));
      assertEquals("unchanged", put(f, body, 200).get("posts").get(0).get("status").asText(), "served as pushed: no work");

      assertEquals(200, f.post("/api/admin/rollback", "", TOKEN).statusCode()); // the generation before the push
      assertEquals(List.of(), searchUrls(f, "hornbeamwort"));
      JsonNode again = put(f, body, 202);

      assertEquals("updated", again.get("posts").get(0).get("status").asText());
      assertEquals("succeeded", f.awaitJob(again.get("job").get("id").asText()).get("state").asText());
      assertEquals(List.of(url), searchUrls(f, "hornbeamwort"));
    }
  }

  /** Sends a request line and headers announcing {@code length} bytes of body, none of them, and reads the answer. */
  private static String headersOnly(AdminFixture f, String requestLine, long length) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", f.api.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      InputStream in = socket.getInputStream();
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        answer.write(buf, 0, n);
        if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
          break;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
