package io.blogsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link SearchBackend} keeps, run against each backend on the same posts:
 * titles are plain text, snippets are escaped text with only {@code <mark>} added, facets and
 * look-ups are exact, bad visitor input is a {@link BadRequestException}.
 */
class SearchBackendContractTest {
  /** Builds a backend holding exactly {@code posts}. */
  interface Factory {
    SearchBackend open(List<Article> posts, Path dir) throws Exception;
  }

  static Stream<Named<Factory>> backends() {
    return Stream.of(Named.of("embedded Lucene", (posts, dir) -> {
      new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(posts, dir);
      return SearchService.open(dir, SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER)));
    }));
  }

  static final String HOSTILE_TITLE = "<em>Tom & Jerry</em> on \"delegation\"";
  static final List<Article> POSTS = List.of(
      post("https://blog.example/a/", HOSTILE_TITLE,
          "Delegation is hard. <script>alert('x')</script> & <b>bold</b> words about delegation & trust.",
          List.of("Leadership"), List.of("delegation", "trust")),
      post("https://blog.example/b/", "Feedback that lands", "How to give feedback on delegation without blame.",
          List.of("Leadership"), List.of("feedback")),
      post("https://blog.example/c/", "Hiring well", "Interviews, scorecards and references.",
          List.of("Hiring"), List.of("interviews")));

  static Article post(String url, String title, String body, List<String> categories, List<String> tags) {
    return new Article(url, title, body, "", "Ann Author", Instant.parse("2025-06-10T09:00:00Z"), null, categories, tags,
        List.of(), List.of());
  }

  private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

  @ParameterizedTest
  @MethodSource("backends")
  void snippetsAreEscapedTextWithOnlyMarkAdded(Factory backend, @TempDir Path dir) throws Exception {
    try (SearchBackend search = backend.open(POSTS, dir)) {
      SearchResponse r = search.search(SearchRequest.of("delegation"));
      SearchResponse.Hit hostile = r.hits().stream().filter(h -> h.url().equals("https://blog.example/a/")).findFirst()
          .orElseThrow();
      String unmarked = hostile.snippet().replace("<mark>", "").replace("</mark>", "");
      assertFalse(unmarked.contains("<") || unmarked.contains(">"), hostile.snippet());
      assertTrue(unmarked.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
          || unmarked.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), hostile.snippet());
      assertTrue(unmarked.contains("&amp;"), hostile.snippet());
      Matcher m = MARKED.matcher(hostile.snippet());
      Set<String> marked = Stream.iterate(m.find(), f -> f, f -> m.find()).map(f -> m.group(1).toLowerCase())
          .collect(Collectors.toSet());
      assertEquals(Set.of("delegation"), marked);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void titlesAndFieldsArePlainText(Factory backend, @TempDir Path dir) throws Exception {
    try (SearchBackend search = backend.open(POSTS, dir)) {
      SearchResponse.Hit hit = search.search(SearchRequest.of("tom jerry")).hits().get(0);
      assertEquals(HOSTILE_TITLE, hit.title());
      assertEquals("Ann Author", hit.author());
      assertEquals(List.of("delegation", "trust"), hit.tags());
      assertEquals(PostId.of("https://blog.example/a/"), hit.id());
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void totalsFacetsAndLookupsAreExact(Factory backend, @TempDir Path dir) throws Exception {
    try (SearchBackend search = backend.open(POSTS, dir)) {
      assertEquals(3, search.documentCount());
      SearchResponse r = search.search(SearchRequest.of("delegation"));
      assertEquals(Set.of("https://blog.example/a/", "https://blog.example/b/"),
          r.hits().stream().map(SearchResponse.Hit::url).collect(Collectors.toSet()));
      assertEquals(2, r.total());
      Map<String, Integer> categories = r.facets().get("category").stream()
          .collect(Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
      assertEquals(Map.of("Leadership", 2), categories);
      assertEquals("Hiring well", search.post("https://blog.example/c/").orElseThrow().title());
      assertEquals("https://blog.example/b/", search.postById(PostId.of("https://blog.example/b/")).orElseThrow().url());
      assertTrue(search.post("https://blog.example/missing/").isEmpty());
      assertEquals(List.of(new Suggestion("Feedback that lands", "title", "https://blog.example/b/"),
          new Suggestion("feedback", "tag", null)), search.suggest("feedb", 5));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void badVisitorInputIsABadRequest(Factory backend, @TempDir Path dir) throws Exception {
    try (SearchBackend search = backend.open(POSTS, dir)) {
      assertThrows(BadRequestException.class, () -> search.suggest("x".repeat(101), 5));
      assertThrows(BadRequestException.class, () -> search.search(SearchRequest.of("x".repeat(10_000))));
    }
  }
}
