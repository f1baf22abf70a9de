package io.blogsearch.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard ranked-retrieval measures, averaged over the queries that have judgements (a
 * judged query the run does not answer counts as zero): MAP, nDCG@10 (binary gains), P@10,
 * P@30 and Recall@100.
 */
public final class RankingMetrics {
  /** The averages. */
  public record Scores(double map, double ndcg10, double p10, double p30, double recall100, int queries) {
    public String format() {
      return String.format(java.util.Locale.ROOT, "MAP %.4f%nnDCG@10 %.4f%nP@10 %.4f%nP@30 %.4f%nRecall@100 %.4f",
          map, ndcg10, p10, p30, recall100);
    }
  }

  private RankingMetrics() {}

  /**
   * @param run per query id, ranked document ids
   * @param qrels per query id, relevant document ids
   */
  public static Scores evaluate(Map<String, List<String>> run, Map<String, Set<String>> qrels) {
    double map = 0;
    double ndcg = 0;
    double p10 = 0;
    double p30 = 0;
    double r100 = 0;
    int n = 0;
    for (Map.Entry<String, Set<String>> q : qrels.entrySet()) {
      Set<String> relevant = q.getValue();
      if (relevant.isEmpty()) {
        continue;
      }
      n++;
      List<String> ranked = run.getOrDefault(q.getKey(), List.of());
      map += averagePrecision(ranked, relevant);
      ndcg += ndcg(ranked, relevant, 10);
      p10 += precision(ranked, relevant, 10);
      p30 += precision(ranked, relevant, 30);
      r100 += hits(ranked, relevant, 100) / (double) relevant.size();
    }
    return n == 0 ? new Scores(0, 0, 0, 0, 0, 0) : new Scores(map / n, ndcg / n, p10 / n, p30 / n, r100 / n, n);
  }

  static double averagePrecision(List<String> ranked, Set<String> relevant) {
    double sum = 0;
    int found = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.contains(ranked.get(i))) {
        found++;
        sum += found / (double) (i + 1);
      }
    }
    return sum / relevant.size();
  }

  static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  static double precision(List<String> ranked, Set<String> relevant, int k) {
    return hits(ranked, relevant, k) / (double) k;
  }

  private static int hits(List<String> ranked, Set<String> relevant, int k) {
    int h = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        h++;
      }
    }
    return h;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
