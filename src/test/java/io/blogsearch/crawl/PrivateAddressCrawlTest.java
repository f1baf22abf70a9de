package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSRF guard in real crawls: host names that resolve (through the resolver seam) to
 * loopback addresses of local servers are refused unless permitted, before any byte is sent,
 * also after a redirect and when the name re-resolves elsewhere mid-crawl (DNS rebinding).
 */
class PrivateAddressCrawlTest {
  private static final String HOW = "allow it with http.allowPrivateAddresses or list the address in allowedHosts";

  @TempDir Path data;
  private final List<Site> sites = new CopyOnWriteArrayList<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final HostResolver resolver = host -> {
    lookups.incrementAndGet();
    String address = names.get(host);
    if (address == null) {
      throw new UnknownHostException(host);
    }
    return List.of(InetAddress.getByName(address));
  };

  /** A local blog recording each request as "Host header + path" (pinned requests arrive in absolute form). */
  private final class Site {
    final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile Runnable onHome = () -> { };

    Site(String address, int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 16);
      server.createContext("/", this::handle);
      server.start();
      sites.add(this);
    }

    int port() {
      return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestHeaders().getFirst("Host") + path);
        String body = switch (path) {
          case "/robots.txt" -> "User-agent: *\nDisallow:\n";
          case "/" -> TestSite.home("/post/", "/moved");
          case "/post/" -> TestSite.post("A post", "Its text.", "");
          default -> null;
        };
        if (path.equals("/moved")) {
          ex.getResponseHeaders().set("Location", redirectTarget);
          ex.sendResponseHeaders(302, -1);
          return;
        }
        if (path.equals("/")) {
          onHome.run();
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", path.endsWith(".txt") ? "text/plain" : "text/html");
        ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        }
      }
    }
  }

  private volatile String redirectTarget = "/post/";

  @AfterEach
  void stop() {
    sites.forEach(s -> s.server.stop(0));
  }

  /** Crawls {@code seed}, limited to {@code allowedHosts} (empty: the seed's host). */
  private CrawlReport crawl(String seed, List<String> allowedHosts, boolean respectRobots, boolean allowPrivate)
      throws InterruptedException {
    SiteConfig cfg = new ConfigLoader().parse("""
        name: guard
        seeds: [%s]
        allowedHosts: [%s]
        politeness: {concurrencyPerHost: 1, delay: 0ms, respectRobots: %s}
        http: {retryBackoff: 5ms, connectTimeout: 2s, readTimeout: 3s, fetchTimeout: 5s, allowPrivateAddresses: %s}
        """.formatted(seed, String.join(", ", allowedHosts.stream().map(h -> "\"" + h + "\"").toList()),
        respectRobots, allowPrivate)).withDataDir(data);
    return new Crawler(cfg, resolver).crawl(CrawlListener.none());
  }

  private static UrlOutcome outcome(CrawlReport r, String url) {
    return r.outcomes().stream().filter(o -> o.url().equals(url)).findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + url + " in " + r.outcomes()));
  }

  private Set<String> stored() {
    return new CrawlStore(data.resolve("guard/crawl")).loadArticles().keySet();
  }

  @Test
  void refusesANameResolvingToLoopbackAndSendsItNothing() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    names.put("blog.internal", "127.0.0.1");
    String base = "http://blog.internal:" + blog.port();
    String blocked = "blocked: blog.internal resolves to 127.0.0.1 (loopback); " + HOW;

    CrawlReport r = crawl(base + "/", List.of(), true, false);
    assertEquals(new UrlOutcome(base + "/", Outcome.ROBOTS_BLOCKED, 0, "robots.txt unreachable (" + blocked + "): host not crawled"),
        outcome(r, base + "/"));
    assertEquals("no seed could be reached (" + base + "/): " + base + "/robots.txt: " + blocked, r.fatalError());

    CrawlReport ignoringRobots = crawl(base + "/", List.of(), false, false);
    assertEquals(new UrlOutcome(base + "/", Outcome.ERROR, 0, blocked), outcome(ignoringRobots, base + "/"),
        "refused once, not retried");
    assertEquals(List.of(), blog.requests, "the local server got no request");
    assertTrue(lookups.get() > 0, "the name went through the resolver");
  }

  @Test
  void allowPrivateAddressesLetsItThroughConnectedToTheCheckedAddress() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    names.put("blog.internal", "127.0.0.1");
    String base = "http://blog.internal:" + blog.port();
    boolean systemKnowsName;
    try {
      InetAddress.getByName("blog.internal");
      systemKnowsName = true;
    } catch (UnknownHostException e) {
      systemKnowsName = false;
    }
    assumeTrue(!systemKnowsName, "blog.internal must not resolve on this machine for the pinning check to mean anything");

    CrawlReport r = crawl(base + "/", List.of(), true, true);

    assertEquals(Set.of(base + "/post/"), stored(), r.outcomes().toString());
    String host = "blog.internal:" + blog.port();
    assertTrue(blog.requests.containsAll(List.of(host + "/robots.txt", host + "/", host + "/post/")), blog.requests.toString());
    assertTrue(blog.requests.stream().allMatch(q -> q.startsWith(host + "/")), "every request carried the real Host");
  }

  @Test
  void listingTheAddressInAllowedHostsPermitsIt() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    names.put("blog.internal", "127.0.0.1");
    String base = "http://blog.internal:" + blog.port();

    crawl(base + "/", List.of("blog.internal:" + blog.port(), "127.0.0.1"), true, false);

    assertEquals(Set.of(base + "/post/"), stored());
  }

  @Test
  void aRedirectToANameResolvingPrivatelyIsNotFollowed() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    Site internal = new Site("127.0.0.2", 0);
    names.put("admin.internal", "127.0.0.2");
    String base = "http://127.0.0.1:" + blog.port();
    String target = "http://admin.internal:" + internal.port() + "/steal";
    redirectTarget = target;
    List<String> hosts = List.of("127.0.0.1:" + blog.port(), "admin.internal:" + internal.port());

    CrawlReport r = crawl(base + "/", hosts, true, false);
    assertEquals(new UrlOutcome(base + "/moved", Outcome.ERROR, 302, "redirect to disallowed URL " + target + " not followed"),
        outcome(r, base + "/moved"), "its robots.txt was refused, so the host is off limits");
    assertEquals(Set.of(base + "/post/"), stored());

    CrawlReport ignoringRobots = crawl(base + "/", hosts, false, false);
    assertEquals(new UrlOutcome(base + "/moved", Outcome.ERROR, 0,
        "blocked: admin.internal resolves to 127.0.0.2 (loopback); " + HOW), outcome(ignoringRobots, base + "/moved"));
    assertEquals(List.of(), internal.requests, "the internal server got no request");
  }

  @Test
  void aNameThatReResolvesToAnotherAddressMidCrawlIsRefusedThen() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    Site rebound = new Site("127.0.0.2", blog.port());
    names.put("blog.example", "127.0.0.1");
    blog.onHome = () -> names.put("blog.example", "127.0.0.2");
    String base = "http://blog.example:" + blog.port();

    CrawlReport r = crawl(base + "/", List.of("blog.example:" + blog.port(), "127.0.0.1"), true, false);

    assertEquals(Outcome.SKIPPED_ARCHIVE, outcome(r, base + "/").outcome());
    assertEquals(new UrlOutcome(base + "/post/", Outcome.ERROR, 0, "blocked: blog.example resolves to 127.0.0.2 (loopback); " + HOW),
        outcome(r, base + "/post/"));
    assertEquals(List.of(), rebound.requests, "the rebound address got no request");
    assertEquals(Set.of(), stored());
  }

  @Test
  void ipLiteralSeedsStayAllowedWithoutAnyLookup() throws Exception {
    Site blog = new Site("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + blog.port();

    crawl(base + "/", List.of(), true, false);

    assertEquals(Set.of(base + "/post/"), stored());
    assertEquals(0, lookups.get(), "an IP literal needs no resolver");
  }
}
