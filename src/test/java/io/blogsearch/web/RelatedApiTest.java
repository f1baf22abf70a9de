package io.blogsearch.web;

import static io.blogsearch.web.IndexedSampleBlog.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.demo.SamplePost;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/related and /widget.js on the crawled and indexed sample blog, over real HTTP. */
class RelatedApiTest {
  private static IndexedSampleBlog site;

  @BeforeAll
  static void build() throws Exception {
    site = IndexedSampleBlog.get();
  }

  private static JsonNode related(SamplePost p, int limit) throws Exception {
    return site.getJson("/api/related?limit=" + limit + "&url=" + enc(site.url(p)));
  }

  @Test
  void everyListExcludesItselfAndDuplicatesAndRanksTheSitesSimilarPostsFirst() throws Exception {
    for (SamplePost p : site.blog.posts()) {
      JsonNode r = related(p, 20);
      assertFalse(r.get("fallback").asBoolean(), p.slug());
      List<String> urls = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      for (JsonNode item : r.get("items")) {
        urls.add(item.get("url").asText());
        scores.add(item.get("score").asDouble());
        assertFalse(item.get("reasons").isEmpty(), p.slug());
        assertTrue(item.get("score").asDouble() >= 0.15 && item.get("score").asDouble() <= 1.0, p.slug());
      }
      assertFalse(urls.contains(site.url(p)), p.slug() + " recommends itself");
      assertEquals(urls.size(), new HashSet<>(urls).size(), p.slug() + " has duplicates");
      List<Double> sorted = new ArrayList<>(scores);
      sorted.sort(java.util.Comparator.reverseOrder());
      assertEquals(sorted, scores, p.slug());
      Set<String> similar = new HashSet<>();
      p.similar().forEach(s -> similar.add(site.url(site.blog.bySlug(s).orElseThrow())));
      assertTrue(urls.subList(0, Math.min(5, urls.size())).containsAll(similar), p.slug() + ": " + urls);
      JsonNode first = r.get("items").get(0);
      assertTrue(first.has("title") && first.has("excerpt") && first.has("published"), first.toString());
    }
  }

  @Test
  void reasonsExplainEachItem() throws Exception {
    SamplePost p = site.blog.bySlug("giving-feedback-that-lands").orElseThrow();
    JsonNode items = related(p, 5).get("items");
    JsonNode listed = null;
    for (JsonNode item : items) {
      if (item.get("url").asText().equals(site.url(site.blog.bySlug("asking-for-feedback-as-a-manager").orElseThrow()))) {
        listed = item;
      }
    }
    assertTrue(listed != null, items.toString());
    List<String> reasons = new ArrayList<>();
    listed.get("reasons").forEach(x -> reasons.add(x.asText()));
    assertEquals("listed as similar by this post", reasons.get(0));
    assertTrue(reasons.contains("shared tags: feedback"), reasons.toString());
    assertTrue(reasons.contains("same category: Feedback"), reasons.toString());
    assertTrue(reasons.stream().anyMatch(x -> x.startsWith("similar words: ") && x.contains("feedback")), reasons.toString());
  }

  @Test
  void postsCanBeAskedForByIdToo() throws Exception {
    SamplePost p = site.blog.bySlug("onboarding-the-first-two-weeks").orElseThrow();
    String id = site.getJson("/api/posts?url=" + enc(site.url(p))).get("id").asText();
    assertEquals(io.blogsearch.extract.PostId.of(site.url(p)), id);
    assertEquals(related(p, 5).get("items"), site.getJson("/api/related?limit=5&id=" + id).get("items"));
    HttpResponse<String> unknown = site.get("/api/related?id=000000000000");
    assertEquals(404, unknown.statusCode());
    assertEquals("{\"error\":\"not_found\",\"message\":\"no post with id 000000000000 in the index\"}", unknown.body());
  }

  @Test
  void limitAndErrors() throws Exception {
    SamplePost p = site.blog.bySlug("the-weekly-review-habit").orElseThrow();
    assertEquals(3, related(p, 3).get("items").size());
    for (String bad : new String[] {"0", "21", "-1", "x"}) {
      HttpResponse<String> r = site.get("/api/related?limit=" + bad + "&url=" + enc(site.url(p)));
      assertEquals(400, r.statusCode(), bad);
      assertEquals("bad_request", site.parse(r.body()).get("error").asText());
    }
    HttpResponse<String> unknown = site.get("/api/related?url=" + enc(site.blogServer.baseUrl() + "/2030/01/01/no-such-post/"));
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", site.parse(unknown.body()).get("error").asText());
    HttpResponse<String> archive = site.get("/api/related?url=" + enc(site.blogServer.baseUrl() + "/category/leadership/"));
    assertEquals(404, archive.statusCode());
    assertEquals("{\"error\":\"not_a_post\",\"message\":\"" + site.blogServer.baseUrl()
        + "/category/leadership/ is a page of the site, but not a post\"}", archive.body());
    assertEquals(400, site.get("/api/related").statusCode());
  }

  @Test
  void repeatRequestWithEtagIs304AndCorsHeadersAreSet() throws Exception {
    SamplePost p = site.blog.bySlug("the-weekly-review-habit").orElseThrow();
    String path = "/api/related?url=" + enc(site.url(p));
    HttpResponse<String> first = site.get(path, "Origin", "https://blog.example.com");
    assertEquals("https://blog.example.com", first.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> second = site.get(path, "If-None-Match", etag, "Origin", "https://blog.example.com");
    assertEquals(304, second.statusCode());
    assertEquals("https://blog.example.com", second.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }

  @Test
  void widgetScriptIsSmallCacheableAndUsesTextOnly() throws Exception {
    HttpResponse<String> r = site.get("/widget.js");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
    assertTrue(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 5 * 1024, "under 5 KB");
    assertFalse(r.body().contains("innerHTML"));
    assertTrue(r.body().contains("textContent"));
    assertEquals(304, site.get("/widget.js", "If-None-Match", r.headers().firstValue("ETag").orElseThrow()).statusCode());
  }
}
