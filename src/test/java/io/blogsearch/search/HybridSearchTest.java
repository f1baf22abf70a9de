package io.blogsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import io.blogsearch.fusion.ReciprocalRankFusion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hybrid and semantic search on a real index with real bge vectors: result sets, totals, facets
 * and pages checked against the definition (keyword hits ∪ the nearest posts within the
 * filters) computed here by brute force over the same vectors.
 */
class HybridSearchTest {
  private static final int NEAREST = 3;
  private static final List<Article> POSTS = VectorArticles.posts();
  private static final Map<String, float[]> VECTORS = new HashMap<>();
  private static SearchService search;
  private static SearchService keywordOnly;
  private static SearchService withoutVectors;

  @BeforeAll
  static void build() throws Exception {
    Path dir = VectorArticles.indexWithVectors(POSTS);
    QueryVectors queries = new QueryVectors(VectorArticles.bge(), 16);
    search = SearchService.open(dir, VectorArticles.options(), new SemanticSettings(queries, SearchMode.HYBRID, 60, NEAREST));
    keywordOnly = SearchService.open(dir, VectorArticles.options());
    withoutVectors = SearchService.open(VectorArticles.indexWithoutVectors(POSTS), VectorArticles.options(),
        new SemanticSettings(queries, SearchMode.HYBRID, 60, NEAREST));
    List<float[]> v = VectorArticles.bge().embedPassages(POSTS.stream().map(VectorArticles.PASSAGE::of).toList());
    for (int i = 0; i < POSTS.size(); i++) {
      VECTORS.put(POSTS.get(i).url(), v.get(i));
    }
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    keywordOnly.close();
    withoutVectors.close();
  }

  private static SearchRequest request(String q, List<String> categories, List<String> authors, LocalDate from,
      LocalDate to, int page, int size, SearchMode mode) {
    return new SearchRequest(q, categories, List.of(), authors, List.of(), from, to, SearchRequest.Sort.RELEVANCE, page,
        size, mode);
  }

