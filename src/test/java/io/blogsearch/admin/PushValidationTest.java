package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.BLOG;
import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad push is a 400 naming the field and the post's index; nothing is stored, no job runs. */
class PushValidationTest {
  @TempDir static Path data;
  private static AdminFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new AdminFixture(data, "", null);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  private static ObjectNode good(int i) {
    return PushPosts.companion(BLOG.posts().get(i), f.blog.baseUrl() + "/2026/12/02/p" + i + "/", "w" + i);
  }

  /** Sends three posts, the one at index 2 changed by {@code bad}; expects 400 with {@code field} and {@code message}. */
  private static void rejects(Consumer<ObjectNode> bad, String field, String message) throws Exception {
    ObjectNode third = good(2);
    bad.accept(third);
    rejects(PushPosts.body(good(0), good(1), third), field, message);
  }

  private static void rejects(String body, String field, String message) throws Exception {
    int stored = f.jobs.pushes().size();
    int jobs = f.jobs.all().size();
    HttpResponse<String> r = f.send("PUT", "/api/admin/posts", body, TOKEN);
    assertEquals(400, r.statusCode(), r.body());
    JsonNode e = f.parse(r);
    assertEquals("bad_request", e.get("error").asText());
    assertEquals(field, e.get("field").asText());
    assertEquals(field + ": " + message, e.get("message").asText());
    assertEquals(stored, f.jobs.pushes().size(), "nothing stored");
    assertEquals(jobs, f.jobs.all().size(), "no job queued");
  }

  @Test
  void theBodyAndThePostsList() throws Exception {
    rejects("{\"posts\": ", "body", "not valid JSON (expected {\"posts\": [...]})");
    rejects("[]", "body", "must be a JSON object like {\"posts\": [...]}");
    rejects("{}", "posts", "must be a list of 1 to 100 posts");
    rejects("{\"posts\": []}", "posts", "must be a list of 1 to 100 posts");
    rejects("{\"posts\": [], \"mode\": \"full\"}", "mode", "unknown field (expected one of [posts])");
    ObjectNode[] many = new ObjectNode[101];
    for (int i = 0; i < many.length; i++) {
      many[i] = good(i % 30);
      many[i].put("url", f.blog.baseUrl() + "/many/" + i + "/");
    }
    rejects(PushPosts.body(many), "posts", "must be a list of 1 to 100 posts");
    rejects("{\"posts\": [3]}", "posts[0]", "must be a JSON object");
  }

  @Test
  void urlTitleAndBody() throws Exception {
    rejects(p -> p.remove("url"), "posts[2].url", "is required");
    rejects(p -> p.put("url", "/relative/"), "posts[2].url", "not an absolute http(s) URL");
    rejects(p -> p.put("url", "ftp://example.com/x"), "posts[2].url", "not an absolute http(s) URL");
    rejects(p -> p.put("url", "https://elsewhere.example/post/"), "posts[2].url",
        "not on the site's allowed hosts [" + f.blog.baseUrl().substring("http://".length()) + "] (got https://elsewhere.example/post/)");
    rejects(p -> p.put("url", f.blog.baseUrl() + "/2026/12/02/p0/"), "posts[2].url",
        "the same post as posts[0] (" + f.blog.baseUrl() + "/2026/12/02/p0/)");
    rejects(p -> p.put("title", "  "), "posts[2].title", "is required");
    rejects(p -> p.put("title", 7), "posts[2].title", "must be a string");
    rejects(p -> p.put("title", "t".repeat(1001)), "posts[2].title", "longer than 1,000 characters");
    rejects(p -> p.put("text", "also text"), "posts[2].html", "give exactly one of html or text");
    rejects(p -> p.remove("html"), "posts[2].html", "give exactly one of html or text");
    rejects(p -> p.put("html", "x".repeat(2_000_001)), "posts[2].html", "longer than 2,000,000 characters");
    rejects(p -> p.put("summary", "x"), "posts[2].summary", "unknown field (expected one of [author, categories, "
        + "comments, excerpt, html, image, language, modified, published, relatedLinks, tags, text, title, url])");
  }

  @Test
  void datesListsCommentsLinksImageAndLanguage() throws Exception {
    rejects(p -> p.put("published", "2026-12-02"), "posts[2].published",
        "not an ISO-8601 date-time with an offset or Z (got \"2026-12-02\")");
    rejects(p -> p.put("modified", "2026-12-02T10:00:00"), "posts[2].modified",
        "not an ISO-8601 date-time with an offset or Z (got \"2026-12-02T10:00:00\")");
    rejects(p -> p.put("tags", "one"), "posts[2].tags", "must be a list of at most 100 names");
    rejects(p -> p.putArray("tags").add("ok").add(3), "posts[2].tags[1]", "must be a non-empty string of at most 200 characters");
    rejects(p -> p.putArray("categories").add(" "), "posts[2].categories[0]", "must be a non-empty string of at most 200 characters");
    rejects(p -> {
      var tags = p.putArray("tags");
      for (int i = 0; i < 101; i++) {
        tags.add("t" + i);
      }
    }, "posts[2].tags", "must be a list of at most 100 names");
    rejects(p -> p.putArray("comments").addObject().put("author", "a").put("text", "t").put("type", "like"),
        "posts[2].comments[0].type", "must be comment, pingback or trackback");
    rejects(p -> p.putArray("comments").addObject().put("author", "a"), "posts[2].comments[0].text", "is required");
    rejects(p -> p.putArray("comments").addObject().put("text", "t").put("date", "yesterday"),
        "posts[2].comments[0].date", "not an ISO-8601 date-time with an offset or Z (got \"yesterday\")");
    rejects(p -> p.putArray("comments").addObject().put("text", "t").put("id", "9"),
        "posts[2].comments[0].id", "unknown field (expected one of [author, date, text, type])");
    rejects(p -> {
      var comments = p.putArray("comments");
      for (int i = 0; i < 1001; i++) {
        comments.addObject().put("text", "c");
      }
    }, "posts[2].comments", "must be a list of at most 1000 comments");
    rejects(p -> p.putArray("relatedLinks").addObject().put("url", "https://elsewhere.example/x/"),
        "posts[2].relatedLinks[0].url", "not on the site's allowed hosts ["
            + f.blog.baseUrl().substring("http://".length()) + "] (got https://elsewhere.example/x/)");
    rejects(p -> p.putArray("relatedLinks").add("x"), "posts[2].relatedLinks[0]", "must be a JSON object {url, title}");
    rejects(p -> p.put("image", "javascript:alert(1)"), "posts[2].image", "not an absolute http(s) URL");
    rejects(p -> p.put("language", "english please"), "posts[2].language", "not a language tag like en or en-GB");
  }

  @Test
  void aValidBatchAfterTheRejectedOnesIsTaken() throws Exception {
    HttpResponse<String> r = f.send("PUT", "/api/admin/posts", PushPosts.body(good(0), good(1)), TOKEN);
    assertEquals(202, r.statusCode(), r.body());
    assertEquals("succeeded", f.awaitJob(f.parse(r).get("job").get("id").asText()).get("state").asText());
  }
}
