package io.blogsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that the two systems answer the same questions before their speed is compared: for each
 * search, whether the hit totals agree and how much of the top 10 is shared; for related posts,
 * how much of the top 5 is shared (ours blends MoreLikeThis with categories and tags, so less
 * agreement is expected there). Also catches failing requests, which would make a QPS meaningless.
 */
final class ResultOverlap {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultOverlap() {}

  static void report(URI ours, URI solrCore, List<QueryMix.Search> searches, List<String> postUrls)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    int sameTotal = 0;
    int sameTop = 0;
    int relaxed = 0;
    double overlapSum = 0;
    int compared = 0;
    List<String> differing = new ArrayList<>();
    for (QueryMix.Search s : searches) {
      JsonNode a = get(http, ours.resolve(s.path()));
      JsonNode b = get(http, SolrComparison.onHost(solrCore, SolrComparison.solrSearch(solrCore.getPath(), s)));
      if (a.path("relaxed").asBoolean()) {
        relaxed++;
        continue;
      }
      List<String> ourTop = urls(a.path("hits"));
      List<String> solrTop = urls(b.path("response").path("docs"));
      long ourTotal = a.path("total").asLong();
      long solrTotal = b.path("response").path("numFound").asLong();
      if (ourTotal == solrTotal) {
        sameTotal++;
      } else if (differing.size() < 20) {
        differing.add(s.path() + " ours " + ourTotal + ", Solr " + solrTotal);
      }
      sameTop += ourTop.equals(solrTop) ? 1 : 0;
      if (!ourTop.isEmpty() || !solrTop.isEmpty()) {
        overlapSum += overlap(ourTop, solrTop);
        compared++;
      }
    }
    int strict = searches.size() - relaxed;
    System.out.printf(Locale.ROOT, "search agreement on %d queries (%d relaxed to any-word by ours, which Solr does not do, left out): "
        + "same total %d/%d, identical top-10 order %d/%d, mean top-10 overlap %.3f%n",
        searches.size(), relaxed, sameTotal, strict, sameTop, strict, compared == 0 ? 0 : overlapSum / compared);
    differing.forEach(d -> System.out.println("  totals differ: " + d));
    double relatedOverlap = 0;
    for (String url : postUrls) {
      JsonNode a = get(http, ours.resolve(SolrComparison.ourRelated(url)));
      JsonNode b = get(http, SolrComparison.onHost(solrCore, SolrComparison.solrMlt(solrCore.getPath(), url)));
      relatedOverlap += overlap(urls(a.path("items")), urls(b.path("response").path("docs")));
    }
    System.out.printf(Locale.ROOT, "related agreement on %d posts: mean top-5 overlap with Solr MLT %.3f%n",
        postUrls.size(), relatedOverlap / postUrls.size());
  }

  /** The JSON body of a GET that must answer 200. */
  static JsonNode get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** The {@code url} of each element of a JSON array. */
  static List<String> urls(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("url").asText()));
    return out;
  }

  /** Shared results as a fraction of the longer list (1 when both lists are empty). */
  private static double overlap(List<String> a, List<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(new HashSet<>(b));
    return (double) shared.size() / Math.max(a.size(), b.size());
  }
}
