package io.blogsearch.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.web.ApiMetrics;
import io.blogsearch.web.ApiServer;
import io.blogsearch.web.ApiSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A crawled and indexed sample blog with the full service around it: API, admin, jobs. */
final class AdminFixture implements AutoCloseable {
  static final String TOKEN = "s3cret-test-token";
  static final SampleBlog BLOG = SampleBlog.load();

  final SampleBlogServer blog;
  final SiteConfig site;
  final ServingManager serving;
  final ReindexJobs jobs;
  final ApiServer api;
  final String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  /**
   * @param extraYaml site config additions (politeness, limits)
   * @param settings API settings; null for the defaults with {@link #TOKEN}
   */
  AdminFixture(Path data, String extraYaml, ApiSettings settings) throws Exception {
    this(data, extraYaml, settings, Duration.ZERO);
  }

  /**
   * @param jobDelay politeness delay of the reindex jobs' crawls (one connection), to keep a job
   *     running while a test queues more; zero for the fixture's fast crawls
   */
  AdminFixture(Path data, String extraYaml, ApiSettings settings, Duration jobDelay) throws Exception {
    this(data, extraYaml, settings, jobDelay, null);
  }

  /** @param semantic the embedding model the jobs and the API get, or null for none (keyword only) */
  AdminFixture(Path data, String extraYaml, ApiSettings settings, Duration jobDelay, SemanticModel semantic) throws Exception {
    blog = new SampleBlogServer(BLOG, 0, Duration.ZERO);
    site = new ConfigLoader().parse("""
        name: admin
        seeds: [%s/]
        politeness: {concurrencyPerHost: 4, delay: 0ms}
        http: {retryBackoff: 5ms}
        %s
        """.formatted(blog.baseUrl(), extraYaml)).withDataDir(data);
    new Crawler(site).crawl(CrawlListener.none());
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    new IndexBuilder(site, options.stemmer()).build(true, () -> false);
    serving = ServingManager.open(new Generations(site.generationsDir()), options).orElseThrow();
    ApiMetrics metrics = new ApiMetrics();
    SiteConfig jobSite = jobDelay.isZero() ? site : site.withPoliteness(new SiteConfig.Politeness(1, jobDelay,
        Duration.ofSeconds(1), "blogsearch-bot/test", true, false));
    jobs = semantic == null ? new ReindexJobs(jobSite, options.stemmer(), serving, metrics.jobsOf(site.name()))
        : new ReindexJobs(jobSite, options.stemmer(), semantic, serving, metrics.jobsOf(site.name()));
    api = new ApiServer(serving, new UrlNormalizer(site.stripQueryParams()),
        settings == null ? new ApiSettings(List.of(), 0, 0, TOKEN, null) : settings, metrics, new ApiServer.Admin(jobs, site))
        .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + api.port();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Any method with an optional JSON body (PUT, DELETE). */
  HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode parse(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  /** Polls a job until it is no longer running (at most 60 s). */
  JsonNode awaitJob(String id) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      JsonNode job = parse(get("/api/admin/jobs/" + id, TOKEN));
      String state = job.get("state").asText();
      if (!state.equals("running") && !state.equals("queued")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  @Override
  public void close() throws Exception {
    jobs.close();
    api.close();
    serving.close();
    blog.close();
  }
}
