package io.blogsearch.fusion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is the sum,
 * over the rankings that hold it, of {@code 1 / (k + rank)} with ranks from 1. Only ranks count,
 * so rankings whose scores live on different scales (BM25, cosine similarity) fuse without
 * calibration; {@code k} damps the weight of the very first ranks (60 in the paper).
 */
public final class ReciprocalRankFusion {
  /** The paper's constant. */
  public static final int DEFAULT_K = 60;

  /** One fused item: its score and its 1-based rank in each input ranking (0 where absent). */
  public record Fused<T>(T item, double score, int[] ranks) {}

  private final int k;

  public ReciprocalRankFusion(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be 1 or more (got " + k + ")");
    }
    this.k = k;
  }

  /**
   * The items of all rankings, best fused score first. Ties go to the item with the better single
   * rank, then to the earlier ranking (so the first ranking wins a tie with the second), keeping
   * the order deterministic.
   *
   * @param rankings each ranking best first, without repeats within one ranking
   */
  public <T> List<Fused<T>> fuse(List<List<T>> rankings) {
    Map<T, int[]> ranks = new LinkedHashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      List<T> ranking = rankings.get(r);
      for (int i = 0; i < ranking.size(); i++) {
        int[] perRanking = ranks.computeIfAbsent(ranking.get(i), item -> new int[rankings.size()]);
        if (perRanking[r] == 0) {
          perRanking[r] = i + 1;
        }
      }
    }
    List<Fused<T>> out = new ArrayList<>(ranks.size());
    ranks.forEach((item, perRanking) -> out.add(new Fused<>(item, score(perRanking), perRanking)));
    out.sort(Comparator.comparingDouble((Fused<T> f) -> -f.score())
        .thenComparingInt(f -> bestRank(f.ranks()))
        .thenComparingInt(f -> firstRanking(f.ranks())));
    return out;
  }

  private double score(int[] ranks) {
    double s = 0;
    for (int rank : ranks) {
      if (rank > 0) {
        s += 1.0 / (k + rank);
      }
    }
    return s;
  }

  private static int bestRank(int[] ranks) {
    int best = Integer.MAX_VALUE;
    for (int rank : ranks) {
      if (rank > 0) {
        best = Math.min(best, rank);
      }
    }
    return best;
  }

  /** The first ranking holding the item at its best rank. */
  private static int firstRanking(int[] ranks) {
    int best = bestRank(ranks);
    for (int r = 0; r < ranks.length; r++) {
      if (ranks[r] == best) {
        return r;
      }
    }
    return ranks.length;
  }
}
