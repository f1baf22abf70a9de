package io.blogsearch.web;

import static io.blogsearch.web.IndexedSampleBlog.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import io.blogsearch.index.IndexSchema;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search over hand-made posts whose names, titles and bodies a theme prints in ways the sample
 * blog does not: typographic quotes and dashes, accents, a 40-word title, a body longer than the
 * snippet window, comments of every type. Real index on disk, real HTTP.
 */
class SearchEdgeCasesApiTest {
  private static final String BASE = "https://blog.example";
  static final String LONG_TITLE = "How We Rebuilt Our Quarterly Planning Process From Scratch After Three Failed Attempts, "
      + "What Our Engineers, Designers and Product Managers Learned Along the Way, and Why We Now Spend Less Time "
      + "in Meetings, Write Shorter Documents, Ship More Often and Argue Far Less About Priorities Every Single Quarter "
      + "Since Last Spring";
  private static final Instant T = Instant.parse("2024-01-10T09:00:00Z");
  private static final List<Article.Comment> COMMENTS = List.of(
      new Article.Comment("comment-1", "", "Zebediah Quartermaine", T.plusSeconds(3600), "Lovely idea.\n\nWe do this every Friday."),
      new Article.Comment("comment-2", "comment-1", "Dana O’Connor", T.plusSeconds(7200), "Thanks, glad it works for you!"),
      new Article.Comment("comment-3", "", "Planning Digest", T.plusSeconds(9000), "[…] a good read on coffee […]",
          Article.Comment.PINGBACK));

  private static IndexedArticles site;
  private static String longBody;

  private static Article post(String slug, String title, String author, List<String> cats, List<String> tags, String body,
      List<Article.Comment> comments) {
    return new Article(BASE + "/2024/01/" + slug + "/", title, body, body.substring(0, Math.min(120, body.length())), author,
        T, null, cats, tags, comments, List.of());
  }

  private static String url(String slug) {
    return BASE + "/2024/01/" + slug + "/";
  }

