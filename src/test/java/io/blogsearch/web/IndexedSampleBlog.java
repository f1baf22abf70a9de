package io.blogsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.SearchOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sample blog crawled, indexed and served by the real pipeline, built once per test JVM and
 * shared by the search and API tests (building it takes a few seconds).
 */
public final class IndexedSampleBlog {
  private static IndexedSampleBlog instance;

  public final SampleBlog blog = SampleBlog.load();
  public final SampleBlogServer blogServer;
  public final ServingManager serving;
  public final SiteConfig site;
  public final ApiServer api;
  public final RelatedSet relatedSet;
  public final String apiBase;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  private IndexedSampleBlog() throws Exception {
    blogServer = new SampleBlogServer(blog, 0, Duration.ZERO);
    Path data = Files.createTempDirectory("indexed-sample-blog");
    SiteConfig site = new ConfigLoader().load(Path.of("crawler-config/demo.yaml"))
        .rebasedOnto(URI.create(blogServer.baseUrl() + "/")).withDataDir(data);
    new Crawler(site).crawl(CrawlListener.none());
    SearchOptions options = SearchOptions.defaults(
        BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    IndexBuilder.Result built = new IndexBuilder(site, options.stemmer()).build(false, () -> false);
    relatedSet = built.related();
    serving = ServingManager.open(new Generations(site.generationsDir()), options).orElseThrow();
    api = new ApiServer(serving, new UrlNormalizer(site.stripQueryParams()), List.of("https://blog.example.com"))
        .start("127.0.0.1", 0);
    this.site = site;
    apiBase = "http://127.0.0.1:" + api.port();
  }

  public static synchronized IndexedSampleBlog get() throws Exception {
    if (instance == null) {
      instance = new IndexedSampleBlog();
    }
    return instance;
  }

  public String url(SamplePost p) {
    return blogServer.baseUrl() + p.path();
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** GET {@code pathAndQuery} on the API; the raw response. */
  public HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase + pathAndQuery)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET and parse a 200 JSON response. */
  public JsonNode getJson(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " → " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  public JsonNode parse(String body) throws Exception {
    return json.readTree(body);
  }

  public HttpClient client() {
    return http;
  }
}
