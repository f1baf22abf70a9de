package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.blogsearch.extract.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler against a hostile site, run for real in a child JVM with a 64 MB heap: spider
 * trap, 1-byte-per-second drip, 100 MB body, gzip bomb, redirect loop, redirects to other hosts
 * and ports, a 100,000-deep DOM, flapping and failing 5xx, wrong and missing content types, and
 * robots.txt that fails, is missing or is 10 MB.
 */
class HostileSiteTest {
  @TempDir Path data;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private HttpServer site;
  private HttpServer otherAddress;
  private HttpServer otherPort;
  private ExecutorService pool;
  private final List<String> strayRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger flaky = new AtomicInteger();
  private volatile boolean goodTwoBroken;
  private volatile String robots = "User-agent: *\nDisallow:\n";
  private volatile int robotsStatus = 200;
  private byte[] gzipBomb;

  @BeforeEach
  void start() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros);
      }
    }
    gzipBomb = bomb.toByteArray();
    pool = Executors.newFixedThreadPool(24);
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    site.setExecutor(pool);
    site.createContext("/", this::handle);
    site.start();
    otherAddress = stray("127.0.0.2");
    otherPort = stray("127.0.0.1");
  }

  private HttpServer stray(String address) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 8);
    s.createContext("/", ex -> {
      strayRequests.add(address + ex.getRequestURI());
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    s.start();
    return s;
  }

  @AfterEach
  void stop() throws Exception {
    site.stop(0);
    otherAddress.stop(0);
    otherPort.stop(0);
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  private String base() {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  private static String post(String title) {
    return "<!doctype html><html><head><title>" + title + "</title></head><body class=\"single single-post postid-1\">"
        + "<article class=\"post\"><h1 class=\"entry-title\">" + title + "</h1><div class=\"entry-content\"><p>Text of "
        + title + ".</p></div></article></body></html>";
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    try (ex) {
      switch (path) {
        case "/robots.txt" -> send(ex, robotsStatus, "text/plain", robots.getBytes(StandardCharsets.UTF_8));
        case "/" -> send(ex, 200, "text/html", ("<html><body class=\"home blog\">" + String.join("", List.of(
            "/good-1/", "/good-2/", "/calendar/2026/01/", "/drip/", "/huge/", "/huge-chunked/", "/gzip-bomb/", "/loop-a",
            "/to-other-address", "/to-other-port", "/deep/", "/flaky/", "/always-500/", "/no-type/", "/wrong-type/")
            .stream().map(u -> "<a href=\"" + u + "\">" + u + "</a>").toList()) + "</body></html>").getBytes(StandardCharsets.UTF_8));
        case "/good-1/" -> send(ex, 200, "text/html", post("Good one").getBytes(StandardCharsets.UTF_8));
        case "/good-2/" -> send(ex, goodTwoBroken ? 503 : 200, "text/html", post("Good two").getBytes(StandardCharsets.UTF_8));
        case "/drip/" -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          for (int i = 0; i < 600; i++) {
            out.write('x');
            out.flush();
            Thread.sleep(1000);
          }
        }
        case "/huge/", "/huge-chunked/" -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          long size = 100L << 20;
          ex.sendResponseHeaders(200, path.equals("/huge/") ? size : 0);
          OutputStream out = ex.getResponseBody();
          byte[] chunk = "<p>lorem ipsum dolor sit amet</p>\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
          for (long sent = 0; sent + chunk.length <= size; sent += chunk.length) {
            out.write(chunk);
          }
        }
        case "/gzip-bomb/" -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          send(ex, 200, "text/html", gzipBomb);
        }
        case "/loop-a" -> redirect(ex, "/loop-b");
        case "/loop-b" -> redirect(ex, "/loop-a");
        case "/to-other-address" -> redirect(ex, "http://127.0.0.2:" + otherAddress.getAddress().getPort() + "/steal");
        case "/to-other-port" -> redirect(ex, "http://127.0.0.1:" + otherPort.getAddress().getPort() + "/steal");
        case "/deep/" -> send(ex, 200, "text/html", ("<html><body class=\"single single-post\"><article class=\"post\">"
            + "<h1 class=\"entry-title\">Deep</h1><div class=\"entry-content\">" + "<i>".repeat(100_000) + "bottom"
            + "</i>".repeat(100_000) + "</div></article></body></html>").getBytes(StandardCharsets.UTF_8));
        case "/flaky/" -> send(ex, flaky.getAndIncrement() % 2 == 0 ? 503 : 200, "text/html", post("Flaky").getBytes(StandardCharsets.UTF_8));
        case "/always-500/" -> send(ex, 500, "text/html", "<h1>boom</h1>".getBytes(StandardCharsets.UTF_8));
        case "/no-type/" -> send(ex, 200, null, post("No type").getBytes(StandardCharsets.UTF_8));
        case "/wrong-type/" -> send(ex, 200, "image/png", post("Wrong type").getBytes(StandardCharsets.UTF_8));
        default -> {
          if (path.startsWith("/calendar/")) {
            String[] p = path.split("/");
            int year = Integer.parseInt(p[2]);
            int month = Integer.parseInt(p[3]);
            String next = month == 12 ? "/calendar/" + (year + 1) + "/01/" : String.format("/calendar/%d/%02d/", year, month + 1);
            String prev = month == 1 ? "/calendar/" + (year - 1) + "/12/" : String.format("/calendar/%d/%02d/", year, month - 1);
            send(ex, 200, "text/html", ("<html><body class=\"archive date\"><a href=\"" + next + "\">next</a><a href=\"" + prev
                + "\">prev</a><a href=\"" + path + "?page=" + (flaky.get() + 2) + "\">more</a></body></html>").getBytes(StandardCharsets.UTF_8));
          } else {
            send(ex, 404, "text/html", "<h1>404</h1>".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // the crawler hung up (body cap, deadline): expected
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  /** Runs {@code blogsearch crawl} in a child JVM with a 64 MB heap; returns the saved report. */
  private CrawlReport crawlInChildJvm() throws Exception {
    Path config = data.resolve("hostile.yaml");
    Files.writeString(config, """
        name: hostile
        seeds: [%s/]
        dataDir: %s
        limits: {maxPages: 120, maxDepth: 6, maxBodyBytes: 1048576, maxDuration: 45s}
        politeness: {concurrencyPerHost: 8, delay: 0ms}
        http: {connectTimeout: 2s, readTimeout: 2s, fetchTimeout: 4s, maxRetries: 2, retryBackoff: 50ms}
        """.formatted(base(), data));
    long t0 = System.nanoTime();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), "io.blogsearch.cli.Main", "crawl",
        "--quiet", "--config", config.toString()).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
    assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the crawl ended within its bounds");
    assertEquals(0, child.exitValue(), Files.readString(data.resolve("child.log")));
    assertTrue((System.nanoTime() - t0) / 1e9 < 75, "time bound");
    return json.readValue(data.resolve("hostile/crawl/report.json").toFile(), CrawlReport.class);
  }

  private static UrlOutcome outcome(CrawlReport r, String url) {
    return r.outcomes().stream().filter(o -> o.url().equals(url)).findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + url));
  }

  @Test
  void everyTrapEndsInTheReportWithItsReasonAndEarlierPostsSurvive() throws Exception {
    String b = base();
    CrawlReport first = crawlInChildJvm();
    Map<String, Article> stored = new CrawlStore(data.resolve("hostile/crawl")).loadArticles();
    assertTrue(stored.containsKey(b + "/good-1/") && stored.containsKey(b + "/good-2/"), stored.keySet().toString());

    assertEquals(Outcome.ERROR, outcome(first, b + "/drip/").outcome());
    assertTrue(outcome(first, b + "/drip/").reason().startsWith("body download exceeded 4s"), outcome(first, b + "/drip/").reason());
    assertEquals("body of 104857600 bytes exceeds the limit of 1048576", outcome(first, b + "/huge/").reason());
    assertEquals("body exceeds the limit of 1048576 bytes", outcome(first, b + "/huge-chunked/").reason());
    assertEquals("body exceeds the limit of 1048576 bytes", outcome(first, b + "/gzip-bomb/").reason());
    assertEquals("redirect loop via " + b + "/loop-a", outcome(first, b + "/loop-a").reason());
    assertTrue(outcome(first, b + "/to-other-address").reason().startsWith("redirect to disallowed URL http://127.0.0.2:"));
    assertTrue(outcome(first, b + "/to-other-port").reason().startsWith("redirect to disallowed URL http://127.0.0.1:"));
    assertEquals(List.of(), strayRequests, "no other host or port was contacted");
    assertEquals(Outcome.INDEXED, outcome(first, b + "/flaky/").outcome(), "a retry got through");
    assertEquals(new UrlOutcome(b + "/always-500/", Outcome.ERROR, 500, "HTTP 500 after 3 attempts"), outcome(first, b + "/always-500/"));
    assertEquals(Outcome.INDEXED, outcome(first, b + "/no-type/").outcome());
    assertEquals(Outcome.INDEXED, outcome(first, b + "/wrong-type/").outcome());
    UrlOutcome deep = outcome(first, b + "/deep/");
    assertTrue(deep.outcome() == Outcome.INDEXED || deep.outcome() == Outcome.SKIPPED_NOT_POST, deep.toString());
    long calendarPages = first.outcomes().stream().filter(o -> o.url().contains("/calendar/")).count();
    assertTrue(calendarPages > 3, "the trap was entered");
    assertTrue(first.requests() <= 120 * 3 + 10, "page bound (retries included): " + first.requests());
    assertTrue(first.outcomes().stream().filter(o -> o.url().contains("/calendar/")).allMatch(o -> depthOf(o.url()) <= 7),
        "depth bound");

    goodTwoBroken = true;
    crawlInChildJvm();
    Map<String, Article> after = new CrawlStore(data.resolve("hostile/crawl")).loadArticles();
    assertTrue(after.containsKey(b + "/good-2/"), "a post that now fails is kept");
    assertTrue(after.containsKey(b + "/good-1/"));
  }

  /** Months away from the seed's first calendar page: the trap's depth. */
  private static int depthOf(String url) {
    String[] p = url.replaceAll("\\?.*", "").split("/");
    int year = Integer.parseInt(p[4]);
    int month = Integer.parseInt(p[5]);
    return Math.abs((year - 2026) * 12 + month - 1) + 2;
  }

  @Test
  void robotsTxtThatFailsOrIsHugeIsHandled() throws Exception {
    String b = base();
    robotsStatus = 500;
    CrawlReport blocked = crawlInChildJvm();
    assertEquals("robots.txt answered HTTP 500: host not crawled", outcome(blocked, b + "/").reason());

    robotsStatus = 404;
    CrawlReport open = crawlInChildJvm();
    assertEquals(Outcome.SKIPPED_ARCHIVE, outcome(open, b + "/").outcome());

    robotsStatus = 200;
    robots = "User-agent: *\nDisallow: /good-2/\n" + ("# padding\n".repeat(1_000_000));
    CrawlReport huge = crawlInChildJvm();
    assertEquals(Outcome.ROBOTS_BLOCKED, outcome(huge, b + "/good-2/").outcome(), "the first 512 KiB were read");
    assertEquals(Outcome.INDEXED, outcome(huge, b + "/good-1/").outcome());
  }
}
