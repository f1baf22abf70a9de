package io.blogsearch.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blogsearch.bench.Medians;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.web.ApiMetrics;
import io.blogsearch.web.ApiServer;
import io.blogsearch.web.ApiSettings;
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
import java.util.List;
import java.util.Locale;

/**
 * Push freshness over real HTTP: the sample blog or the Handbook served on localhost, crawled and
 * indexed, then the service as {@code serve} runs it (API, admin, jobs; keyword only, no
 * embedding model; the default rate limits) and 100 sequential pushes — new posts and edits of
 * them, alternately. Each is timed from the PUT's answer until {@code /api/search} finds it by a
 * word only it holds AND it is in the {@code /api/related} list (limit 20) of the post it was made
 * to belong beside (a post sharing that post's title, tags, categories and half its body).
 * Prints p50/p99 per round and the medians over rounds. Not a test: scripts/bench-push.sh.
 */
public final class PushBenchmark {
  private static final String TOKEN = "bench-token";
  private static final int PUSHES = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String corpus = args.length > 0 ? args[0] : "sample";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SampleBlog blog = corpus.equals("handbook")
        ? HandbookCorpus.load(Path.of("../shared/corpora/handbook/content")).blog() : SampleBlog.load();
    List<Double> p50s = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    List<Double> maxes = new ArrayList<>();
    try (SampleBlogServer server = new SampleBlogServer(blog, 0, Duration.ZERO)) {
      for (int round = 1; round <= rounds; round++) {
        List<Double> ms = new PushBenchmark().round(round, blog, server);
        List<Double> sorted = ms.stream().sorted().toList();
        double p50 = percentile(sorted, 50);
        double p99 = percentile(sorted, 99);
        p50s.add(p50);
        p99s.add(p99);
        maxes.add(sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "round %d (%s, %d posts): %d pushes: p50 %.0f ms, p99 %.0f ms, max %.0f ms, min %.0f ms%n",
            round, corpus, blog.posts().size(), ms.size(), p50, p99, sorted.get(sorted.size() - 1), sorted.get(0));
      }
    }
    System.out.printf(Locale.ROOT, "%nmedians of %d round(s) (%s): p50 %.0f ms, p99 %.0f ms, max %.0f ms   p50s %s p99s %s%n",
        rounds, corpus, Medians.of(p50s), Medians.of(p99s), Medians.of(maxes), p50s, p99s);
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private List<Double> round(int round, SampleBlog blog, SampleBlogServer server) throws Exception {
    Path data = Files.createTempDirectory("bench-push");
    SiteConfig site = new ConfigLoader().parse("name: bench\nseeds: [" + server.baseUrl() + "/]\n"
        + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nlimits: {maxPages: 100000, maxDepth: 1000}\n").withDataDir(data);
    long t0 = System.nanoTime();
    new Crawler(site).crawl(p -> { }, CrawlPlan.full(), () -> false);
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    new IndexBuilder(site, options.stemmer()).build(true, () -> false);
    System.out.printf(Locale.ROOT, "round %d: crawled and indexed in %.1f s%n", round, (System.nanoTime() - t0) / 1e9);
    List<Double> out = new ArrayList<>();
    try (ServingManager serving = ServingManager.open(new Generations(site.generationsDir()), options).orElseThrow();
        ReindexJobs jobs = new ReindexJobs(site, options.stemmer(), serving, j -> { });
        ApiServer api = new ApiServer(serving, new UrlNormalizer(site.stripQueryParams()),
            new ApiSettings(List.of(), 500, 600, TOKEN, null), new ApiMetrics(), new ApiServer.Admin(jobs, site))
            .start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + api.port();
      // posts of a few paragraphs at least: half of a 3-line index page is no post's companion
      List<SamplePost> posts = blog.posts().stream().filter(p -> p.bodyBlocks().size() >= 6).toList();
      int stride = posts.size() % 7 != 0 ? 7 : 11;
      String url = null;
      SamplePost beside = null;
      boolean secondHalf = false;
      for (int i = 0; i < PUSHES; i++) {
        boolean edit = i % 2 == 1;
        if (!edit) { // each new post beside another post; on the sample blog (37 posts) some get a second one
          int n = i / 2;
          beside = posts.get((n * stride + round) % posts.size());
          secondHalf = (n / posts.size()) % 2 == 1;
          url = server.baseUrl() + "/2026/12/02/pushed-" + round + "-" + i + "/";
        }
        String word = "zqpush" + (char) ('a' + round) + letters(i);
        ObjectNode post = PushPosts.companion(beside, url, word, secondHalf);
        long sent = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/posts"))
            .PUT(HttpRequest.BodyPublishers.ofString(PushPosts.body(post))).header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json"));
        long answered = System.nanoTime();
        if (r.statusCode() != 202) {
          throw new IllegalStateException("push " + i + ": " + r.statusCode() + " " + r.body());
        }
        String besideUrl = server.baseUrl() + beside.path();
        awaitFresh(base, word, url, besideUrl, i);
        double ms = (System.nanoTime() - answered) / 1e6;
        out.add(ms);
        if (i < 4 || i % 20 == 0) {
          System.out.printf(Locale.ROOT, "  push %d (%s): answered in %.0f ms, fresh %.0f ms after the answer%n",
              i, edit ? "edit" : "new", (answered - sent) / 1e6, ms);
        }
      }
    }
    return out;
  }

  /** Polls until search finds {@code url} by {@code word} and {@code beside}'s related list holds it (60 s at most). */
  private void awaitFresh(String base, String word, String url, String beside, int i) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    boolean found = false;
    boolean listed = false;
    while (System.nanoTime() < end) {
      if (!found) {
        JsonNode hits = JSON.readTree(get(base + "/api/search?q=" + word)).get("hits");
        found = hits.size() == 1 && hits.get(0).get("url").asText().equals(url);
      }
      if (found && !listed) {
        JsonNode items = JSON.readTree(get(base + "/api/related?limit=20&url=" + URLEncoder.encode(beside,
            StandardCharsets.UTF_8))).get("items");
        for (JsonNode item : items) {
          listed |= item.get("url").asText().equals(url);
        }
      }
      if (found && listed) {
        return;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("push " + i + ": not fresh after 60 s (found " + found + ", listed " + listed + ")");
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code i} in letters (a word the analyzer keeps whole: no digits). */
  private static String letters(int i) {
    return "" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
  }
}
