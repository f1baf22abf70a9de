package io.blogsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RM3 arithmetic against an example computed by hand. */
class RelevanceModelTest {
  // 100 documents; "the" is in all of them (over the 10% limit), every other term in one.
  private static int docFreq(String term) {
    return term.equals("the") ? 100 : 1;
  }

  // Two feedback docs, 2 terms kept per doc and in the model:
  //   A (score 2): the 5 (df), c++ 4 (not [a-z0-9]), a 9 (too short), alpha 3, bravo 1, charlie 1
  //     → keeps alpha 3, bravo 1 (bravo beats charlie on the term); norm 4 → alpha 3/4·2 = 1.5, bravo 1/4·2 = 0.5
  //   B (score 1): alpha 1, able 1 → norm 2 → alpha 0.5, able 0.5
  //   sums: alpha 2.0, able 0.5, bravo 0.5 → top 2: alpha, able (able beats bravo on the term)
  //   → scaled to 1: alpha 0.8, able 0.2
  private final RelevanceModel model = new RelevanceModel(new RelevanceModel.Settings(2, 2, 0.5, 0.1));
  private final List<RelevanceModel.FeedbackDoc> docs = List.of(
      new RelevanceModel.FeedbackDoc(Map.of("the", 5, "c++", 4, "a", 9, "alpha", 3, "bravo", 1, "charlie", 1), 2.0),
      new RelevanceModel.FeedbackDoc(Map.of("alpha", 1, "able", 1), 1.0),
      new RelevanceModel.FeedbackDoc(Map.of("omega", 50), 0.5)); // beyond feedbackDocs: ignored

  @Test
  void feedbackModelByHand() {
    Map<String, Double> fb = model.feedbackModel(docs, RelevanceModelTest::docFreq, 100);
    assertEquals(List.of("alpha", "able"), List.copyOf(fb.keySet()));
    assertEquals(0.8, fb.get("alpha"), 1e-12);
    assertEquals(0.2, fb.get("able"), 1e-12);
  }

  @Test
  void queryModelIsTermShares() {
    Map<String, Double> q = RelevanceModel.queryModel(List.of("query", "alpha", "query"));
    assertEquals(Map.of("query", 2.0 / 3, "alpha", 1.0 / 3), q);
  }

  // 0.5 · query {query 2/3, alpha 1/3} + 0.5 · feedback {alpha 0.8, able 0.2} = alpha 0.5667, query 0.3333, able 0.1
  @Test
  void interpolationByHand() {
    Map<String, Double> mixed = model.interpolate(RelevanceModel.queryModel(List.of("query", "alpha", "query")),
        model.feedbackModel(docs, RelevanceModelTest::docFreq, 100));
    assertEquals(List.of("alpha", "query", "able"), List.copyOf(mixed.keySet()));
    assertEquals(0.5 / 3 + 0.4, mixed.get("alpha"), 1e-12);
    assertEquals(1.0 / 3, mixed.get("query"), 1e-12);
    assertEquals(0.1, mixed.get("able"), 1e-12);
    assertEquals(1.0, mixed.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
  }

  @Test
  void noFeedbackLeavesTheQuery() {
    Map<String, Double> q = RelevanceModel.queryModel(List.of("query"));
    assertEquals(q, model.interpolate(q, model.feedbackModel(List.of(), t -> 1, 100)));
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new RelevanceModel.Settings(0, 10, 0.5, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new RelevanceModel.Settings(10, 10, 1.5, 0.1));
  }
}
