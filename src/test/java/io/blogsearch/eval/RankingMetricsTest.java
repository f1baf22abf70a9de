package io.blogsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measures against an example computed by hand. */
class RankingMetricsTest {
  @TempDir Path dir;

  // Query 1: relevant {a, c, f}; ranking a b c d e → AP = (1/1 + 2/3) / 3 = 0.5556
  // Query 2: relevant {x}; ranking y x → AP = (1/2) / 1 = 0.5
  // Query 3: relevant {z}; not answered → 0
  private final Map<String, List<String>> run = Map.of("1", List.of("a", "b", "c", "d", "e"), "2", List.of("y", "x"));
  private final Map<String, Set<String>> qrels = Map.of("1", Set.of("a", "c", "f"), "2", Set.of("x"), "3", Set.of("z"));

  @Test
  void averagePrecisionByHand() {
    assertEquals((1.0 + 2.0 / 3) / 3, RankingMetrics.averagePrecision(run.get("1"), qrels.get("1")), 1e-12);
    assertEquals(0.5, RankingMetrics.averagePrecision(run.get("2"), qrels.get("2")), 1e-12);
  }

  @Test
  void ndcgByHand() {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.1309
    double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 0.5;
    assertEquals(1.5 / ideal, RankingMetrics.ndcg(run.get("1"), qrels.get("1"), 10), 1e-12);
    assertEquals((1 / (Math.log(3) / Math.log(2))) / 1.0, RankingMetrics.ndcg(run.get("2"), qrels.get("2"), 10), 1e-12);
  }

  @Test
  void averagesOverJudgedQueriesCountingUnansweredAsZero() {
    RankingMetrics.Scores s = RankingMetrics.evaluate(run, qrels);
    assertEquals(3, s.queries());
    assertEquals(((1.0 + 2.0 / 3) / 3 + 0.5 + 0) / 3, s.map(), 1e-12);
    assertEquals((2.0 / 10 + 1.0 / 10 + 0) / 3, s.p10(), 1e-12);
    assertEquals((2.0 / 30 + 1.0 / 30) / 3, s.p30(), 1e-12);
    assertEquals((2.0 / 3 + 1.0 + 0) / 3, s.recall100(), 1e-12);
  }

  @Test
  void readsTheSmartFormatAndQrels() throws Exception {
    Path docs = dir.resolve("docs");
    Files.writeString(docs, ".I 1\n.T\nA title\n.W\nSome words\nmore words\n.A\nPerlis, A. J.\n.I 2\n.T\nSecond\n.B\nCACM 1958\n");
    List<SmartCollection.Record> r = SmartCollection.read(docs);
    assertEquals(2, r.size());
    assertEquals("A title", r.get(0).field("T"));
    assertEquals("Some words\nmore words", r.get(0).field("W"));
    assertEquals("Perlis, A. J.", r.get(0).field("A"));
    assertEquals("", r.get(1).field("W"));
    Path q = dir.resolve("qrels");
    Files.writeString(q, "01 1410  0 0\n01 1572  0 0\n02 0003 0 0\n");
    assertEquals(Map.of("1", Set.of("1410", "1572"), "2", Set.of("3")), SmartCollection.qrels(q));
  }
}
