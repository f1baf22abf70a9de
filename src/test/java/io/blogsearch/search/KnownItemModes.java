package io.blogsearch.search;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.BenchVectors;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.encoder.OnnxModel;
import io.blogsearch.extract.Article;
import io.blogsearch.fusion.ReciprocalRankFusion;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Handbook known-item MRR@10 of the search box in each mode: the same queries as
 * {@link RelevanceTuning} (words from a page's description, which is not indexed; the page is the
 * answer), run through {@link SearchService} as a visitor's search is (every word, relaxed when
 * empty; hybrid and semantic with the site's fusion settings). Post vectors come from the
 * embeddings cache of {@link BenchVectors}. Not a test; run scripts/eval-known-item.sh [words].
 */
public final class KnownItemModes {
  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    HandbookCorpus.Corpus corpus = HandbookCorpus.load(BenchCorpus.HANDBOOK);
    List<Article> articles = corpus.blog().posts().stream().map(BenchCorpus::toArticle).toList();
    List<String[]> queries = RelevanceTuning.knownItemQueries(corpus, words);
    Embedder bge = OnnxEmbedder.bgeSmall();
    Path dir = Files.createTempDirectory("known-item-index");
    long t0 = System.nanoTime();
    new Indexer(BlogAnalyzers.Stemmer.PORTER, BenchVectors.of(bge)).rebuild(articles, dir);
    System.out.printf(Locale.ROOT, "%d pages indexed with vectors in %.1f s (embeddings cache %s)%n", articles.size(),
        (System.nanoTime() - t0) / 1e9, BenchVectors.cacheDir(bge).toAbsolutePath().normalize());
    System.out.printf(Locale.ROOT, "%d known-item queries of %d words%n", queries.size(), words);
    SearchOptions options = SearchOptions.defaults(
        BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    QueryVectors vectors = new QueryVectors(bge, queries.size() + 16);
    System.out.println("mode (nearest, RRF k)              MRR@10   S@1    S@10   ms/query");
    record Row(SearchMode mode, int nearest, int rrfK) {}
    List<Row> rows = List.of(new Row(SearchMode.KEYWORD, 50, 60), new Row(SearchMode.HYBRID, 50, 60),
        new Row(SearchMode.SEMANTIC, 50, 60), new Row(SearchMode.HYBRID, 100, 60), new Row(SearchMode.HYBRID, 50, 20));
    for (Row row : rows) {
      try (SearchService search = SearchService.open(dir, options, new SemanticSettings(vectors, SearchMode.HYBRID, row.rrfK(), row.nearest()))) {
        System.out.println(score(search, row.mode(), queries,
            String.format(Locale.ROOT, "%-8s (%d, %d)", row.mode().id(), row.nearest(), row.rrfK())));
      }
    }
    // bge's query instruction costs half the query's tokens: the same modes with queries embedded without it.
    try (OnnxEmbedder plain = OnnxEmbedder.load(OnnxModel.BGE_SMALL.withQueryPrefix(""), Runtime.getRuntime().availableProcessors())) {
      QueryVectors plainVectors = new QueryVectors(plain, queries.size() + 16);
      for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
        try (SearchService search = SearchService.open(dir, options, new SemanticSettings(plainVectors, SearchMode.HYBRID, 60, 50))) {
          System.out.println(score(search, mode, queries, String.format(Locale.ROOT, "%-8s no instruction", mode.id())));
        }
      }
    }
    // Not the site's: the keyword side matching any word (RankedRetrieval, the eval command's BM25) fused the same way.
    try (RankedRetrieval anyWord = RankedRetrieval.open(dir, options, BlogAnalyzers.stopWords(BlogAnalyzers.StopList.LUCENE,
        options.stemmer()), null)) {
      ReciprocalRankFusion rrf = new ReciprocalRankFusion(60);
      System.out.println(score("keyword any word (not the site)", q -> anyWord.search(q, 10).stream().map(RankedRetrieval.Ranked::url).toList(), queries));
      System.out.println(score("hybrid, any-word keyword side", q -> rrf.fuse(List.of(
          anyWord.search(q, 1000).stream().map(RankedRetrieval.Ranked::url).toList(),
          anyWord.nearest(vectors.of(q), 50).stream().map(RankedRetrieval.Ranked::url).toList())).stream()
          .limit(10).map(ReciprocalRankFusion.Fused::item).toList(), queries));
    }
    long[] hm = vectors.hitsAndMisses();
    System.out.printf(Locale.ROOT, "query embeddings: %d embedded, %d from the cache (the first vector mode embeds each query once)%n",
        hm[1], hm[0]);
  }

  private static String score(SearchService search, SearchMode mode, List<String[]> queries, String name) {
    return score(name, q -> search.search(SearchRequest.of(q).withMode(mode)).hits().stream().map(SearchResponse.Hit::url).toList(),
        queries);
  }

  private static String score(String name, java.util.function.Function<String, List<String>> top10, List<String[]> queries) {
    double mrr = 0;
    int s1 = 0;
    int s10 = 0;
    long t0 = System.nanoTime();
    for (String[] q : queries) {
      List<String> top = top10.apply(q[0]);
      int rank = top.indexOf(q[1]);
      if (rank >= 0) {
        mrr += 1.0 / (rank + 1);
        s1 += rank == 0 ? 1 : 0;
        s10++;
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
    int n = queries.size();
    return String.format(Locale.ROOT, "%-32s %6.4f %6.4f %6.4f %8.2f", name, mrr / n, s1 / (double) n, s10 / (double) n, ms);
  }
}
