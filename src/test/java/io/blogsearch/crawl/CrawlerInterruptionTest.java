package io.blogsearch.crawl;

import static io.blogsearch.crawl.TestSite.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.extract.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl in a child JVM stopped midway by kill -9 or SIGTERM keeps every post it stored, and
 * the next crawl resumes without fetching those pages again.
 */
class CrawlerInterruptionTest {
  private static final int POSTS = 40;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  @TempDir Path data;
  private TestSite site;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    site = new TestSite();
    site.route("/robots.txt", new Reply(200, "text/plain", "User-agent: *\nDisallow: /author/\n".getBytes(StandardCharsets.UTF_8)));
    List<String> links = new ArrayList<>();
    for (int i = 1; i <= POSTS; i++) {
      links.add("/p" + i + "/");
      site.route("/p" + i + "/", Reply.html(TestSite.post("Post " + i, "Text of post " + i + ".", "")));
    }
    site.route("/", Reply.html(TestSite.home(links.toArray(String[]::new))));
    config = data.resolve("site.yaml");
    Files.writeString(config, """
        name: resume
        seeds: [%s/]
        dataDir: %s
        politeness: {concurrencyPerHost: 1, delay: 0ms}
        http: {readTimeout: 5s, fetchTimeout: 10s}
        """.formatted(site.base(), data));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Process crawlInChildJvm() throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), "io.blogsearch.cli.Main", "crawl", "--quiet",
        "--config", config.toString()).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
  }

  private void waitForPostRequests(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (postRequests().size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(postRequests().size() >= n, "the child crawl reached " + n + " posts: " + site.requests());
  }

  private List<String> postRequests() {
    return site.requests().stream().filter(t -> t.matches("/p\\d+/")).toList();
  }

  private Map<String, Article> stored() {
    return new CrawlStore(data.resolve("resume/crawl")).loadArticles();
  }

  private void assertNextCrawlResumesWithoutRefetching(Set<String> keptPaths) throws Exception {
    int before = site.requests().size();
    CrawlReport r = new Crawler(new ConfigLoader().parse(Files.readString(config))).crawl(CrawlListener.none());
    List<String> again = site.requests().subList(before, site.requests().size());
    Set<String> refetched = again.stream().filter(keptPaths::contains).collect(Collectors.toSet());
    assertEquals(Set.of(), refetched, "pages stored by the interrupted crawl were fetched again");
    assertEquals(POSTS, stored().size());
    assertTrue(r.complete());
    assertFalse(Files.exists(data.resolve("resume/crawl/journal.jsonl")), "a finished crawl folds its journal in");
  }

  private Set<String> storedPaths() {
    return stored().keySet().stream().map(u -> u.substring(site.base().length())).collect(Collectors.toSet());
  }

  @Test
  void keepsWhatWasStoredAfterKillDashNineAndResumes() throws Exception {
    site.slow(40);
    Process child = crawlInChildJvm();
    waitForPostRequests(12);
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    Set<String> kept = storedPaths();
    assertTrue(kept.size() >= 10 && kept.size() < POSTS, "posts kept after kill -9: " + kept.size());
    assertTrue(postRequests().containsAll(kept));
    CrawlReport partial = json.readValue(data.resolve("resume/crawl/report.json").toFile(), CrawlReport.class);
    assertFalse(partial.complete());
    assertTrue(partial.stopReason().startsWith("in progress"), partial.stopReason());

    site.slow(0);
    assertNextCrawlResumesWithoutRefetching(kept);
  }

  @Test
  void savesWhatWasFetchedAndTheReportOnSigterm() throws Exception {
    site.slow(40);
    Process child = crawlInChildJvm();
    waitForPostRequests(12);
    child.destroy();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the crawl stops on SIGTERM");

    Set<String> kept = storedPaths();
    assertTrue(kept.size() >= 10 && kept.size() < POSTS, "posts kept after SIGTERM: " + kept.size());
    CrawlReport report = json.readValue(data.resolve("resume/crawl/report.json").toFile(), CrawlReport.class);
    assertFalse(report.complete());
    assertEquals("cancelled: what was fetched is kept", report.stopReason());
    assertEquals(kept.size(), report.count(Outcome.INDEXED));
    assertTrue(Files.exists(data.resolve("resume/crawl/articles.jsonl")));

    site.slow(0);
    assertNextCrawlResumesWithoutRefetching(kept);
  }
}
