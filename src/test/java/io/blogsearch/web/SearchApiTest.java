package io.blogsearch.web;

import static io.blogsearch.web.IndexedSampleBlog.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.demo.SamplePost;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Relevance and features of /api/search on the indexed sample blog, over real HTTP. */
class SearchApiTest {
  private static IndexedSampleBlog site;

  @BeforeAll
  static void build() throws Exception {
    site = IndexedSampleBlog.get();
  }

  private static JsonNode search(String q, String extra) throws Exception {
    return site.getJson("/api/search?size=50&q=" + enc(q) + extra);
  }

  private static List<String> urls(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("hits").forEach(h -> out.add(h.get("url").asText()));
    return out;
  }

  private static Set<String> expected(Predicate<SamplePost> p) {
    return site.blog.posts().stream().filter(p).map(site::url).collect(Collectors.toSet());
  }

  private static String allText(SamplePost p) {
    StringBuilder sb = new StringBuilder(p.title()).append('\n').append(p.plainBody()).append('\n')
        .append(p.author()).append('\n').append(String.join("\n", p.tags())).append('\n').append(String.join("\n", p.categories()));
    p.comments().forEach(c -> sb.append('\n').append(c.text()));
    return sb.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  @Test
  void stemmingFindsOtherFormsAndRanksTheTitleMatchFirst() throws Exception {
    JsonNode r = search("delegating", "");
    assertEquals(site.url(site.blog.bySlug("delegation-that-actually-sticks").orElseThrow()), urls(r).get(0));
    assertTrue(r.get("total").asInt() >= 2);
  }

  @Test
  void synonymsMatchTheSamePosts() throws Exception {
    assertEquals(Set.copyOf(urls(search("manager", ""))), Set.copyOf(urls(search("boss", ""))));
    assertEquals(Set.copyOf(urls(search("okr", ""))), Set.copyOf(urls(search("objectives and key results", ""))));
    assertEquals(Set.copyOf(urls(search("kpi", ""))), Set.copyOf(urls(search("\"key performance indicators\"", ""))));
    Set<String> oneOnOne = Set.copyOf(urls(search("one-on-one", "")));
    assertEquals(oneOnOne, Set.copyOf(urls(search("1:1", ""))));
    assertTrue(oneOnOne.contains(site.url(site.blog.bySlug("one-on-one-meetings-that-matter").orElseThrow())));
    assertTrue(urls(search("okr", "")).size() >= 2);
  }

  @Test
  void phraseMatchesExactlyThePostsContainingIt() throws Exception {
    JsonNode r = search("\"psychological safety\"", "");
    assertEquals(expected(p -> allText(p).contains("psychological safety")), Set.copyOf(urls(r)));
    assertTrue(r.get("total").asInt() >= 3);
  }

  @Test
  void exclusionRemovesPostsWithTheWord() throws Exception {
    Set<String> feedback = new HashSet<>(urls(search("feedback", "")));
    Set<String> performance = Set.copyOf(urls(search("performance", "")));
    feedback.removeAll(performance);
    assertEquals(feedback, Set.copyOf(urls(search("feedback -performance", ""))));
    assertFalse(feedback.isEmpty());
  }

  @Test
  void orJoinsAlternatives() throws Exception {
    Set<String> either = new HashSet<>(urls(search("burnout", "")));
    either.addAll(urls(search("onboarding", "")));
    assertEquals(either, Set.copyOf(urls(search("burnout OR onboarding", ""))));
  }

  @Test
  void fieldQueriesSearchOnlyThatField() throws Exception {
    assertEquals(expected(p -> p.author().equals("Grace Chen")), Set.copyOf(urls(search("author:\"Grace Chen\"", ""))));
    assertEquals(expected(p -> p.categories().contains("Hiring")), Set.copyOf(urls(search("category:hiring", ""))));
    assertEquals(expected(p -> p.tags().contains("OKR")), Set.copyOf(urls(search("tag:OKR", ""))));
    assertEquals(expected(p -> p.title().toLowerCase(Locale.ROOT).contains("meeting")),
        Set.copyOf(urls(search("title:meetings", ""))));
  }

  @Test
  void facetCountsEqualTheSourceData() throws Exception {
    JsonNode r = search("", "");
    assertEquals(site.blog.posts().size(), r.get("total").asInt());
    assertFacet(r, "category", p -> p.categories());
    assertFacet(r, "author", p -> List.of(p.author()));
    assertFacet(r, "year", p -> List.of(String.valueOf(p.published().atZone(ZoneOffset.UTC).getYear())));
    assertFacet(r, "tag", p -> p.tags());
  }

  private static void assertFacet(JsonNode r, String dim, java.util.function.Function<SamplePost, List<String>> values) {
    Map<String, Integer> expected = new TreeMap<>();
    site.blog.posts().forEach(p -> values.apply(p).forEach(v -> expected.merge(v, 1, Integer::sum)));
    Map<String, Integer> actual = new TreeMap<>();
    r.get("facets").get(dim).forEach(v -> actual.put(v.get("value").asText(), v.get("count").asInt()));
    if (expected.size() <= 50) {
      assertEquals(expected, actual, dim);
    } else {
      actual.forEach((k, v) -> assertEquals(expected.get(k), v, dim + " " + k));
      assertEquals(50, actual.size());
    }
  }

  @Test
  void filtersNarrowHitsWhileTheFilteredDimensionKeepsItsAlternatives() throws Exception {
    JsonNode r = search("", "&category=" + enc("Leadership"));
    assertEquals(expected(p -> p.categories().contains("Leadership")), Set.copyOf(urls(r)));
    assertEquals(10, r.get("facets").get("category").size(), "other categories still offered");
    JsonNode both = search("", "&category=Leadership&year=2020");
    assertEquals(expected(p -> p.categories().contains("Leadership") && p.published().toString().startsWith("2020")),
        Set.copyOf(urls(both)));
    JsonNode twoCats = search("", "&category=Leadership&category=Hiring");
    assertEquals(expected(p -> p.categories().contains("Leadership") || p.categories().contains("Hiring")),
        Set.copyOf(urls(twoCats)));
    JsonNode range = search("", "&from=2021-01-01&to=2021-12-31");
    assertEquals(expected(p -> p.published().toString().startsWith("2021")), Set.copyOf(urls(range)));
  }

  @Test
  void sortsByDateBothWays() throws Exception {
    List<Instant> newest = dates(search("team", "&sort=date"));
    List<Instant> sorted = new ArrayList<>(newest);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, newest);
    assertTrue(newest.size() > 10);
    List<Instant> oldest = dates(search("team", "&sort=date-asc"));
    sorted.sort(null);
    assertEquals(sorted, oldest);
  }

