package io.blogsearch.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
  private static List<String> items(List<ReciprocalRankFusion.Fused<String>> fused) {
    return fused.stream().map(ReciprocalRankFusion.Fused::item).toList();
  }

  @Test
  void itemsHighInBothRankingsComeFirst() {
    // a: 1/61 + 1/63, b: 1/62 + 1/61, c: 1/63, d: 1/62, e: 1/64
    List<ReciprocalRankFusion.Fused<String>> fused = new ReciprocalRankFusion(60).fuse(List.of(
        List.of("a", "b", "c", "e"), List.of("b", "d", "a")));
    assertEquals(List.of("b", "a", "d", "c", "e"), items(fused));
    assertEquals(1.0 / 62 + 1.0 / 61, fused.get(0).score(), 1e-12);
    assertArrayEquals(new int[] {2, 1}, fused.get(0).ranks());
    assertArrayEquals(new int[] {4, 0}, fused.get(4).ranks());
  }

  @Test
  void smallKLetsTheFirstRanksDominate() {
    List<List<String>> rankings = List.of(List.of("x", "a", "b", "y"), List.of("c", "d", "e", "y"));
    // k = 1: x and c 1/2 beat y's 1/5 + 1/5; k = 60: y's two fourth places beat one first place
    assertEquals(List.of("x", "c", "y", "a", "d", "b", "e"), items(new ReciprocalRankFusion(1).fuse(rankings)));
    assertEquals(List.of("y", "x", "c", "a", "d", "b", "e"), items(new ReciprocalRankFusion(60).fuse(rankings)));
  }

  @Test
  void tiesGoToTheFirstRanking() {
    assertEquals(List.of("p", "q", "r", "s"),
        items(new ReciprocalRankFusion(60).fuse(List.of(List.of("p", "r"), List.of("q", "s")))));
  }

  @Test
  void oneRankingKeepsItsOrder() {
    assertEquals(List.of(3, 1, 2), new ReciprocalRankFusion(60).fuse(List.of(List.of(3, 1, 2))).stream()
        .map(ReciprocalRankFusion.Fused::item).toList());
  }

  @Test
  void emptyRankingsFuseToNothing() {
    assertEquals(List.of(), new ReciprocalRankFusion(60).fuse(List.of(List.of(), List.of())));
  }

  @Test
  void rejectsKBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFusion(0));
  }
}
