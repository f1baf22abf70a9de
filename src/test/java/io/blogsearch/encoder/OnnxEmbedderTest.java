package io.blogsearch.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import io.blogsearch.index.PassageText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
  private static final OnnxEmbedder BGE = OnnxEmbedder.bgeSmall();

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Words of real prose, {@code n} of them, with word {@code at} (1-based) replaced by {@code word}. */
  private static String words(int n, int at, String word) {
    String[] prose = ("Good feedback is specific, timely and about the work rather than the person. Managers who "
        + "give it weekly find that problems surface early, while those who save it for the annual review "
        + "surprise their reports and lose their trust. Start with what you saw, say why it matters, then ask "
        + "what the other person thinks and agree on one next step.").split(" ");
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(i == at ? word : prose[(i - 1) % prose.length]);
    }
    return String.join(" ", out);
  }

  private static Article post(String body) {
    return new Article("https://blog.example/p", "Giving feedback", body, "", "", null, null, List.of(), List.of(),
        List.of(), List.of());
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
  void aQueryIsCloserToTheAnsweringPassageThanToAnUnrelatedOne() {
    float[] q = BGE.embedQuery("what to say to an employee who keeps missing targets");
    List<float[]> p = BGE.embedPassages(List.of(
        "When a report misses their goals again, name the gap, ask what is in the way and agree on a plan.",
        "The cafeteria now serves lunch from noon until two, with a vegetarian option every day."));
    assertTrue(dot(q, p.get(0)) > dot(q, p.get(1)) + 0.1, dot(q, p.get(0)) + " vs " + dot(q, p.get(1)));
  }

  @Test
  void vectorsHaveUnitLength() {
    float[] q = BGE.embedQuery("what to say to an employee who keeps missing targets");
    assertEquals(1.0, dot(q, q), 1e-4);
    assertEquals(BGE.dimension(), q.length);
    for (float[] p : BGE.embedPassages(List.of("one passage", "and another, longer passage about feedback"))) {
      assertEquals(1.0, dot(p, p), 1e-4);
    }
  }

  @Test
  void vectorsComeBackInTheOrderOfTheTexts() {
    List<String> texts = IntStream.range(0, 12).mapToObj(i -> "Post number " + i + " about " + (i % 2 == 0 ? "hiring" : "cooking"))
        .collect(Collectors.toList());
    List<float[]> together = BGE.embedPassages(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(BGE.embedPassages(List.of(texts.get(i))).get(0), together.get(i), 1e-5f, "text " + i);
    }
  }

  @Test
  void thePassageIsEmbeddedToItsLastWordAndCutExplicitlyAfterIt() {
    PassageText text = PassageText.DEFAULT;
    int last = text.maxWords();
    String base = text.of(post(words(300, 0, "")));
    String changedAtLastWord = text.of(post(words(300, last, "zebra")));
    String changedAfterCut = text.of(post(words(300, last + 1, "zebra")));

    assertEquals(base, changedAfterCut, "words after the passage's " + last + " are not part of it, by design");
    assertFalse(base.equals(changedAtLastWord));
    List<float[]> v = BGE.embedPassages(List.of(base, changedAtLastWord));
    assertFalse(Arrays.equals(v.get(0), v.get(1)), "the model sees the passage's last word");
  }

  @Test
  void miniLmSeesPastTheBundledTokenizersCutAt128Tokens() {
    try (OnnxEmbedder miniLm = OnnxEmbedder.load(OnnxModel.MINILM, 2)) {
      List<float[]> v = miniLm.embedPassages(List.of(words(190, 0, ""), words(190, 180, "zebra")));
      assertFalse(Arrays.equals(v.get(0), v.get(1)), "texts differing only at word 180 embed differently");
    }
  }
}
