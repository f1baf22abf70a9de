package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.sites.ServiceSites;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteCredentials;
import io.blogsearch.sites.SiteRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rate-limit buckets are per site and client: one site's flood leaves another site's allowance alone. */
class PerSiteLimitsTest {
  static Site site(String key) {
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    return Site.open(new Site.Settings(key, null, new UrlNormalizer(Set.of()), List.of(), SiteCredentials.NONE),
        new Site.Runtime(ServingManager.fixed(SearchService.empty(options), new RelatedService(RelatedSet.empty())), null, null));
  }

  @Test
  void exhaustingOneSitesBucketLeavesTheOtherSiteAnswering() throws Exception {
    SiteRegistry registry = new SiteRegistry(4);
    registry.add(site("a"));
    registry.add(site("b"));
    ServiceSites sites = new ServiceSites(registry, null, c -> null, null, null);
    // 1 request per second, burst 2
    ProcessSettings settings = new ProcessSettings(1, 0, null, null, List.of());
    HttpClient http = HttpClient.newHttpClient();
    try (ApiServer api = new ApiServer(sites, settings, new ApiMetrics(),
        io.blogsearch.encoder.SemanticModel.off(null, "test").status()).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + api.port();
      List<Integer> a = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        a.add(http.send(HttpRequest.newBuilder(URI.create(base + "/api/sites/a/search?q=x")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
      }
      assertEquals(List.of(200, 200, 429), a);
      assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/sites/b/search?q=x")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }
}
