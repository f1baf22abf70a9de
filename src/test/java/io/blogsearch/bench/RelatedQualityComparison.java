package io.blogsearch.bench;

import io.blogsearch.related.RelatedEvaluation;
import io.blogsearch.related.RelatedSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Related-posts quality of ours next to Solr's MoreLikeThis on every post of the corpus, scored
 * the way {@code eval-related} scores ours: share of the top k in the post's own category, and
 * recall of the links the corpus itself makes between posts (hidden from both engines).
 */
final class RelatedQualityComparison {
  private RelatedQualityComparison() {}

  static void report(BenchCorpus corpus, RelatedSet ours, URI solrCore) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, List<String>> solr = new HashMap<>();
    for (String url : ours.lists().keySet()) {
      URI uri = SolrComparison.onHost(solrCore, SolrComparison.solrMlt(solrCore.getPath(), url) + "&rows=10");
      solr.put(url, ResultOverlap.urls(ResultOverlap.get(http, uri).path("response").path("docs")));
    }
    System.out.printf("related quality on all %d posts (%d known links between them, hidden from both):%n",
        ours.lists().size(), corpus.links().values().stream().mapToInt(java.util.Set::size).sum());
    for (int k : new int[] {5, 10}) {
      System.out.println("  ours      " + RelatedEvaluation.evaluate(corpus.articles(), ours, corpus.links(), k).format());
      System.out.println("  Solr MLT  " + RelatedEvaluation.evaluateLists(corpus.articles(), solr, corpus.links(), k).format());
    }
  }
}
