package io.blogsearch.encoder;

import io.blogsearch.bench.Medians;
import io.blogsearch.demo.HandbookCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * CPU cost of embedding one visitor query (what an uncached hybrid or semantic search pays), per
 * model and with or without the model's query instruction: distinct 2–5-word queries from
 * Handbook titles, embedded one at a time on one thread, three passes; p50/p99 ms per query
 * (medians over the passes). Not a test; run scripts/bench-query-embedding.sh [queries].
 */
public final class QueryEmbeddingBenchmark {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    List<String> queries = queries(n);
    System.out.printf(Locale.ROOT, "%d distinct queries, one thread, 3 passes%n", queries.size());
    System.out.println("model / query text                               p50 ms   p99 ms   queries/s");
    for (OnnxModel spec : OnnxModel.ALL) {
      for (boolean prefix : new boolean[] {true, false}) {
        if (!prefix && spec.queryPrefix().isEmpty()) {
          continue;
        }
        OnnxModel used = prefix ? spec
            : new OnnxModel(spec.id(), spec.onnxResource(), spec.tokenizerResource(), spec.pooling(), spec.passagePrefix(), "",
                spec.maxTokens(), spec.dimension());
        try (OnnxEmbedder e = OnnxEmbedder.load(used, 1)) {
          for (int i = 0; i < 20; i++) {
            e.embedQuery("warm up query " + i);
          }
          List<Double> p50 = new ArrayList<>();
          List<Double> p99 = new ArrayList<>();
          List<Double> qps = new ArrayList<>();
          for (int pass = 0; pass < 3; pass++) {
            double[] ms = new double[queries.size()];
            long start = System.nanoTime();
            for (int i = 0; i < queries.size(); i++) {
              long t0 = System.nanoTime();
              e.embedQuery(queries.get(i) + (pass == 0 ? "" : " " + pass)); // each pass new texts
              ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            qps.add(queries.size() / ((System.nanoTime() - start) / 1e9));
            Arrays.sort(ms);
            p50.add(ms[ms.length / 2]);
            p99.add(ms[(int) Math.floor(ms.length * 0.99)]);
          }
          String name = spec.id() + (spec.queryPrefix().isEmpty() ? "" : prefix ? " (with instruction)" : " (no instruction)");
          System.out.printf(Locale.ROOT, "%-48s %7.2f  %7.2f  %9.1f%n", name, Medians.of(p50), Medians.of(p99), Medians.of(qps));
        }
      }
    }
  }

  private static List<String> queries(int n) {
    HandbookCorpus.Corpus corpus = HandbookCorpus.load(Path.of("../shared/corpora/handbook/content"));
    Random r = new Random(11);
    List<String> out = new ArrayList<>();
    List<String> titles = corpus.blog().posts().stream().map(p -> p.title().toLowerCase(Locale.ROOT)).toList();
    while (out.size() < n) {
      String[] words = titles.get(r.nextInt(titles.size())).split("[^\\p{L}\\p{N}]+");
      int len = 2 + r.nextInt(4);
      if (words.length < len) {
        continue;
      }
      int from = r.nextInt(words.length - len + 1);
      String q = String.join(" ", Arrays.copyOfRange(words, from, from + len)).trim();
      if (!q.isEmpty() && !out.contains(q)) {
        out.add(q);
      }
    }
    return out;
  }
}
