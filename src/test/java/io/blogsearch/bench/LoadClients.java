package io.blogsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * N client threads, each with its own HTTP connection, sending searches, related-list and
 * browse-all requests until stopped; every answer is checked by a caller-given rule (e.g. the
 * browse-all total of a complete generation) and every latency is kept.
 */
final class LoadClients {
  /** What the clients saw. */
  record Result(int requests, int failed, List<String> failures, double p50, double p99, double qps) {}

  private static final String[] QUERIES = {"feedback", "one on one meetings", "hiring", "delegation", "remote team",
      "okr", "psychological safety", "difficult conversation", "onboarding", "leadership vs management"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final List<String> postUrls;
  private final Predicate<JsonNode> browseAllOk;

  LoadClients(String base, List<String> postUrls, Predicate<JsonNode> browseAllOk) {
    this.base = base;
    this.postUrls = List.copyOf(postUrls);
    this.browseAllOk = browseAllOk;
  }

  /** Runs {@code connections} clients until {@code stop} turns true (or {@code maxSeconds} pass). */
  Result run(int connections, AtomicBoolean stop, double maxSeconds, boolean searchOnly) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    long end = t0 + (long) (maxSeconds * 1e9);
    List<Future<?>> all = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int seed = c;
      all.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(seed);
        while (!stop.get() && System.nanoTime() < end) {
          int kind = searchOnly ? 0 : random.nextInt(4);
          String path = switch (kind) {
            case 0 -> "/api/search?q=" + enc(QUERIES[random.nextInt(QUERIES.length)]);
            case 1 -> "/api/related?url=" + enc(postUrls.get(random.nextInt(postUrls.size())));
            case 2 -> "/api/posts?url=" + enc(postUrls.get(random.nextInt(postUrls.size())));
            default -> "/api/search?q=&size=1";
          };
          long s = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - s);
            if (r.statusCode() != 200) {
              failures.add(r.statusCode() + " " + path + ": " + r.body());
            } else if (kind == 3 && !browseAllOk.test(JSON.readTree(r.body()))) {
              failures.add("incomplete generation answered " + path + ": " + r.body());
            }
          } catch (Exception e) {
            failures.add(e + " " + path);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(sorted.size(), failures.size(), failures.subList(0, Math.min(5, failures.size())),
        percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size() / seconds);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