  private static List<Instant> dates(JsonNode r) {
    List<Instant> out = new ArrayList<>();
    r.get("hits").forEach(h -> out.add(Instant.parse(h.get("published").asText())));
    return out;
  }

  @Test
  void snippetsMarkMatchesAndEscapeCrawledText() throws Exception {
    JsonNode r = search("reopen rate", "");
    JsonNode hit = r.get("hits").get(0);
    assertEquals(site.url(site.blog.bySlug("kpis-versus-vanity-metrics").orElseThrow()), hit.get("url").asText());
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("<mark>reopen</mark> <mark>rate</mark>"), snippet);
    assertTrue(snippet.contains("&lt;5%"), snippet);
    for (JsonNode h : search("team", "").get("hits")) {
      String s = h.get("snippet").asText();
      assertFalse(s.replace("<mark>", "").replace("</mark>", "").contains("<"), s);
    }
  }

  @Test
  void pagesAreConsecutiveSlices() throws Exception {
    List<String> all = urls(site.getJson("/api/search?q=team&size=10"));
    List<String> second = urls(site.getJson("/api/search?q=team&size=5&page=2"));
    assertEquals(all.subList(5, 10), second);
  }

  @Test
  void suggestsASpellingWhenHitsAreFew() throws Exception {
    JsonNode r = search("delegaton", "");
    assertEquals("delegation", r.get("didYouMean").asText());
    JsonNode ok = search("delegation", "");
    assertTrue(ok.get("didYouMean").isNull());
  }

  @Test
  void relaxesToAnyWordWhenNoPostHasAll() throws Exception {
    JsonNode r = search("burnout xylophone", "");
    assertTrue(r.get("relaxed").asBoolean());
    assertEquals(Set.copyOf(urls(search("burnout", ""))), Set.copyOf(urls(r)));
  }

  @Test
  void autocompleteOffersTitlesAndTags() throws Exception {
    JsonNode r = site.getJson("/api/suggest?q=deleg");
    JsonNode first = r.get("suggestions").get(0);
    assertEquals("Delegation That Actually Sticks", first.get("text").asText());
    assertEquals("title", first.get("kind").asText());
    assertEquals(site.url(site.blog.bySlug("delegation-that-actually-sticks").orElseThrow()), first.get("url").asText());
    List<String> texts = new ArrayList<>();
    site.getJson("/api/suggest?q=psycho").get("suggestions").forEach(s -> texts.add(s.get("kind").asText() + ":" + s.get("text").asText()));
    assertTrue(texts.contains("tag:psychological safety"), texts.toString());
    assertEquals(0, site.getJson("/api/suggest?q=").get("suggestions").size());
  }

  @Test
  void postsEndpointReturnsTheStoredPost() throws Exception {
    SamplePost p = site.blog.bySlug("leading-a-remote-team-across-time-zones").orElseThrow();
    JsonNode r = site.getJson("/api/posts?url=" + enc(site.url(p) + "#comments"));
    assertEquals(p.title(), r.get("title").asText());
    assertEquals(p.author(), r.get("author").asText());
    assertEquals(p.comments().size(), r.get("commentCount").asInt());
    List<String> tags = new ArrayList<>();
    r.get("tags").forEach(t -> tags.add(t.asText()));
    assertEquals(p.tags(), tags);
    assertEquals(p.similar().size(), r.get("relatedLinks").size());
    assertNotNull(r.get("published").asText());
    assertEquals(p.plainBody(), r.get("body").asText());
    Set<String> comments = new HashSet<>();
    r.get("comments").forEach(c -> comments.add(c.get("id").asText() + "|" + c.get("parentId").asText() + "|"
        + c.get("author").asText() + "|" + Instant.parse(c.get("date").asText()) + "|" + c.get("text").asText() + "|"
        + c.get("type").asText()));
    Set<String> expected = new HashSet<>();
    p.comments().forEach(c -> expected.add("comment-" + p.globalCommentId(c.id()) + "|"
        + (c.parent() == 0 ? "" : "comment-" + p.globalCommentId(c.parent())) + "|" + c.author() + "|" + c.date() + "|"
        + c.text() + "|comment"));
    assertEquals(expected, comments);
    assertEquals(r, site.getJson("/api/posts?id=" + r.get("id").asText()), "the same post by id");
  }

  @Test
  void aCommentersNameFindsThePostsTheyCommentedOn() throws Exception {
    String name = "Tomasz Wierzbicki";
    Set<String> commentedOn = expected(p -> p.comments().stream().anyMatch(c -> c.author().equals(name)));
    assertEquals(1, commentedOn.size());
    assertEquals(expected(p -> allText(p).contains("wierzbicki") || commentedOn.contains(site.url(p))),
        Set.copyOf(urls(search(name, ""))));
  }

  @Test
  void everyPastedTitleFindsItsPostFirst() throws Exception {
    for (SamplePost p : site.blog.posts()) {
      List<String> hits = urls(search(p.title(), ""));
      assertEquals(site.url(p), hits.get(0), p.title());
    }
  }
}
