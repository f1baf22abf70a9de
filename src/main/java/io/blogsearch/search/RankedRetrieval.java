package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Ranked retrieval for evaluation: the site's own analysis, field weights and BM25, fed with
 * long natural-language queries (any word may match, stop words dropped), optionally expanded
 * with RM3 pseudo-relevance feedback. Used by the {@code eval} command.
 */
public final class RankedRetrieval implements AutoCloseable {
  /**
   * RM3 settings.
   *
   * @param feedbackDocs top documents taken as relevant
   * @param feedbackTerms expansion terms kept
   * @param originalWeight share of the original query in the expanded one
   */
  public record Rm3(int feedbackDocs, int feedbackTerms, double originalWeight) {}

  /** One ranked document: its URL (id) and score. */
  public record Ranked(String url, float score) {}

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryFactory queries;
  private final Analyzer analyzer;
  private final Set<String> stopWords;
  private final Rm3 rm3;

  /** @param rm3 RM3 settings, or null for plain BM25 */
  public RankedRetrieval(Path indexDir, SearchOptions options, Rm3 rm3) {
    try {
      this.reader = DirectoryReader.open(FSDirectory.open(indexDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(options.k1(), options.b()));
    this.queries = new QueryFactory(BlogAnalyzers.query(options.stemmer(), options.synonyms()), options.weights());
    this.analyzer = BlogAnalyzers.index(options.stemmer());
    this.stopWords = BlogAnalyzers.similarityStopWords(options.stemmer());
    this.rm3 = rm3;
  }

  public List<Ranked> search(String text, int k) {
    try {
      List<ParsedQuery.Clause> clauses = new ArrayList<>();
      for (String w : text.split("[^\\p{L}\\p{N}'-]+")) {
        if (!w.isBlank()) {
          clauses.add(new ParsedQuery.Clause(null, w, false, false, 0));
        }
      }
      Query q = queries.build(new ParsedQuery(clauses), true);
      if (rm3 != null) {
        q = expand(q, text);
      }
      List<Ranked> out = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
        out.add(new Ranked(searcher.storedFields().document(sd.doc).get(IndexSchema.URL), sd.score));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RM3: interpolate the query's term distribution with one estimated from the top documents. */
  private Query expand(Query original, String text) throws IOException {
    ScoreDoc[] top = searcher.search(original, rm3.feedbackDocs()).scoreDocs;
    if (top.length == 0) {
      return original;
    }
    double scoreSum = 0;
    for (ScoreDoc sd : top) {
      scoreSum += sd.score;
    }
    Map<String, Double> feedback = new HashMap<>();
    for (ScoreDoc sd : top) {
      Document d = searcher.storedFields().document(sd.doc);
      Map<String, Integer> tf = termFrequencies(d.get(IndexSchema.TITLE) + "\n" + d.get(IndexSchema.BODY));
      int length = tf.values().stream().mapToInt(Integer::intValue).sum();
      double docWeight = sd.score / scoreSum;
      tf.forEach((t, f) -> feedback.merge(t, docWeight * f / Math.max(1, length), Double::sum));
    }
    List<Map.Entry<String, Double>> best = new ArrayList<>(feedback.entrySet());
    best.removeIf(e -> stopWords.contains(e.getKey()) || e.getKey().length() < 2 || e.getKey().matches("\\d+"));
    best.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    best = best.subList(0, Math.min(rm3.feedbackTerms(), best.size()));
    double norm = best.stream().mapToDouble(Map.Entry::getValue).sum();
    // The original multi-field query keeps its share; the feedback terms (body) share the rest,
    // scaled to the original's size so neither part drowns the other.
    long originalTerms = termFrequencies(text).keySet().stream().filter(t -> !stopWords.contains(t)).count();
    BooleanQuery.Builder fb = new BooleanQuery.Builder();
    for (Map.Entry<String, Double> e : best) {
      fb.add(new BoostQuery(new TermQuery(new Term(IndexSchema.BODY, e.getKey())),
          (float) (e.getValue() / norm * Math.max(1, originalTerms))), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(original, (float) rm3.originalWeight()), BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(fb.build(), (float) (1 - rm3.originalWeight())), BooleanClause.Occur.SHOULD)
        .build();
  }

  private Map<String, Integer> termFrequencies(String text) throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    try (TokenStream ts = analyzer.tokenStream(IndexSchema.BODY, new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    return tf;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
