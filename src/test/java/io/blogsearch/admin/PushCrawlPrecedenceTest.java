package io.blogsearch.admin;

import static io.blogsearch.admin.AdminFixture.BLOG;
import static io.blogsearch.admin.AdminFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blogsearch.demo.SamplePost;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushed posts and deletions against later crawls: a crawl that finds the page as it was does not
 * overwrite the push; one that finds it changed after the push does.
 */
class PushCrawlPrecedenceTest {
  private static final String PUSHED_TITLE = "The pushed title";
  @TempDir Path data;

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String title(AdminFixture f, String url) throws Exception {
    HttpResponse<String> r = f.get("/api/posts?url=" + enc(url), null);
    return r.statusCode() == 404 ? null : f.parse(r).get("title").asText();
  }

  private static List<String> search(AdminFixture f, String q) throws Exception {
    List<String> out = new ArrayList<>();
    f.parse(f.get("/api/search?q=" + enc(q), null)).get("hits").forEach(h -> out.add(h.get("url").asText()));
    return out;
  }

  private static JsonNode run(AdminFixture f, HttpResponse<String> submitted) throws Exception {
    assertTrue(submitted.statusCode() == 202, submitted.body());
    String id = f.parse(submitted).has("job") ? f.parse(submitted).get("job").get("id").asText()
        : f.parse(submitted).get("id").asText();
    JsonNode done = f.awaitJob(id);
    assertEquals("succeeded", done.get("state").asText(), done.toString());
    return done;
  }

  private static void push(AdminFixture f, SamplePost p, String url) throws Exception {
    ObjectNode post = PushPosts.companion(p, url, "pushedonly");
    post.put("title", PUSHED_TITLE);
    run(f, f.send("PUT", "/api/admin/posts", PushPosts.body(post), TOKEN));
  }

  private static JsonNode reindex(AdminFixture f, String body) throws Exception {
    return run(f, f.post("/api/admin/reindex", body, TOKEN));
  }

  private static SamplePost edited(SamplePost p) {
    return new SamplePost(p.id(), p.slug(), p.title(), p.author(), p.published(), p.modified(), p.categories(),
        p.tags(), p.similar(), p.body() + "\n\nUpdated on the site: the xylophonic rule.", p.comments());
  }

  @Test
  void crawlsFindingThePageAsItWasKeepThePushedPost() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = BLOG.posts().get(6);
      String url = f.blog.baseUrl() + p.path();
      push(f, p, url);
      assertEquals(PUSHED_TITLE, title(f, url));
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(PUSHED_TITLE, title(f, url), "first fetch after the push: the page as it was");
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      reindex(f, "{\"mode\": \"incremental\"}");
      JsonNode full = reindex(f, "{\"mode\": \"full\"}");
      assertTrue(full.get("progress").get("fetched").asInt() > 37, full.toString());
      assertEquals(PUSHED_TITLE, title(f, url));
      assertEquals(List.of(url), search(f, "pushedonly"));
      assertTrue(f.jobs.pushes().get(url).orElseThrow().reference() != null, "the crawl's copy is the reference");
    }
  }

  @Test
  void aCrawlFindingThePageChangedAfterThePushServesTheCrawledPost() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = BLOG.posts().get(6);
      String url = f.blog.baseUrl() + p.path();
      push(f, p, url);
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(PUSHED_TITLE, title(f, url));

      f.blog.revise(edited(p));
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(p.title(), title(f, url));
      assertEquals(List.of(url), search(f, "xylophonic"));
      assertEquals(List.of(), search(f, "pushedonly"));
      assertTrue(f.jobs.pushes().get(url).isEmpty(), "the push record is retired");
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(p.title(), title(f, url), "and stays retired");

      push(f, p, url); // pushing again makes the push authoritative again
      assertEquals(PUSHED_TITLE, title(f, url));
    }
  }

  @Test
  void aPostPushedBeforeTheCrawlEverSawItKeepsThePushedFieldsWhenTheCrawlFirstFindsIt() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = BLOG.posts().get(9);
      String url = f.blog.baseUrl() + p.path();
      f.blog.unpublish(p.slug());
      reindex(f, "{\"mode\": \"full\"}");
      assertEquals(null, title(f, url));
      push(f, p, url);
      f.blog.republish(p.slug());
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(PUSHED_TITLE, title(f, url), "first seen by the crawl after the push: not a change");
      f.blog.revise(edited(p));
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(p.title(), title(f, url));
    }
  }

  @Test
  void aDeletionHoldsAgainstCrawlsOfTheUnchangedPageUntilThePageChanges() throws Exception {
    try (AdminFixture f = new AdminFixture(data, "", null)) {
      SamplePost p = BLOG.posts().get(11);
      String url = f.blog.baseUrl() + p.path();
      run(f, f.send("DELETE", "/api/admin/posts?url=" + enc(url), null, TOKEN));
      assertEquals(null, title(f, url));
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      reindex(f, "{\"mode\": \"full\"}");
      assertEquals(null, title(f, url), "the page is still on the site, unchanged: still deleted");
      assertEquals(36, f.parse(f.get("/api/search?q=", null)).get("total").asInt());

      f.blog.revise(edited(p));
      reindex(f, "{\"urls\": [\"" + url + "\"]}");
      assertEquals(p.title(), title(f, url), "changed on the site after the deletion: back");
      assertEquals(37, f.parse(f.get("/api/search?q=", null)).get("total").asInt());
    }
  }
}
