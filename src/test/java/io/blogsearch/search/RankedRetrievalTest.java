package io.blogsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** RM3 on a tiny in-memory collection whose expansion can be worked out by hand. */
class RankedRetrievalTest {
  // "apple" is in docs 1 and 2; their other words: orchard (2× in 1, 1× in 2), cider (1), pie (2).
  // Doc 7 shares only "orchard" with them.
  private static final List<String> BODIES = List.of(
      "apple orchard orchard cider", "apple orchard pie", "banana split", "banana bread", "cherry pie",
      "cherry tart", "orchard ladder");

  // Feedback from docs 1 and 2 (d2 is shorter, so s2 > s1), all terms kept (df ≤ 50%):
  //   d1 (norm 4): apple s1/4, orchard s1/2, cider s1/4;  d2 (norm 3): apple, orchard, pie s2/3 each
  //   orchard s1/2 + s2/3 > apple s1/4 + s2/3 > pie s2/3 > cider s1/4
  // Interpolated 0.5/0.5 with the query {apple 1}: apple first (it has the query's half too), then orchard, pie, cider.
  @Test
  void expansionAddsTheFeedbackTermsInWeightOrder() throws IOException {
    try (RankedRetrieval rm3 = retrieval(new RelevanceModel.Settings(2, 10, 0.5, 0.5))) {
      Map<String, Double> model = rm3.expansion("apple");
      assertEquals(List.of("apple", "orchard", "pie", "cider"), List.copyOf(model.keySet()));
      assertTrue(model.get("apple") > 0.5);
      assertEquals(1.0, model.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
  }

  @Test
  void expansionRetrievesADocumentWithoutTheQueryWord() throws IOException {
    try (RankedRetrieval plain = retrieval(null); RankedRetrieval rm3 = retrieval(new RelevanceModel.Settings(2, 10, 0.5, 0.5))) {
      assertEquals(List.of("2", "1"), plain.search("apple", 10).stream().map(RankedRetrieval.Ranked::url).toList());
      List<String> expanded = rm3.search("apple", 10).stream().map(RankedRetrieval.Ranked::url).toList();
      assertEquals(List.of("1", "2"), expanded.subList(0, 2).stream().sorted().toList());
      assertTrue(expanded.contains("7"), expanded.toString());
      assertFalse(expanded.contains("3"), expanded.toString());
    }
  }

  @Test
  void frequentTermsNeverExpand() throws IOException {
    // limit 0.4 · 7 docs = 2.8: orchard (df 3) is out; apple, pie (df 2) and cider (df 1) stay
    try (RankedRetrieval rm3 = retrieval(new RelevanceModel.Settings(2, 10, 0.5, 0.4))) {
      assertEquals(List.of("apple", "pie", "cider"), List.copyOf(rm3.expansion("apple").keySet()));
    }
  }

  private static RankedRetrieval retrieval(RelevanceModel.Settings rm3) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    FacetsConfig facets = IndexSchema.facetsConfig();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.indexAnalyzer(BlogAnalyzers.Stemmer.NONE)))) {
      for (int i = 0; i < BODIES.size(); i++) {
        w.addDocument(facets.build(IndexSchema.toDocument(new Article(String.valueOf(i + 1), "", BODIES.get(i), "", "",
            null, null, List.of(), List.of(), List.of(), List.of()))));
      }
    }
    SearchOptions options = new SearchOptions(BlogAnalyzers.Stemmer.NONE, BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.NONE),
        new FieldWeights(1, 0, 0, 0, 1, 0, 1), 0.9f, 0.4f, Duration.ofSeconds(10));
    return new RankedRetrieval(DirectoryReader.open(dir), options, BlogAnalyzers.stopWords(BlogAnalyzers.StopList.LUCENE,
        BlogAnalyzers.Stemmer.NONE), rm3);
  }
}
