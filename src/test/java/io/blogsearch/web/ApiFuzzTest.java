package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** Sends 10,000 random and hostile query strings through HTTP: the server must never answer 5xx. */
class ApiFuzzTest {
  private static final int REQUESTS = 10_000;
  private static final String[] PIECES = {
      "\"", "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "-", "+", "!", "&&", "||",
      "OR", "AND", "NOT", "title:", "author:", "tag:", "category:", "foo:", "*:*", "%", "%25", "<script>",
      "</mark>", "&amp;", "\u0000", "\t", "\n", "\u202e", "🙂", "管理", "ünï", "team", "feedback", "okr", "1:1",
      "one-on-one", "boss", "delegation", "a", "the", " ", "  ", "\"psychological safety\"", "-team", "x".repeat(300)};

  @Test
  void noQueryEverYields5xx() throws Exception {
    IndexedSampleBlog site = IndexedSampleBlog.get();
    Random random = new Random(20261128);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String q = randomQuery(random);
      String extra = random.nextInt(10) == 0 ? randomParams(random) : "";
      URI uri = URI.create(site.apiBase + (random.nextInt(8) == 0 ? "/api/suggest?q=" : "/api/search?q=")
          + IndexedSampleBlog.enc(q) + extra);
      inFlight.acquire();
      all.add(site.client().sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> {
            inFlight.release();
            int status = e != null ? -1 : r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status < 200 || status >= 500) {
              failures.add(status + " for " + uri + (e != null ? " " + e : ""));
            }
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    Map<Integer, Integer> sorted = new TreeMap<>(statuses);
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), "statuses " + sorted);
    assertEquals(REQUESTS, sorted.values().stream().mapToInt(Integer::intValue).sum());
  }

  private static String randomQuery(Random r) {
    StringBuilder sb = new StringBuilder();
    int parts = r.nextInt(12);
    for (int i = 0; i < parts; i++) {
      if (r.nextInt(4) == 0) {
        int len = 1 + r.nextInt(6);
        for (int j = 0; j < len; j++) {
          sb.appendCodePoint(r.nextInt(5) == 0 ? 0x20 + r.nextInt(0x3000) : 0x20 + r.nextInt(0x5f));
        }
      } else {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      if (r.nextBoolean()) {
        sb.append(' ');
      }
    }
    if (r.nextInt(50) == 0) {
      sb.append("y".repeat(r.nextInt(3000)));
    }
    return sb.toString();
  }

  private static String randomParams(Random r) {
    String[] params = {"&page=" + (r.nextInt(200) - 100), "&size=" + (r.nextInt(200) - 50), "&sort=" + (r.nextBoolean() ? "date" : "x"),
        "&category=Leadership", "&tag=%F0%9F%99%82", "&year=" + r.nextInt(3000), "&from=2020-13-40", "&to=2021-01-01",
        "&author=" + r.nextInt(), "&limit=" + (r.nextInt(30) - 5)};
    return params[r.nextInt(params.length)] + params[r.nextInt(params.length)];
  }
}