  private static List<String> urls(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::url).toList();
  }

  /** The {@code n} posts passing {@code filter} nearest to the query, nearest first (brute force). */
  private static List<String> nearest(String q, Predicate<Article> filter, int n) {
    float[] qv = VectorArticles.bge().embedQuery(q);
    return POSTS.stream().filter(filter)
        .sorted(Comparator.comparingDouble((Article a) -> -dot(qv, VECTORS.get(a.url()))))
        .limit(n).map(Article::url).toList();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Every hit of a search, page by page (size 2), in order. */
  private static List<String> allPages(SearchRequest first) {
    List<String> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      SearchResponse r = search.search(new SearchRequest(first.q(), first.categories(), first.tags(), first.authors(),
          first.years(), first.from(), first.to(), first.sort(), page, 2, first.mode()));
      if (r.hits().isEmpty()) {
        return out;
      }
      out.addAll(urls(r));
    }
  }

  private static Map<String, Integer> counts(Set<String> urls, java.util.function.Function<Article, List<String>> values) {
    Map<String, Integer> out = new TreeMap<>();
    POSTS.stream().filter(a -> urls.contains(a.url())).forEach(a -> values.apply(a).forEach(v -> out.merge(v, 1, Integer::sum)));
    return out;
  }

  private static Map<String, Integer> facet(SearchResponse r, String dim) {
    Map<String, Integer> out = new TreeMap<>();
    r.facets().get(dim).forEach(v -> out.put(v.value(), v.count()));
    return out;
  }

  @Test
  void semanticModeFindsAPostSharingNoWordWithTheQuery() {
    String q = "what to say to an employee who keeps missing targets";
    assertEquals(0, keywordOnly.search(SearchRequest.of(q)).total(), "no post has any of the words");
    SearchResponse r = search.search(request(q, List.of(), List.of(), null, null, 1, 10, SearchMode.SEMANTIC));
    assertEquals("semantic", r.mode());
    assertNull(r.fallback());
    assertEquals(VectorArticles.url("underperformance"), r.hits().get(0).url());
    assertEquals(NEAREST, r.total());
    assertEquals(nearest(q, a -> true, NEAREST), urls(r));
  }

  @Test
  void hybridIsKeywordHitsAndNearestPostsWithinTheFiltersWithExactTotalsFacetsAndPages() {
    String q = "pasta";
    List<String> cats = List.of("Cooking", "Work");
    LocalDate from = LocalDate.of(2023, 1, 1);
    Predicate<Article> dates = a -> !a.published().atZone(ZoneOffset.UTC).toLocalDate().isBefore(from);
    Predicate<Article> inCats = a -> a.categories().stream().anyMatch(cats::contains);
    SearchRequest req = request(q, cats, List.of(), from, null, 1, 2, SearchMode.HYBRID);

    List<String> keyword = allKeyword(q, cats, from);
    assertEquals(List.of(VectorArticles.url("fresh-pasta"), VectorArticles.url("pasta-dinner")).stream().sorted().toList(),
        keyword.stream().sorted().toList(), "tomato-sauce (2022) is outside the date range");
    List<String> knn = nearest(q, inCats.and(dates), NEAREST);
    Set<String> union = new LinkedHashSet<>(keyword);
    union.addAll(knn);

    SearchResponse first = search.search(req);
    assertEquals("hybrid", first.mode());
    assertEquals(union.size(), first.total());
    List<String> pages = allPages(req);
    assertEquals(union.size(), pages.size(), "no post twice across pages: " + pages);
    assertEquals(union, new HashSet<>(pages));
    List<String> fused = new ReciprocalRankFusion(60).fuse(List.of(keyword, knn)).stream()
        .map(ReciprocalRankFusion.Fused::item).toList();
    assertEquals(fused, pages);

    // authors: counted over the result set; categories (filtered): over the result set without the category filter
    assertEquals(counts(union, a -> List.of(a.author())), facet(first, "author"));
    Set<String> withoutCats = new HashSet<>(allKeyword(q, List.of(), from));
    withoutCats.addAll(nearest(q, dates, NEAREST));
    assertEquals(counts(withoutCats, Article::categories), facet(first, "category"));
  }

  /** The keyword hits of the query with these filters, in keyword relevance order. */
  private static List<String> allKeyword(String q, List<String> cats, LocalDate from) {
    return urls(keywordOnly.search(request(q, cats, List.of(), from, null, 1, 50, null)));
  }

  @Test
  void hybridByDateListsTheSameResultSetNewestFirst() {
    String q = "pasta";
    Set<String> union = new HashSet<>(allKeyword(q, List.of(), null));
    union.addAll(nearest(q, a -> true, NEAREST));
    SearchResponse r = search.search(new SearchRequest(q, List.of(), List.of(), List.of(), List.of(), null, null,
        SearchRequest.Sort.DATE, 1, 50, SearchMode.HYBRID));
    assertEquals(union, new HashSet<>(urls(r)));
    assertEquals(union.size(), r.total());
    for (int i = 1; i < r.hits().size(); i++) {
      assertFalse(r.hits().get(i).published().isAfter(r.hits().get(i - 1).published()), urls(r).toString());
    }
  }

  @Test
  void semanticModeTakesTheNearestPostsAmongTheFilteredOnes() {
    String q = "travelling around by rail";
    SearchResponse r = search.search(request(q, List.of(), List.of("Ann"), null, LocalDate.of(2023, 12, 31), 1, 10,
        SearchMode.SEMANTIC));
    List<String> expected = nearest(q, a -> a.author().equals("Ann") && a.published().toString().compareTo("2024") < 0, NEAREST);
    assertEquals(expected, urls(r));
    assertEquals(2, r.total(), "Ann wrote two posts before 2024: fewer than " + NEAREST);
    assertEquals(VectorArticles.url("night-trains"), expected.get(0));
  }

  @Test
  void negatedWordsLeaveTheVectorSideToo() {
    SearchResponse r = search.search(request("italian cooking -pasta", List.of(), List.of(), null, null, 1, 10,
        SearchMode.SEMANTIC));
    List<String> expected = nearest("italian cooking", a -> !a.body().toLowerCase().contains("pasta")
        && !a.title().toLowerCase().contains("pasta"), NEAREST);
    assertEquals(expected, urls(r));
  }

  @Test
  void vectorOnlyHitsGetTheirOpeningOrExcerptAsSnippet() {
    SearchResponse r = search.search(request("pictures of the company retreat", List.of(), List.of(), null, null, 1, 10,
        SearchMode.HYBRID));
    assertFalse(r.hits().isEmpty());
    for (SearchResponse.Hit h : r.hits()) {
      assertFalse(h.snippet().isBlank(), h.url());
    }
    SearchResponse.Hit photos = r.hits().stream().filter(h -> h.url().equals(VectorArticles.url("offsite-photos")))
        .findFirst().orElseThrow(() -> new AssertionError("offsite post not among " + urls(r)));
    assertEquals("A gallery of pictures from our team retreat in the mountains.", photos.snippet());
  }

  @Test
  void keywordHitsInHybridModeKeepMarkedSnippets() {
    SearchResponse r = search.search(request("tagliatelle", List.of(), List.of(), null, null, 1, 10, SearchMode.HYBRID));
    assertEquals(VectorArticles.url("fresh-pasta"), r.hits().get(0).url());
    assertTrue(r.hits().get(0).snippet().contains("<mark>tagliatelle</mark>"), r.hits().get(0).snippet());
  }

  @Test
  void hybridRelaxesTheKeywordSideAndOffersDidYouMeanWhenItIsWeak() {
    SearchResponse relaxed = search.search(request("pasta lisbon", List.of(), List.of(), null, null, 1, 10, SearchMode.HYBRID));
    assertTrue(relaxed.relaxed());
    SearchResponse typo = search.search(request("sourdugh", List.of(), List.of(), null, null, 1, 10, SearchMode.HYBRID));
    assertEquals("sourdough", typo.didYouMean());
    SearchResponse strong = search.search(request("pasta", List.of(), List.of(), null, null, 1, 10, SearchMode.HYBRID));
    assertNull(strong.didYouMean());
    assertFalse(strong.relaxed());
  }

  @Test
  void defaultModeComesFromTheSettings() {
    assertEquals("hybrid", search.search(SearchRequest.of("pasta")).mode());
    assertEquals("keyword", search.search(SearchRequest.of("pasta").withMode(SearchMode.KEYWORD)).mode());
    assertEquals(urls(keywordOnly.search(SearchRequest.of("pasta"))),
        urls(search.search(SearchRequest.of("pasta").withMode(SearchMode.KEYWORD))));
  }

  @Test
  void withoutAModelHybridAndSemanticAnswerKeywordResultsAndSaySo() {
    for (SearchMode m : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
      SearchResponse r = keywordOnly.search(SearchRequest.of("pasta").withMode(m));
      assertEquals("keyword", r.mode());
      assertEquals(SearchResponse.NO_MODEL, r.fallback());
      assertEquals(urls(keywordOnly.search(SearchRequest.of("pasta"))), urls(r));
    }
    assertEquals("keyword", keywordOnly.search(SearchRequest.of("pasta")).mode(), "keyword is the default without a model");
    assertNull(keywordOnly.search(SearchRequest.of("pasta")).fallback());
  }

  @Test
  void anIndexWithoutVectorsAnswersKeywordResultsAndSaysSo() {
    SearchResponse r = withoutVectors.search(SearchRequest.of("pasta").withMode(SearchMode.SEMANTIC));
    assertEquals("keyword", r.mode());
    assertEquals(SearchResponse.NO_VECTORS, r.fallback());
    assertEquals(3, r.total());
  }

  @Test
  void aQueryWithoutFreeTextRunsByKeyword() {
    SearchResponse r = search.search(SearchRequest.of("author:ann").withMode(SearchMode.SEMANTIC));
    assertEquals("keyword", r.mode());
    assertEquals(SearchResponse.NO_FREE_TEXT, r.fallback());
    assertEquals(5, r.total());
  }

  @Test
  void queryVectorsAreCachedAndBounded() {
    QueryVectors v = new QueryVectors(VectorArticles.bge(), 2);
    float[] a = v.of("night trains");
    assertTrue(a == v.of("night trains"), "the second look-up is the cached vector");
    v.of("pasta");
    v.of("sourdough");
    assertFalse(a == v.of("night trains"), "the eldest entry was dropped");
    assertEquals(1, v.hitsAndMisses()[0]);
    assertEquals(4, v.hitsAndMisses()[1]);
  }
}
