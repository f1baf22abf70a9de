package io.blogsearch.search;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.bench.LoadResult;
import io.blogsearch.bench.QueryMix;
import io.blogsearch.bench.Wrk;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import io.blogsearch.index.Indexer;
import io.blogsearch.web.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * /api/search throughput and latency at 1, 8 and 32 connections (wrk, a separate process), next
 * to the same queries in-process: through {@link SearchService} (everything but HTTP and JSON)
 * and through a bare {@link IndexSearcher} top-10 plus snippets. Not a test; run
 * scripts/bench-search.sh [sample|handbook] [seconds].
 */
public final class SearchBenchmark {
  public static void main(String[] args) throws Exception {
    String corpusName = args.length > 0 ? args[0] : "sample";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    BenchCorpus corpus = BenchCorpus.load(corpusName);
    Path dir = Files.createTempDirectory("bench-index");
    SearchOptions options = SearchOptions.defaults(
        BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    Indexer.Stats stats = new Indexer(options.stemmer()).rebuild(corpus.articles(), dir);
    System.out.printf("corpus %s: %d docs indexed in %d ms, %d KiB%n", corpusName, stats.documents(), stats.millis(), stats.bytes() / 1024);
    List<QueryMix.Search> queries = QueryMix.generate(corpus.posts(), 500, 42);
    List<LoadResult> results = new ArrayList<>();
    try (SearchService search = SearchService.open(dir, options);
        ApiServer api = new ApiServer(io.blogsearch.admin.ServingManager.fixed(search, new io.blogsearch.related.RelatedService(io.blogsearch.related.RelatedSet.empty())), new UrlNormalizer(Set.of()), List.of()).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + api.port();
      for (int round = 0; round < 3; round++) {
        inProcess("warm-up", queries, 1, 3, q -> search.search(request(q)));
      }
      if (Wrk.available()) {
        Path script = Wrk.script(queries.stream().map(QueryMix.Search::path).toList());
        Wrk.run("warm-up", base, script, 8, 5);
        for (int c : new int[] {1, 8, 32}) {
          results.add(Wrk.run("HTTP /api/search, wrk, " + c + " connections", base, script, c, seconds));
        }
      } else {
        System.out.println("wrk not installed (apt-get install wrk): HTTP runs skipped");
      }
      for (int t : new int[] {1, 2}) {
        results.add(inProcess("in-process SearchService, " + t + " threads", queries, t, seconds, q -> search.search(request(q))));
      }
      results.addAll(rawLucene(dir, options, queries, seconds));
    }
    System.out.println(LoadResult.header());
    results.forEach(r -> System.out.println(r.row()));
  }

  private static SearchRequest request(QueryMix.Search q) {
    return new SearchRequest(q.q(), q.category() == null ? List.of() : List.of(q.category()), List.of(), List.of(),
        List.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10);
  }

  /** Bare Lucene: the same parsed queries, top 10, body snippets; no facets, stored fields or JSON. */
  private static List<LoadResult> rawLucene(Path dir, SearchOptions options, List<QueryMix.Search> queries, int seconds)
      throws Exception {
    List<LoadResult> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      QueryFactory factory = new QueryFactory(BlogAnalyzers.query(options.stemmer(), options.synonyms()), options.weights());
      VisitorQueryParser parser = new VisitorQueryParser();
      Snippets snippets = new Snippets(BlogAnalyzers.index(options.stemmer()));
      List<Query> parsed = queries.stream().map(q -> factory.build(parser.parse(q.q()), false)).toList();
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity(options.k1(), options.b()));
      AtomicInteger next = new AtomicInteger();
      Task raw = q -> {
        Query query = parsed.get(Math.floorMod(next.getAndIncrement(), parsed.size()));
        TopDocs td = searcher.search(query, 10);
        String[] bodies = new String[td.scoreDocs.length];
        for (int i = 0; i < bodies.length; i++) {
          bodies[i] = searcher.storedFields().document(td.scoreDocs[i].doc).get(IndexSchema.BODY);
        }
        snippets.forBody(searcher, query, td.scoreDocs, bodies);
      };
      inProcess("warm-up", queries, 1, 3, raw);
      for (int t : new int[] {1, 2}) {
        out.add(inProcess("raw IndexSearcher top10+snippets, " + t + " threads", queries, t, seconds, raw));
      }
    }
    return out;
  }

  interface Task {
    void run(QueryMix.Search q) throws Exception;
  }

  private static LoadResult inProcess(String label, List<QueryMix.Search> queries, int threads, int seconds, Task task)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long[][] lat = new long[threads][4_000_000];
    int[] counts = new int[threads];
    long[] errors = new long[threads];
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        int i = id * 97;
        while (System.nanoTime() < end && counts[id] < lat[id].length) {
          long s = System.nanoTime();
          try {
            task.run(queries.get(i++ % queries.size()));
          } catch (Exception e) {
            errors[id]++;
          }
          lat[id][counts[id]++] = System.nanoTime() - s;
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int k = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(lat[t], 0, all, k, counts[t]);
      k += counts[t];
    }
    long errs = 0;
    for (long e : errors) {
      errs += e;
    }
    return LoadResult.of(label, all, total, elapsed, errs);
  }
}
