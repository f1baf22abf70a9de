package io.blogsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hand-made posts indexed on disk by the real {@link Indexer} and served by the real API over
 * HTTP: for the edge cases a crawled site does not show (typographic quotes in names, very long
 * titles, very long bodies).
 */
final class IndexedArticles implements AutoCloseable {
  private final Path dir;
  private final SearchService search;
  private final ApiServer api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  final Indexer.Stats stats;

  IndexedArticles(List<Article> articles) throws IOException {
    dir = Files.createTempDirectory("indexed-articles");
    stats = new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, dir);
    RelatedSet related = new RelatedEngine(RelatedOptions.defaults(SiteConfig.Related.defaults()), BlogAnalyzers.Stemmer.PORTER)
        .compute(articles, dir, RelatedSet.empty(), List.of());
    search = SearchService.open(dir, SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER)));
    api = new ApiServer(ServingManager.fixed(search, new RelatedService(related)),
        new UrlNormalizer(Set.of()), List.of()).start("127.0.0.1", 0);
  }

  /** GET on the API; the raw response. */
  HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(20)).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** GET and parse a 200 JSON response. */
  JsonNode getJson(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " → " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  @Override
  public void close() throws IOException {
    api.close();
    search.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
