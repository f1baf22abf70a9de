package io.blogsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Faults, measured (scripts/bench-faults.sh): hostile requests, reindexes under load, kill -9
 * across the pipeline ({@link KillTrials}), a full disk during a build and idle/slow-loris
 * connections beside searches, each against the real service in a child JVM. Prints one block
 * per fault. Args: [section…] (hostile, reindex, kill, disk, idle; default all).
 */
public final class FaultsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FaultsBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> sections = args.length == 0 ? List.of("hostile", "reindex", "kill", "disk", "idle") : List.of(args);
    Path work = Files.createTempDirectory("bench-faults");
    if (sections.contains("hostile") || sections.contains("reindex") || sections.contains("idle")) {
      try (ServiceProcess service = new ServiceProcess(work.resolve("service"))) {
        if (sections.contains("hostile")) {
          hostile(service);
        }
        if (sections.contains("reindex")) {
          reindexUnderLoad(service);
        }
        if (sections.contains("idle")) {
          IdleConnections.run(service, postUrls(service));
        }
      }
    }
    if (sections.contains("kill")) {
      new KillTrials(work.resolve("kill"), 20).run();
    }
    if (sections.contains("disk")) {
      FullDisk.run(work.resolve("disk"));
    }
  }

  private static void hostile(ServiceProcess service) throws Exception {
    long t0 = System.nanoTime();
    HostileRequests.Stats s = new HostileRequests("127.0.0.1", service.port).run(10_000, 20261201L, 16);
    System.out.printf(Locale.ROOT, "== hostile requests: %d sent to %s in %.1f s%n", s.sent(),
        "10 public endpoints", (System.nanoTime() - t0) / 1e9);
    System.out.println("  statuses: " + s.statuses());
    System.out.printf(Locale.ROOT, "  5xx or no answer: %d · error bodies not JSON: %d · JSON error bodies without "
        + "{error, message}: %d · HTML error pages of the visitor page (no stack trace): %d · max latency %d ms%n",
        s.serverErrors(), s.nonJsonErrors(), s.invalidJsonErrors(), s.htmlPageErrors(), s.maxMillis());
    s.examples().forEach(e -> System.out.println("  e.g. " + e));
    System.out.println("  service still answers: " + get(service.base() + "/health").statusCode());
  }

  private static void reindexUnderLoad(ServiceProcess service) throws Exception {
    List<String> urls = postUrls(service);
    int total = urls.size();
    AtomicBoolean stop = new AtomicBoolean();
    LoadClients clients = new LoadClients(service.base(), urls, n -> n.path("total").asInt() == total);
    List<String> jobs = new ArrayList<>();
    Thread reindexer = new Thread(() -> {
      try {
        Thread.sleep(1000);
        for (int i = 0; i < 3; i++) {
          jobs.add(runJob(service, "{\"mode\":\"full\"}"));
        }
        Thread.sleep(1000);
      } catch (Exception e) {
        jobs.add("reindexer failed: " + e);
      } finally {
        stop.set(true);
      }
    });
    reindexer.start();
    LoadClients.Result r = clients.run(32, stop, 300, false);
    reindexer.join();
    System.out.printf(Locale.ROOT, "== 3 full reindexes while 32 connections search, fetch related lists and posts%n");
    jobs.forEach(j -> System.out.println("  job: " + j));
    System.out.printf(Locale.ROOT, "  %d requests, %d failed (non-200, error, or a browse total other than %d), "
        + "%.0f req/s, p50 %.2f ms, p99 %.2f ms%n", r.requests(), r.failed(), total, r.qps(), r.p50(), r.p99());
    r.failures().forEach(f -> System.out.println("  e.g. " + f));
  }

  /** Submits a reindex and waits for it; "id state message". */
  static String runJob(ServiceProcess service, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/admin/reindex"))
        .header("Authorization", "Bearer " + ServiceProcess.TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      return "submit answered " + r.statusCode() + ": " + r.body();
    }
    String id = JSON.readTree(r.body()).get("id").asText();
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < end) {
      JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/admin/jobs/" + id))
          .header("Authorization", "Bearer " + ServiceProcess.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
      String state = job.path("state").asText();
      if (!state.equals("running") && !state.equals("queued")) {
        return id + " " + state + (job.hasNonNull("message") ? " (" + job.get("message").asText() + ")" : "");
      }
      Thread.sleep(100);
    }
    return id + " did not finish in 5 minutes";
  }

  /** Submits a reindex, runs {@code action} as soon as the job reports {@code phase}, and waits for it. */
  static String runJobFillingAt(ServiceProcess service, String body, String phase, Runnable action) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/admin/reindex"))
        .header("Authorization", "Bearer " + ServiceProcess.TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    String id = JSON.readTree(r.body()).get("id").asText();
    boolean done = false;
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < end) {
      JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/admin/jobs/" + id))
          .header("Authorization", "Bearer " + ServiceProcess.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
      String state = job.path("state").asText();
      if (!done && phase.equals(job.path("phase").asText())) {
        action.run();
        done = true;
      }
      if (!state.equals("running") && !state.equals("queued")) {
        return id + " " + state + (done ? "" : " (phase " + phase + " not seen)")
            + (job.hasNonNull("message") ? " (" + job.get("message").asText() + ")" : "");
      }
      Thread.sleep(5);
    }
    return id + " did not finish in 5 minutes";
  }

  /** Every post URL the service knows (a browse-all search). */
  static List<String> postUrls(ServiceProcess service) throws Exception {
    JsonNode page = JSON.readTree(get(service.base() + "/api/search?q=&size=50").body());
    List<String> out = new ArrayList<>();
    page.path("hits").forEach(h -> out.add(h.path("url").asText()));
    if (out.isEmpty()) {
      throw new IllegalStateException("the service lists no posts: " + page);
    }
    return out;
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
