package io.blogsearch.related;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blogsearch.extract.Article;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelatedEvaluationTest {
  private static Article post(String url, String category) {
    return new Article(url, url, "", "", "", null, null, List.of(category), List.of(), List.of(), List.of());
  }

  @Test
  void scoresListsFromAnotherEngineByCategoryAndHiddenLinks() {
    List<Article> posts = List.of(post("a", "X"), post("b", "x"), post("c", "Y"));
    Map<String, List<String>> lists = Map.of("a", List.of("b", "c"), "b", List.of("c"));
    RelatedEvaluation.Result r = RelatedEvaluation.evaluateLists(posts, lists, Map.of("a", Set.of("c", "z")), 2);
    // a: b shares the category (case-insensitive), c does not → 1/2; b: c does not → 0/2.
    assertEquals(0.25, r.categoryPrecision(), 1e-9);
    // a knows 2 links (c, z) and its top 2 holds c.
    assertEquals(0.5, r.linkRecall(), 1e-9);
    assertEquals(2, r.posts());
    assertEquals(1, r.postsWithLinks());
  }

  @Test
  void splitsPostsTheSameWhereverTheSiteIsServed() {
    for (String path : java.util.List.of("/2024/05/feedback/", "/a/", "/b/", "/c/", "/d/", "/e/?p=3")) {
      assertEquals(RelatedEvaluation.inTuningHalf("http://127.0.0.1:41234" + path),
          RelatedEvaluation.inTuningHalf("https://blog.example.com" + path), path);
    }
    assertEquals(java.util.Set.of(true, false), java.util.stream.Stream.of("/a/", "/b/", "/c/", "/d/", "/e/", "/f/", "/g/")
        .map(RelatedEvaluation::inTuningHalf).collect(java.util.stream.Collectors.toSet()));
  }
}
