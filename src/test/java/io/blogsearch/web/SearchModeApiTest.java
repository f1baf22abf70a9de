package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.QueryVectors;
import io.blogsearch.search.SearchMode;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchResponse;
import io.blogsearch.search.SearchService;
import io.blogsearch.search.SemanticSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mode} on /api/search and the search page, over real HTTP, on an index with bge vectors. */
class SearchModeApiTest {
  private static final String BASE = "http://blog.example";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SearchService search;
  private static ApiServer api;
  private static Path indexDir;

  private static Article post(String slug, String title, String body) {
    return new Article(BASE + "/" + slug + "/", title, body, body, "Ann", Instant.parse("2024-03-01T00:00:00Z"), null,
        List.of("Notes"), List.of(), List.of(), List.of());
  }

  @BeforeAll
  static void start() throws Exception {
    Embedder bge = OnnxEmbedder.bgeSmall();
    Path dir = Files.createTempDirectory("search-mode-api");
    List<Article> posts = List.of(
        post("underperformance", "Handling underperformance: a conversation guide for managers",
            "When a report repeatedly falls short of goals, schedule a private one-on-one and agree on a plan."),
        post("fresh-pasta", "Fresh pasta at home", "Mix flour and eggs, knead the dough, roll thin sheets and cut tagliatelle."),
        post("pasta-dinner", "A quick pasta dinner", "Boil the pasta, toss it with butter, lemon and parmesan."),
        post("night-trains", "Night trains across Europe", "Sleeper cars from Vienna to Venice save a hotel night."));
    new Indexer(BlogAnalyzers.Stemmer.PORTER, new PostVectors(bge, new PassageText(200),
        EmbeddingCache.open(dir.resolve("embeddings"), bge.modelId(), bge.dimension()))).rebuild(posts, dir.resolve("index"));
    indexDir = dir.resolve("index");
    search = SearchService.open(dir.resolve("index"), SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER)),
        SemanticSettings.of(new QueryVectors(bge), SearchMode.HYBRID, 60));
    api = new ApiServer(ServingManager.fixed(search, new RelatedService(RelatedSet.empty())), new UrlNormalizer(Set.of()),
        List.of()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    search.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void semanticModeFindsThePostByMeaning() throws Exception {
    JsonNode r = json("/api/search?mode=semantic&q=" + enc("what to say to an employee who keeps missing targets"));
    assertEquals("semantic", r.get("mode").asText());
    assertTrue(r.get("fallback").isNull());
    assertEquals(BASE + "/underperformance/", r.get("hits").get(0).get("url").asText());
    assertFalse(r.get("hits").get(0).get("snippet").asText().isBlank());
  }

  @Test
  void theDefaultModeIsTheConfiguredOneAndKeywordStaysAvailable() throws Exception {
    assertEquals("hybrid", json("/api/search?q=pasta").get("mode").asText());
    JsonNode keyword = json("/api/search?q=pasta&mode=KEYWORD");
    assertEquals("keyword", keyword.get("mode").asText());
    assertEquals(2, keyword.get("total").asInt());
  }

  @Test
  void anUnknownModeIsA400NamingTheParameter() throws Exception {
    HttpResponse<String> r = get("/api/search?q=pasta&mode=fuzzy");
    assertEquals(400, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("bad_request", body.get("error").asText());
    assertEquals("mode must be keyword, hybrid or semantic (got \"fuzzy\")", body.get("message").asText());
    assertEquals(400, get("/?q=pasta&mode=fuzzy").statusCode(), "the search page refuses it too");
  }

  @Test
  void theSearchPageShowsTheModeAndKeepsItInItsLinks() throws Exception {
    String page = get("/?q=pasta&mode=semantic&size=1").body();
    assertTrue(page.contains("<option value=\"semantic\" selected>"), page);
    assertTrue(page.contains("mode=semantic"), "pagination and facet links keep the mode: " + page);
    String byDefault = get("/?q=pasta").body();
    assertTrue(byDefault.contains("<option value=\"hybrid\" selected>"), byDefault);
  }

  @Test
  void aQueryWithNothingToEmbedSaysItRanByKeyword() throws Exception {
    JsonNode r = json("/api/search?mode=semantic&q=" + enc("author:ann"));
    assertEquals("keyword", r.get("mode").asText());
    assertEquals(SearchResponse.NO_FREE_TEXT, r.get("fallback").asText());
    assertEquals(4, r.get("total").asInt());
  }

  @Test
  void withoutAModelHybridIsKeywordWithANote() throws Exception {
    try (SearchService keywordOnly = SearchService.open(indexDir, SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER)));
        ApiServer plain = new ApiServer(ServingManager.fixed(keywordOnly, new RelatedService(RelatedSet.empty())),
            new UrlNormalizer(Set.of()), List.of()).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + plain.port();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=pasta&mode=hybrid")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      assertEquals(200, r.statusCode());
      assertEquals("keyword", body.get("mode").asText());
      assertEquals(SearchResponse.NO_MODEL, body.get("fallback").asText());
      assertEquals(2, body.get("total").asInt());
      String page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/?q=pasta&mode=hybrid")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(page.contains("class=\"bs-note\""), page);
    }
  }
}
