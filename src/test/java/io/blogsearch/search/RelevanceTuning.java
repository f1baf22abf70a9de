package io.blogsearch.search;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import io.blogsearch.index.Indexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Known-item tuning of field weights and BM25 parameters on the GitLab Handbook: each page with a
 * front-matter description (a human summary, not part of the indexed text) gives a query of its
 * first few content words, and the page itself is the answer. Prints MRR@10 and success@1/@10 per
 * configuration. Not a test; run scripts/tune-relevance.sh.
 */
public final class RelevanceTuning {
  record Config(String name, FieldWeights w, float k1, float b) {}

  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    HandbookCorpus.Corpus corpus = HandbookCorpus.load(BenchCorpus.HANDBOOK);
    Path dir = Files.createTempDirectory("tune-index");
    List<io.blogsearch.extract.Article> articles = corpus.blog().posts().stream().map(BenchCorpus::toArticle).toList();
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, dir);
    List<String[]> queries = knownItemQueries(corpus, words);
    System.out.printf("%d known-item queries of %d words%n", queries.size(), words);
    List<Config> configs = new ArrayList<>();
    for (double title : new double[] {1, 2, 3, 5}) {
      for (double cat : new double[] {0, 1.5}) {
        for (double tie : new double[] {0, 0.3, 1.0}) {
          for (float[] bm : new float[][] {{1.2f, 0.75f}, {0.9f, 0.4f}}) {
            configs.add(new Config(String.format(Locale.ROOT, "title %.0f cat %.1f tie %.1f k1 %.1f b %.2f", title, cat, tie, bm[0], bm[1]),
                new FieldWeights(title, 2.0, cat, 1.0, 1.0, 0.25, tie), bm[0], bm[1]));
          }
        }
      }
    }
    SearchOptions base = SearchOptions.defaults(BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), BlogAnalyzers.Stemmer.PORTER));
    VisitorQueryParser parser = new VisitorQueryParser();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      System.out.println("config                                          MRR@10   S@1    S@10   (AND, relaxed to OR when empty)");
      for (Config c : configs) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BM25Similarity(c.k1(), c.b()));
        QueryFactory f = new QueryFactory(BlogAnalyzers.query(base.stemmer(), base.synonyms()), c.w());
        System.out.println(knownItems(c.name(), s, f, parser, queries));
      }
    }
    stemmers(articles, queries);
    matching(dir, base, queries);
    feedback(dir, base, queries);
  }

  /**
   * The known-item queries: for each page with a description, {@code words} consecutive content
   * words of it (seeded, so every run asks the same) and the page's URL.
   */
  static List<String[]> knownItemQueries(HandbookCorpus.Corpus corpus, int words) {
    List<String[]> queries = new ArrayList<>();
    Random r = new Random(7);
    for (Map.Entry<String, String> e : corpus.descriptions().entrySet()) {
      List<String> content = Arrays.stream(e.getValue().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
          .filter(t -> t.length() > 2 && !BlogAnalyzers.STOP_WORDS.contains(t) && !t.equals("gitlab")).toList();
      if (content.size() >= words) {
        int start = r.nextInt(content.size() - words + 1);
        SamplePost p = corpus.blog().bySlug(e.getKey()).orElseThrow();
        queries.add(new String[] {String.join(" ", content.subList(start, start + words)), BenchCorpus.BASE + p.path()});
      }
    }
    return queries;
  }

  /** A ranking under test: the URLs of its top 10 for a query, best first. */
  interface Ranker {
    List<String> top10(String query) throws java.io.IOException;
  }

  /** MRR@10, success@1 and success@10 of a ranking over the known-item queries, as a table row. */
  private static String score(String name, Ranker ranker, List<String[]> queries) throws java.io.IOException {
    double mrr = 0;
    int s1 = 0;
    int s10 = 0;
    for (String[] q : queries) {
      int rank = ranker.top10(q[0]).indexOf(q[1]);
      if (rank >= 0) {
        mrr += 1.0 / (rank + 1);
        s1 += rank == 0 ? 1 : 0;
        s10++;
      }
    }
    int n = queries.size();
    return String.format(Locale.ROOT, "%-46s %6.4f %6.4f %6.4f", name, mrr / n, s1 / (double) n, s10 / (double) n);
  }

  private static List<String> urls(IndexSearcher s, Query q) throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : s.search(q, 10).scoreDocs) {
      out.add(s.storedFields().document(sd.doc).get(IndexSchema.URL));
    }
    return out;
  }

  /** The site's query: every word required, relaxed to any word when nothing matches. */
  private static String knownItems(String name, IndexSearcher s, QueryFactory f, VisitorQueryParser parser,
      List<String[]> queries) throws java.io.IOException {
    return score(name, text -> {
      ParsedQuery parsed = parser.parse(text);
      List<String> top = urls(s, f.build(parsed, false));
      return top.isEmpty() ? urls(s, f.build(parsed, true)) : top;
    }, queries);
  }

  /** The site's defaults with each stemmer (index and synonyms rebuilt with it). */
  private static void stemmers(List<io.blogsearch.extract.Article> articles, List<String[]> queries) throws Exception {
    System.out.println("stemmer, site defaults otherwise               MRR@10   S@1    S@10");
    for (BlogAnalyzers.Stemmer stemmer : BlogAnalyzers.Stemmer.values()) {
      Path dir = Files.createTempDirectory("tune-stemmer");
      new Indexer(stemmer).rebuild(articles, dir);
      SearchOptions o = SearchOptions.defaults(BlogAnalyzers.synonyms(Path.of("crawler-config/synonyms.txt"), stemmer));
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BM25Similarity(o.k1(), o.b()));
        QueryFactory f = new QueryFactory(BlogAnalyzers.query(stemmer, o.synonyms()), o.weights());
        System.out.println(knownItems(stemmer.name(), s, f, new VisitorQueryParser(), queries));
      }
      org.apache.lucene.util.IOUtils.rm(dir);
    }
  }

  /**
   * How many of a query's words must match? The site's query with every word required (relaxed
   * to any word when nothing matches), all but one word required, and any word.
   */
  private static void matching(Path dir, SearchOptions base, List<String[]> queries) throws Exception {
    System.out.println("words required, site defaults otherwise        MRR@10   S@1    S@10");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(reader);
      s.setSimilarity(new BM25Similarity(base.k1(), base.b()));
      QueryFactory f = new QueryFactory(BlogAnalyzers.query(base.stemmer(), base.synonyms()), base.weights());
      VisitorQueryParser parser = new VisitorQueryParser();
      System.out.println(knownItems("all (the site)", s, f, parser, queries));
      for (int missing : new int[] {1, 4}) {
        System.out.println(score(missing == 1 ? "all but one" : "any", text -> {
          ParsedQuery parsed = parser.parse(text);
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          ((BooleanQuery) f.build(parsed, true)).clauses().forEach(b::add);
          b.setMinimumNumberShouldMatch(Math.max(1, f.requiredClauses(parsed) - missing));
          return urls(s, b.build());
        }, queries));
      }
    }
  }

  /**
   * Does RM3 help a blog's short queries? The same known-item queries ranked any-word (the eval
   * command's retrieval) with the site's weights, without and with pseudo-relevance feedback.
   */
  private static void feedback(Path dir, SearchOptions base, List<String[]> queries) throws Exception {
    System.out.println("any-word ranking, site weights                  MRR@10   S@1    S@10");
    List<RelevanceModel.Settings> settings = new ArrayList<>();
    settings.add(null);
    settings.add(RelevanceModel.Settings.anserini());
    settings.add(new RelevanceModel.Settings(10, 20, 0.8, 0.1));
    settings.add(new RelevanceModel.Settings(5, 10, 0.7, 0.1));
    for (RelevanceModel.Settings fb : settings) {
      String name = fb == null ? "BM25, no feedback" : String.format(Locale.ROOT, "RM3 %d docs %d terms original %.1f",
          fb.feedbackDocs(), fb.feedbackTerms(), fb.originalWeight());
      try (RankedRetrieval retrieval = RankedRetrieval.open(dir, base,
          BlogAnalyzers.stopWords(BlogAnalyzers.StopList.LUCENE, base.stemmer()), fb)) {
        System.out.println(score(name, text -> retrieval.search(text, 10).stream().map(RankedRetrieval.Ranked::url).toList(),
            queries));
      }
    }
  }
}
