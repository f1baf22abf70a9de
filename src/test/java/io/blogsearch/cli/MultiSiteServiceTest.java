package io.blogsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.ServiceConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.index.BlogAnalyzers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --service}: several sites with different content in one service, over real HTTP —
 * answers never cross sites, tokens work only where they belong, sites come and go over the
 * operator API, and a corrupt index in one site leaves the others answering.
 */
class MultiSiteServiceTest {
  static final String OPERATOR = "operator-token-0123456789";
  static final String ALPHA_ADMIN = "alpha-admin-token";
  static final String ALPHA_INGEST = "alpha-ingest-token";
  static final String BETA_ADMIN = "beta-admin-token";
  static final SampleBlog FULL = SampleBlog.load();
  static final SampleBlog FIRST_TEN = SampleBlog.of(FULL.posts().subList(0, 10));

  @TempDir
  static Path root;
  static SampleBlogServer alphaBlog;
  static SampleBlogServer betaBlog;
  static RunningService service;
  static String base;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    alphaBlog = new SampleBlogServer(FULL, 0, Duration.ZERO);
    betaBlog = new SampleBlogServer(FIRST_TEN, 0, Duration.ZERO);
    Path data = root.resolve("data");
    Files.createDirectories(root.resolve("sites"));
    indexed(siteYaml("alpha", alphaBlog, ALPHA_ADMIN, ALPHA_INGEST), data);
    indexed(siteYaml("beta", betaBlog, BETA_ADMIN, null), data);
    SiteConfig broken = indexed(siteYaml("broken", betaBlog, null, null), data);
    corrupt(broken);
    Files.writeString(root.resolve("service.yaml"), """
        port: 0
        operatorToken: %s
        publicRequestsPerSecond: 0
        adminRequestsPerMinute: 0
        maxOpenSites: 8
        dataDir: %s
        sites:
          - sites/alpha.yaml
          - sites/beta.yaml
          - sites/broken.yaml
        """.formatted(OPERATOR, data));
    service = RunningService.start(new ServiceConfigLoader(k -> null).load(root.resolve("service.yaml"), null));
    base = "http://127.0.0.1:" + service.api.port();
  }

  @AfterAll
  static void stop() {
    service.close();
    alphaBlog.close();
    betaBlog.close();
  }

  static String siteYaml(String name, SampleBlogServer blog, String adminToken, String ingestToken) {
    return """
        name: %s
        seeds: [%s/]
        politeness: {concurrencyPerHost: 4, delay: 0ms}
        http: {retryBackoff: 5ms}
        semantic: {enabled: false}
        service: {corsOrigins: ["https://%s.example"]%s%s}
        """.formatted(name, blog.baseUrl(), name, adminToken == null ? "" : ", adminToken: " + adminToken,
        ingestToken == null ? "" : ", ingestToken: " + ingestToken);
  }

  /** Writes the site's config under sites/ and crawls and indexes it. */
  static SiteConfig indexed(String yaml, Path data) throws Exception {
    SiteConfig site = new ConfigLoader().parse(yaml).withDataDir(data);
    Files.writeString(root.resolve("sites").resolve(site.name() + ".yaml"), yaml);
    new Crawler(site).crawl(CrawlListener.none());
    new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    return site;
  }

  /** Truncates every file of the site's current generation: it can no longer be opened. */
  static void corrupt(SiteConfig site) throws Exception {
    Path current = site.generationsDir().resolve(Files.readString(site.generationsDir().resolve("CURRENT")).strip());
    try (Stream<Path> files = Files.list(current)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
  }

  static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, null, token);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static Set<String> hitUrls(String site, String query) throws Exception {
    HttpResponse<String> r = get("/api/sites/" + site + "/search?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null);
    assertEquals(200, r.statusCode(), r.body());
    Set<String> urls = new HashSet<>();
    json(r).get("hits").forEach(h -> urls.add(h.get("url").asText()));
    return urls;
  }

  @Test
  void searchesAndRelatedListsNeverCrossSites() throws Exception {
    Set<String> alpha = hitUrls("alpha", "");
    Set<String> beta = hitUrls("beta", "");
    assertEquals(FULL.posts().size(), alpha.size());
    assertEquals(10, beta.size());
    assertTrue(alpha.stream().allMatch(u -> u.startsWith(alphaBlog.baseUrl() + "/")), alpha.toString());
    assertTrue(beta.stream().allMatch(u -> u.startsWith(betaBlog.baseUrl() + "/")), beta.toString());
    // a word of a post only alpha has finds it there and nothing on beta
    String onlyAlpha = FULL.posts().get(30).title();
    assertFalse(hitUrls("alpha", "\"" + onlyAlpha + "\"").isEmpty());
    assertEquals(Set.of(), hitUrls("beta", "\"" + onlyAlpha + "\""));

    String betaPost = beta.iterator().next();
    HttpResponse<String> related = get("/api/sites/beta/related?url=" + URLEncoder.encode(betaPost, StandardCharsets.UTF_8), null);
    assertEquals(200, related.statusCode(), related.body());
    assertFalse(json(related).get("items").isEmpty());
    json(related).get("items").forEach(i -> assertTrue(i.get("url").asText().startsWith(betaBlog.baseUrl() + "/"), i.toString()));
    String alphaPost = alpha.iterator().next();
    HttpResponse<String> foreign = get("/api/sites/beta/related?url=" + URLEncoder.encode(alphaPost, StandardCharsets.UTF_8), null);
    assertEquals(404, foreign.statusCode(), foreign.body());
  }

  @Test
  void unknownSiteAndSitelessRoutesAnswer404Json() throws Exception {
    HttpResponse<String> unknown = get("/api/sites/nope/search?q=team", null);
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", json(unknown).get("error").asText());
    assertEquals("no site nope", json(unknown).get("message").asText());
    HttpResponse<String> siteless = get("/api/search?q=team", null);
    assertEquals(404, siteless.statusCode());
    assertEquals("this service serves 3 sites: name one, as in /api/sites/{site}/search", json(siteless).get("message").asText());
    assertEquals(404, get("/sites/nope/", null).statusCode());
  }

  @Test
  void searchPageAndWidgetPerSite() throws Exception {
    HttpResponse<String> page = get("/sites/beta/?q=team", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("action=\"/sites/beta/\" data-api=\"/api/sites/beta\""), page.body());
    assertTrue(page.body().contains(betaBlog.baseUrl()), "beta's hits are on the page");
    assertFalse(page.body().contains(alphaBlog.baseUrl()));
    HttpResponse<String> widget = get("/api/sites/alpha/widget.js", null);
    assertEquals(200, widget.statusCode());
    assertTrue(widget.body().contains("/api/sites/"));
    assertEquals(404, get("/api/sites/nope/widget.js", null).statusCode());
    HttpResponse<String> admin = get("/sites/beta/admin", null);
    assertEquals(200, admin.statusCode());
    assertTrue(admin.body().contains("<body data-api=\"/api/sites/beta\">"), admin.body());
    assertEquals(404, get("/sites/nope/admin", null).statusCode());
  }

  @Test
  void corsOriginsArePerSite() throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/sites/alpha/search?q=team"))
        .header("Origin", "https://alpha.example");
    assertEquals("https://alpha.example", HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).headers()
        .firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpRequest other = HttpRequest.newBuilder(URI.create(base + "/api/sites/beta/search?q=team"))
        .header("Origin", "https://alpha.example").build();
    assertEquals(null, HTTP.send(other, HttpResponse.BodyHandlers.ofString()).headers()
        .firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void aSiteTokenWorksOnlyOnItsSite() throws Exception {
    assertEquals(200, get("/api/sites/alpha/admin/status", ALPHA_ADMIN).statusCode());
    assertEquals(401, get("/api/sites/beta/admin/status", ALPHA_ADMIN).statusCode());
    assertEquals(401, get("/api/sites/alpha/admin/status", BETA_ADMIN).statusCode());
    assertEquals(401, get("/api/sites/alpha/admin/status", null).statusCode());
    HttpResponse<String> operatorRoute = get("/api/admin/sites", ALPHA_ADMIN);
    assertEquals(403, operatorRoute.statusCode());
    assertEquals("forbidden", json(operatorRoute).get("error").asText());
    assertEquals(403, get("/api/admin/sites", ALPHA_INGEST).statusCode());
    assertEquals(401, get("/api/admin/sites", "made-up-token").statusCode());
    // the ingest token may push (here: rejected as a bad body, so it got past the token check) but not administer
    assertEquals(400, send("PUT", "/api/sites/alpha/admin/posts", "{}", ALPHA_INGEST).statusCode());
    assertEquals(401, send("PUT", "/api/sites/beta/admin/posts", "{}", ALPHA_INGEST).statusCode());
    assertEquals(401, get("/api/sites/alpha/admin/status", ALPHA_INGEST).statusCode());
    // the operator acts on every site
    assertEquals(200, get("/api/sites/beta/admin/status", OPERATOR).statusCode());
    assertEquals(10, json(get("/api/sites/beta/admin/status", OPERATOR)).get("documents").asInt());
  }

  @Test
  void operatorListsSitesAndACorruptIndexStaysItsOwnProblem() throws Exception {
    HttpResponse<String> broken = get("/api/sites/broken/search?q=team", null);
    assertEquals(503, broken.statusCode(), broken.body());
    assertEquals("unavailable", json(broken).get("error").asText());
    assertEquals(200, get("/api/sites/alpha/search?q=team", null).statusCode());
    assertEquals(200, get("/api/sites/beta/search?q=team", null).statusCode());
    assertEquals(503, get("/api/sites/broken/search?q=team", null).statusCode(), "still broken, still contained");
    JsonNode list = json(get("/api/admin/sites", OPERATOR));
    Map<String, Boolean> open = new java.util.HashMap<>();
    list.get("sites").forEach(s -> open.put(s.get("site").asText(), s.get("open").asBoolean()));
    assertEquals(false, open.get("broken"));
    assertEquals(true, open.get("alpha"));
  }

  @Test
  void addingASiteOverTheApiThenSearchingIt() throws Exception {
    String yaml = siteYaml("gamma", betaBlog, "gamma-admin-token", null);
    HttpResponse<String> bad = send("POST", "/api/admin/sites", yaml.replace("seeds: [", "seeds: [ftp-"), OPERATOR);
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("seeds[0]", json(bad).get("field").asText());
    assertEquals(403, send("POST", "/api/admin/sites", yaml, ALPHA_ADMIN).statusCode());

    HttpResponse<String> added = send("POST", "/api/admin/sites", yaml, OPERATOR);
    assertEquals(201, added.statusCode(), added.body());
    String job = json(added).get("job").get("id").asText();
    assertEquals("/api/sites/gamma/admin/jobs/" + job, added.headers().firstValue("Location").orElse(""));
    assertEquals("succeeded", awaitJob("gamma", job, "gamma-admin-token").get("state").asText());
    assertEquals(10, hitUrls("gamma", "").size());
    assertEquals(409, send("POST", "/api/admin/sites", yaml, OPERATOR).statusCode());

    var reloaded = new ServiceConfigLoader(k -> null).load(root.resolve("service.yaml"), null);
    assertEquals(List.of("alpha", "beta", "broken", "gamma"), reloaded.sites().stream().map(s -> s.site().name()).toList());
    assertEquals(root.resolve("sites/gamma.yaml"), reloaded.sites().get(3).file());
  }

  @Test
  void aSiteWhoseDataAnotherWriterHoldsIsRefusedAndNotListed() throws Exception {
    Path data = root.resolve("data");
    try (var held = io.blogsearch.admin.WriterLock.acquire(data.resolve("epsilon"), "index")) {
      HttpResponse<String> refused = send("POST", "/api/admin/sites", siteYaml("epsilon", betaBlog, null, null), OPERATOR);
      assertEquals(409, refused.statusCode(), refused.body());
      assertTrue(json(refused).get("message").asText().startsWith("site epsilon: another writer"), refused.body());
    }
    assertEquals(404, get("/api/sites/epsilon/search?q=team", null).statusCode());
    var reloaded = new ServiceConfigLoader(k -> null).load(root.resolve("service.yaml"), null);
    assertFalse(reloaded.sites().stream().anyMatch(s -> s.site().name().equals("epsilon")));
  }

  @Test
  void removingASiteWhileItIsSearchedGivesNo5xxThen404() throws Exception {
    HttpResponse<String> added = send("POST", "/api/admin/sites", siteYaml("delta", alphaBlog, null, null), OPERATOR);
    assertEquals(201, added.statusCode(), added.body());
    assertEquals("succeeded", awaitJob("delta", json(added).get("job").get("id").asText(), OPERATOR).get("state").asText());
    AtomicBoolean stop = new AtomicBoolean();
    Set<Integer> statuses = ConcurrentHashMap.newKeySet();
    List<Thread> searchers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          try {
            statuses.add(get("/api/sites/delta/search?q=team+feedback", null).statusCode());
          } catch (Exception e) {
            statuses.add(-1);
          }
        }
      });
      t.start();
      searchers.add(t);
    }
    Thread.sleep(300);
    HttpResponse<String> removed = send("DELETE", "/api/admin/sites/delta", null, OPERATOR);
    Thread.sleep(200);
    stop.set(true);
    for (Thread t : searchers) {
      t.join();
    }
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(Set.of(200, 404), statuses, "only answers, then not found");
    assertEquals(404, get("/api/sites/delta/search?q=team", null).statusCode());
    assertEquals(404, send("DELETE", "/api/admin/sites/delta", null, OPERATOR).statusCode());
    var reloaded = new ServiceConfigLoader(k -> null).load(root.resolve("service.yaml"), null);
    assertFalse(reloaded.sites().stream().anyMatch(s -> s.site().name().equals("delta")));
  }

  static JsonNode awaitJob(String site, String id, String token) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      JsonNode job = json(get("/api/sites/" + site + "/admin/jobs/" + id, token));
      String state = job.get("state").asText();
      if (!state.equals("running") && !state.equals("queued")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }
}
