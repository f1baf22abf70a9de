package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Ranked retrieval for evaluation: the site's own analysis, field weights and BM25, fed with
 * long natural-language queries (any word may match, stop words dropped), optionally expanded
 * with RM3 pseudo-relevance feedback ({@link RelevanceModel}). Used by the {@code eval} command.
 *
 * <p>With RM3 the query is run once, the top documents' stored searchable fields are analysed
 * into term counts, and the expanded model is run as one flat query: each term searches every
 * weighted field (DisjunctionMax, as a visitor's word does) boosted by its model weight. RM3
 * suits long, descriptive queries; the site's search box does not use it.
 */
public final class RankedRetrieval implements AutoCloseable {
  /** One ranked document: its URL (id) and score. */
  public record Ranked(String url, float score) {}

  /** A ranked document is its URL: bodies are not decompressed a thousand times per query. */
  private static final Set<String> URL_ONLY = Set.of(IndexSchema.URL);

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryFactory queries;
  private final FieldWeights weights;
  private final Analyzer analyzer;
  private final Set<String> queryStopWords;
  private final RelevanceModel rm3;

  /**
   * @param reader the index (closed with this object)
   * @param queryStopWords lower-case words dropped from query text before analysis
   * @param rm3 RM3 settings, or null for plain BM25
   */
  public RankedRetrieval(DirectoryReader reader, SearchOptions options, Set<String> queryStopWords,
      RelevanceModel.Settings rm3) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(options.k1(), options.b()));
    this.queries = new QueryFactory(BlogAnalyzers.query(options.stemmer(), options.synonyms()), options.weights());
    this.weights = options.weights();
    this.analyzer = BlogAnalyzers.index(options.stemmer());
    this.queryStopWords = queryStopWords;
    this.rm3 = rm3 == null ? null : new RelevanceModel(rm3);
  }

  /** Opens the index in {@code indexDir}. */
  public static RankedRetrieval open(Path indexDir, SearchOptions options, Set<String> queryStopWords,
      RelevanceModel.Settings rm3) {
    try {
      return new RankedRetrieval(DirectoryReader.open(FSDirectory.open(indexDir)), options, queryStopWords, rm3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Ranked> search(String text, int k) {
    try {
      List<String> words = words(text);
      Query q = original(words);
      if (rm3 != null) {
        q = weightedQuery(expansion(words, q));
      }
      List<Ranked> out = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
        out.add(new Ranked(searcher.storedFields().document(sd.doc, URL_ONLY).get(IndexSchema.URL), sd.score));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code k} posts whose vectors are nearest to {@code vector} (an index built with vectors). */
  public List<Ranked> nearest(float[] vector, int k) {
    try {
      List<Ranked> out = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, k), k).scoreDocs) {
        out.add(new Ranked(searcher.storedFields().document(sd.doc, URL_ONLY).get(IndexSchema.URL), sd.score));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The RM3 model of {@code text}: analysed term → weight, heaviest first (the query's own
   * terms only, equally weighted per occurrence, when RM3 is off).
   */
  public Map<String, Double> expansion(String text) {
    try {
      List<String> words = words(text);
      return rm3 == null ? RelevanceModel.queryModel(analyse(String.join(" ", words))) : expansion(words, original(words));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Double> expansion(List<String> words, Query original) throws IOException {
    List<RelevanceModel.FeedbackDoc> docs = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(original, rm3.settings().feedbackDocs()).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc);
      Map<String, Integer> tf = new HashMap<>();
      for (String field : weights.byField().keySet()) {
        for (String value : d.getValues(field)) {
          analyse(value).forEach(t -> tf.merge(t, 1, Integer::sum));
        }
      }
      docs.add(new RelevanceModel.FeedbackDoc(tf, sd.score));
    }
    Map<String, Double> feedback = rm3.feedbackModel(docs, this::docFreq, reader.numDocs());
    return rm3.interpolate(RelevanceModel.queryModel(analyse(String.join(" ", words))), feedback);
  }

  /** The query's words, without stop words (unless nothing else is left). */
  private List<String> words(String text) {
    List<String> all = new ArrayList<>();
    List<String> content = new ArrayList<>();
    for (String w : text.split("[^\\p{L}\\p{N}'-]+")) {
      if (!w.isBlank()) {
        all.add(w);
        if (!queryStopWords.contains(w.toLowerCase(Locale.ROOT))) {
          content.add(w);
        }
      }
    }
    return content.isEmpty() ? all : content;
  }

  private Query original(List<String> words) {
    List<ParsedQuery.Clause> clauses = new ArrayList<>();
    for (String w : words) {
      clauses.add(new ParsedQuery.Clause(null, w, false, false, 0));
    }
    return queries.build(new ParsedQuery(clauses), true);
  }

  /** One SHOULD clause per term: its weighted fields (DisjunctionMax) boosted by the term's weight. */
  private Query weightedQuery(Map<String, Double> model) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Double> e : model.entrySet()) {
      List<Query> perField = new ArrayList<>();
      weights.byField().forEach((field, w) -> {
        Query tq = new TermQuery(new Term(field, e.getKey()));
        perField.add(w == 1f ? tq : new BoostQuery(tq, w));
      });
      Query term = perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, (float) weights.tieBreaker());
      b.add(new BoostQuery(term, e.getValue().floatValue()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** Document frequency of an analysed term: its largest over the searched fields. */
  private int docFreq(String term) {
    try {
      int df = 0;
      for (String field : weights.byField().keySet()) {
        df = Math.max(df, reader.docFreq(new Term(field, term)));
      }
      return df;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> analyse(String text) throws IOException {
    return BlogAnalyzers.terms(analyzer, text);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
