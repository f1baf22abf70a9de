package io.blogsearch.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
  private static final Embedder BGE = OnnxEmbedder.bgeSmall();

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void similarPairsScoreAboveUnrelatedPairs() {
    List<float[]> v = BGE.embedPassages(List.of(
        "How to give constructive feedback to an employee who keeps missing targets",
        "Handling underperformance: a conversation guide for managers",
        "Our office moved to a new building with a bigger kitchen"));
    assertEquals(384, v.get(0).length);
    assertTrue(dot(v.get(0), v.get(1)) > dot(v.get(0), v.get(2)) + 0.1,
        dot(v.get(0), v.get(1)) + " vs " + dot(v.get(0), v.get(2)));
  }

  @Test
  void vectorsHaveUnitLength() {
    float[] q = BGE.embedQuery("what to say to an employee who keeps missing targets");
    assertEquals(1.0, dot(q, q), 1e-4);
    assertEquals(BGE.dimension(), q.length);
  }
}