  @BeforeAll
  static void build() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 1; b.length() < 25_000; i++) {
      b.append("Paragraph ").append(i).append(" of the long read explains step ").append(i)
          .append(" of the reading habit in plain words.\n\n");
    }
    b.append("The very last sentence mentions a zeppelin.");
    longBody = b.toString();
    site = new IndexedArticles(List.of(
        post("coffee-chats", "Coffee chats with the team", "Dana O’Connor", List.of("Café Culture"), List.of("one–on–one"),
            "Informal coffee chats build trust between people who rarely work together.", COMMENTS),
        post("cafe-budget", "Budgeting for the kitchen corner", "Dana O'Connor", List.of("Cafe Culture"), List.of("one-on-one"),
            "A small budget for snacks and a decent grinder pays for itself in goodwill.", List.of()),
        post("long-read", "A long read about reading", "Sam Lee", List.of("Leadership"), List.of("long—form"), longBody, List.of()),
        post("planning", LONG_TITLE, "Sam Lee", List.of("Planning"), List.of("planning"),
            "We tried three times before the fourth plan stuck; these are the notes.", List.of())));
  }

  @AfterAll
  static void close() throws Exception {
    site.close();
  }

  private static JsonNode search(String q, String extra) throws Exception {
    return site.getJson("/api/search?size=50&q=" + enc(q) + extra);
  }

  private static Set<String> urls(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("hits").forEach(h -> out.add(h.get("url").asText()));
    assertEquals(out.size(), Set.copyOf(out).size());
    return Set.copyOf(out);
  }

  private static Map<String, Integer> facet(JsonNode r, String dim) {
    Map<String, Integer> out = new TreeMap<>();
    r.get("facets").get(dim).forEach(v -> out.put(v.get("value").asText(), v.get("count").asInt()));
    return out;
  }

  @Test
  void authorFilterFoldsTypographicQuotesAndCase() throws Exception {
    Set<String> dana = Set.of(url("coffee-chats"), url("cafe-budget"));
    for (String author : List.of("Dana O'Connor", "Dana O’Connor", "dana o’connor", "DANA O'CONNOR", "Dana  O'Connor")) {
      assertEquals(dana, urls(search("", "&author=" + enc(author))), author);
    }
    assertEquals(Set.of(), urls(search("", "&author=Dana")), "a filter matches the whole name, not a word of it");
  }

  @Test
  void categoryFilterFoldsAccents() throws Exception {
    Set<String> cafe = Set.of(url("coffee-chats"), url("cafe-budget"));
    for (String category : List.of("Cafe Culture", "Café Culture", "café culture", "CAFE CULTURE")) {
      assertEquals(cafe, urls(search("", "&category=" + enc(category))), category);
    }
  }

  @Test
  void tagFilterFoldsDashes() throws Exception {
    Set<String> oneOnOne = Set.of(url("coffee-chats"), url("cafe-budget"));
    for (String tag : List.of("one-on-one", "one–on–one", "one—on—one", "ONE‐ON‐ONE")) {
      assertEquals(oneOnOne, urls(search("", "&tag=" + enc(tag))), tag);
    }
    assertEquals(Set.of(url("long-read")), urls(search("", "&tag=long-form")));
    assertEquals(Set.of(url("coffee-chats")), urls(search("coffee", "&tag=one-on-one&category=" + enc("café culture"))));
  }

  @Test
  void facetLabelsKeepTheSitesSpellingWhileFilteredDimensionsKeepTheirAlternatives() throws Exception {
    JsonNode all = search("", "");
    assertEquals(Map.of("Dana O’Connor", 1, "Dana O'Connor", 1, "Sam Lee", 2), facet(all, "author"));
    assertEquals(Map.of("Café Culture", 1, "Cafe Culture", 1, "Leadership", 1, "Planning", 1), facet(all, "category"));
    assertEquals(Map.of("one–on–one", 1, "one-on-one", 1, "long—form", 1, "planning", 1), facet(all, "tag"));
    JsonNode filtered = search("", "&author=" + enc("dana o'connor"));
    assertEquals(facet(all, "author"), facet(filtered, "author"));
    assertEquals(Map.of("Café Culture", 1, "Cafe Culture", 1), facet(filtered, "category"));
  }

  @Test
  void searchPageMarksTheFacetValueAFoldedFilterSelected() throws Exception {
    HttpResponse<String> r = site.get("/?q=&category=" + enc("cafe culture"));
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("aria-pressed=\"true\" href=\"/?q=\">✓ Café Culture"), r.body());
  }

  @Test
  void commentAuthorsAreSearchable() throws Exception {
    assertEquals(Set.of(url("coffee-chats")), urls(search("Zebediah Quartermaine", "")));
    assertEquals(Set.of(url("coffee-chats")), urls(search("quartermaine", "")));
    assertEquals(Set.of(url("coffee-chats")), urls(search("\"Planning Digest\"", "")), "pingback authors too");
  }

  @Test
  void aPastedFortyWordTitleFindsItsPost() throws Exception {
    assertTrue(LONG_TITLE.split("\\s+").length >= 40);
    JsonNode r = search(LONG_TITLE, "");
    assertEquals(1, r.get("total").asInt(), r.toString());
    assertEquals(url("planning"), r.get("hits").get(0).get("url").asText());
    assertFalse(r.get("relaxed").asBoolean());
    JsonNode twice = search(LONG_TITLE + " " + LONG_TITLE.toLowerCase(java.util.Locale.ROOT), "");
    assertEquals(Set.of(url("planning")), urls(twice), "repeated words neither count nor change the answer");
  }

  @Test
  void queriesWithoutSearchableWordsAnswerNoPostsAndSayWhy() throws Exception {
    for (String q : List.of("€", "~!@#$%^&*()", "the", "to be or not to be", "the OR a", "-", "*:*", "… — «»")) {
      HttpResponse<String> raw = site.get("/api/search?q=" + enc(q));
      assertEquals(200, raw.statusCode(), q);
      JsonNode r = search(q, "");
      assertEquals(0, r.get("total").asInt(), q);
      assertEquals(0, r.get("hits").size(), q);
      assertEquals("no searchable words in the query", r.get("message").asText(), q);
      assertEquals(Map.of(), facet(r, "author"), q);
    }
    JsonNode phrase = search("\"with the team\"", "");
    assertEquals(Set.of(url("coffee-chats")), urls(phrase), "stop words inside a phrase are searched");
    assertTrue(phrase.get("message").isNull());
    assertEquals(4, search("", "").get("total").asInt(), "an empty query still lists every post");
    HttpResponse<String> page = site.get("/?q=" + enc("€"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("No searchable words in the query."), page.body());
    assertFalse(page.body().contains("bs-hit\""), page.body());
  }

  @Test
  void postsEndpointReturnsTheWholeBodyAndTheComments() throws Exception {
    JsonNode longRead = site.getJson("/api/posts?url=" + enc(url("long-read")));
    assertTrue(longBody.length() > IndexSchema.STORED_BODY_CHARS * 2);
    assertEquals(longBody, longRead.get("body").asText());
    assertEquals(0, longRead.get("comments").size());
    assertEquals(Set.of(url("long-read")), urls(search("zeppelin", "")), "the end of a long body is searchable");

    JsonNode coffee = site.getJson("/api/posts?id=" + PostId.of(url("coffee-chats")));
    assertEquals(url("coffee-chats"), coffee.get("url").asText());
    assertEquals(PostId.of(url("coffee-chats")), coffee.get("id").asText());
    assertEquals(3, coffee.get("commentCount").asInt());
    List<String> comments = new ArrayList<>();
    for (JsonNode c : coffee.get("comments")) {
      assertEquals(Set.of("id", "parentId", "author", "date", "text", "type"), fieldNames(c));
      comments.add(c.get("id").asText() + "|" + c.get("parentId").asText() + "|" + c.get("author").asText() + "|"
          + c.get("date").asText() + "|" + c.get("text").asText() + "|" + c.get("type").asText());
    }
    assertEquals(List.of(
        "comment-1||Zebediah Quartermaine|2024-01-10T10:00:00Z|Lovely idea.\n\nWe do this every Friday.|comment",
        "comment-2|comment-1|Dana O’Connor|2024-01-10T11:00:00Z|Thanks, glad it works for you!|comment",
        "comment-3||Planning Digest|2024-01-10T11:30:00Z|[…] a good read on coffee […]|pingback"), comments);
    HttpResponse<String> missing = site.get("/api/posts?id=000000000000");
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"not_found\",\"message\":\"no post with id 000000000000 in the index\"}", missing.body());
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new java.util.HashSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
