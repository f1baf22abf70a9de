package io.blogsearch.search;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.QueryMix;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import io.blogsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH microbenchmarks of the hot paths on one corpus: visitor-query parsing and Lucene query
 * building, the full search (facets, snippets), a bare top-10 search, snippets alone, and a
 * MoreLikeThis query for one post. Run with scripts/bench-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {
  @Param({"sample"})
  public String corpus;

  private List<QueryMix.Search> queries;
  private List<Query> built;
  private SearchService service;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private QueryFactory factory;
  private final VisitorQueryParser parser = new VisitorQueryParser();
  private Snippets snippets;
  private List<TopDocs> tops;
  private List<String[]> bodies;
  private int next;
  private BenchCorpus data;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    data = BenchCorpus.load(corpus);
    Path dir = Files.createTempDirectory("jmh-index");
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    new Indexer(options.stemmer()).rebuild(data.articles(), dir);
    service = SearchService.open(dir, options);
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(options.k1(), options.b()));
    factory = new QueryFactory(BlogAnalyzers.query(options.stemmer(), options.synonyms()), options.weights());
    snippets = new Snippets(BlogAnalyzers.index(options.stemmer()));
    queries = QueryMix.generate(data.posts(), 500, 42);
    built = queries.stream().map(q -> factory.build(parser.parse(q.q()), false)).toList();
    tops = new java.util.ArrayList<>();
    bodies = new java.util.ArrayList<>();
    for (Query q : built) {
      TopDocs td = searcher.search(q, 10);
      tops.add(td);
      String[] b = new String[td.scoreDocs.length];
      for (int i = 0; i < b.length; i++) {
        b[i] = searcher.storedFields().document(td.scoreDocs[i].doc).get(IndexSchema.BODY);
      }
      bodies.add(b);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    service.close();
    reader.close();
  }

  private int nextIndex() {
    next = (next + 1) % queries.size();
    return next;
  }

  @Benchmark
  public Query parseAndBuildQuery() {
    return factory.build(parser.parse(queries.get(nextIndex()).q()), false);
  }

  @Benchmark
  public SearchResponse fullSearch() {
    QueryMix.Search q = queries.get(nextIndex());
    return service.search(new SearchRequest(q.q(), q.category() == null ? List.of() : List.of(q.category()), List.of(),
        List.of(), List.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10));
  }

  @Benchmark
  public ScoreDoc[] bareTop10() throws Exception {
    return searcher.search(built.get(nextIndex()), 10).scoreDocs;
  }

  @Benchmark
  public String[] snippetsForTop10() throws Exception {
    int i = nextIndex();
    return snippets.forBody(searcher, built.get(i), tops.get(i).scoreDocs, bodies.get(i));
  }

  @Benchmark
  public TopDocs moreLikeThis() throws Exception {
    var a = data.articles().get(nextIndex() % data.articles().size());
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(BlogAnalyzers.index(BlogAnalyzers.Stemmer.PORTER));
    mlt.setFieldNames(new String[] {IndexSchema.TITLE, IndexSchema.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(50);
    java.util.Map<String, java.util.Collection<Object>> fields = new java.util.HashMap<>();
    fields.put(IndexSchema.TITLE, List.of(a.title()));
    fields.put(IndexSchema.BODY, List.of(a.body()));
    return searcher.search(mlt.like(fields), 21);
  }
}
