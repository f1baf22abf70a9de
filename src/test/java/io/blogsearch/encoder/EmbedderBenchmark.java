package io.blogsearch.encoder;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.extract.Article;
import io.blogsearch.index.PassageText;
import io.blogsearch.related.RelatedEvaluation;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which model and which text of a post to embed, measured on a fixed, evenly spaced subset of the
 * Handbook: pure-kNN related lists (exact dot product over the subset, the page itself left out)
 * scored the way {@code eval-related} scores ours — same-section P@5 and internal-link recall@10,
 * the links restricted to pages inside the subset so every known link can be found — and the
 * cost, wall milliseconds per passage embedding on every core. Then the same model on 1 thread,
 * and langchain4j's stock model class (its own thread pool over ONNX Runtime's default threads)
 * beside ours, to show the cores are used and not over-subscribed. Not a test; run
 * scripts/bench-embedders.sh [subset-size] [models] [texts].
 */
public final class EmbedderBenchmark {
  private static final int CHUNK_WORDS = 128;

  private final List<Article> subset;
  private final Map<String, Set<String>> links;

  private EmbedderBenchmark(List<Article> subset, Map<String, Set<String>> links) {
    this.subset = subset;
    this.links = links;
  }

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 800;
    List<String> models = List.of((args.length > 1 ? args[1] : "bge-small-en-v1.5-q,all-minilm-l6-v2-q,e5-small-v2-q").split(","));
    List<String> texts = List.of((args.length > 2 ? args[2] : "64,128,256,chunks4x128").split(","));
    BenchCorpus corpus = BenchCorpus.load("handbook");
    List<Article> all = new ArrayList<>(corpus.articles());
    all.sort(Comparator.comparing(Article::url));
    List<Article> subset = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      subset.add(all.get((int) ((long) i * all.size() / size)));
    }
    Set<String> inSubset = new HashSet<>();
    subset.forEach(a -> inSubset.add(a.url()));
    Map<String, Set<String>> links = new HashMap<>();
    corpus.links().forEach((url, targets) -> {
      if (inSubset.contains(url)) {
        Set<String> kept = new HashSet<>(targets);
        kept.retainAll(inSubset);
        links.put(url, kept);
      }
    });
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "Handbook: %d pages, subset %d (every %.2fth by URL), %d links inside the subset; %d cores, load average %.2f%n",
        all.size(), subset.size(), all.size() / (double) size, links.values().stream().mapToInt(Set::size).sum(), cores,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    EmbedderBenchmark bench = new EmbedderBenchmark(subset, links);
    for (String id : models) {
      OnnxModel spec = OnnxModel.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown model " + id));
      try (OnnxEmbedder embedder = OnnxEmbedder.load(spec, cores)) {
        embedder.embedPassages(List.of("warm up the session")); // first run pays for graph set-up
        for (String text : texts) {
          bench.report(embedder, text, all.size());
        }
      }
    }
    if (args.length > 3 && args[3].equals("threads")) {
      bench.threads(texts.get(0), cores);
    }
    System.out.printf(Locale.ROOT, "load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void report(Embedder embedder, String text, int corpusSize) {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Map<String, float[]> vectors = text.startsWith("chunks") ? chunked(embedder, text) : byPassage(embedder, new PassageText(Integer.parseInt(text)));
    double ms = (System.nanoTime() - t0) / 1e6;
    double cpuMs = (cpuNanos() - cpu0) / 1e6;
    Map<String, List<String>> lists = knn(vectors, 10);
    RelatedEvaluation.Result p5 = RelatedEvaluation.evaluateLists(subset, lists, links, 5);
    RelatedEvaluation.Result r10 = RelatedEvaluation.evaluateLists(subset, lists, links, 10);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "%-20s %-12s same-section P@5 %.4f | link recall@10 %.4f | wall %.1f ms/page, CPU %.1f ms/page"
        + " | whole Handbook: wall ≈ %.1f min here, CPU/%d cores ≈ %.1f min%n",
        embedder.modelId(), text, p5.categoryPrecision(), r10.linkRecall(), ms / subset.size(), cpuMs / subset.size(),
        ms / subset.size() * corpusSize / 60_000, cores, cpuMs / subset.size() * corpusSize / 60_000 / cores);
    System.out.flush();
  }

  /** CPU time of the whole process: wall time lies when other processes share the cores. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private Map<String, float[]> byPassage(Embedder embedder, PassageText text) {
    List<String> passages = subset.stream().map(text::of).toList();
    List<float[]> v = embedder.embedPassages(passages);
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < subset.size(); i++) {
      out.put(subset.get(i).url(), v.get(i));
    }
    return out;
  }

  /** "chunksNxW": title + each of the first N chunks of W words embedded apart, the vectors averaged. */
  private Map<String, float[]> chunked(Embedder embedder, String text) {
    String[] nw = text.substring("chunks".length()).split("x");
    int chunks = Integer.parseInt(nw[0]);
    int words = Integer.parseInt(nw[1]);
    List<String> passages = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < subset.size(); i++) {
      Article a = subset.get(i);
      String[] body = a.body().strip().split("\\s+");
      for (int c = 0; c == 0 || (c < chunks && c * words < body.length); c++) {
        int from = Math.min(body.length, c * words);
        passages.add(a.title() + "\n\n" + String.join(" ", List.of(body).subList(from, Math.min(body.length, from + words))));
        owner.add(i);
      }
    }
    List<float[]> v = embedder.embedPassages(passages);
    Map<String, float[]> out = new HashMap<>();
    for (int j = 0; j < passages.size(); j++) {
      float[] sum = out.computeIfAbsent(subset.get(owner.get(j)).url(), u -> new float[embedder.dimension()]);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += v.get(j)[d];
      }
    }
    out.values().forEach(EmbedderBenchmark::normalise);
    return out;
  }

  private static void normalise(float[] v) {
    double n = 0;
    for (float f : v) {
      n += f * f;
    }
    float inv = (float) (1 / Math.sqrt(n));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }

  /** Exact nearest neighbours by dot product, the page itself left out. */
  static Map<String, List<String>> knn(Map<String, float[]> vectors, int k) {
    List<String> urls = new ArrayList<>(vectors.keySet());
    Map<String, List<String>> lists = new HashMap<>();
    for (String u : urls) {
      float[] q = vectors.get(u);
      List<Map.Entry<String, Double>> scored = new ArrayList<>();
      for (String v : urls) {
        if (!v.equals(u)) {
          scored.add(Map.entry(v, dot(q, vectors.get(v))));
        }
      }
      scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
      lists.put(u, scored.subList(0, Math.min(k, scored.size())).stream().map(Map.Entry::getKey).toList());
    }
    return lists;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** bge on 1 and on every core, and langchain4j's stock bge class, over the same 200 passages. */
  private void threads(String text, int cores) {
    PassageText passage = new PassageText(Integer.parseInt(text));
    List<String> passages = subset.subList(0, Math.min(200, subset.size())).stream().map(passage::of).toList();
    for (int threads : new int[] {1, cores}) {
      try (OnnxEmbedder e = OnnxEmbedder.load(OnnxModel.BGE_SMALL, threads)) {
        e.embedPassages(List.of("warm up"));
        time("title+" + text + " ours, " + threads + " thread(s), 1 ORT thread each", passages, e::embedPassages);
      }
    }
    var stock = new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel();
    stock.embed("warm up");
    time("title+" + text + " langchain4j stock (pool of " + cores + ", ORT default threads)", passages,
        p -> stock.embedAll(p.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()).content().stream()
            .map(dev.langchain4j.data.embedding.Embedding::vector).toList());
  }

  private static void time(String what, List<String> passages, Function<List<String>, List<float[]>> embed) {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    embed.apply(passages);
    double ms = (System.nanoTime() - t0) / 1e6;
    double cpuMs = (cpuNanos() - cpu0) / 1e6;
    System.out.printf(Locale.ROOT, "bge %-58s wall %.1f ms/page, CPU %.1f ms/page (CPU/wall %.2f cores busy), load average %.2f%n",
        what, ms / passages.size(), cpuMs / passages.size(), cpuMs / ms,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
