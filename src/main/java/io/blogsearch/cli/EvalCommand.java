package io.blogsearch.cli;

import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.eval.RankingMetrics;
import io.blogsearch.eval.SmartCollection;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.fusion.ReciprocalRankFusion;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import io.blogsearch.search.FieldWeights;
import io.blogsearch.search.RankedRetrieval;
import io.blogsearch.search.RelevanceModel;
import io.blogsearch.search.SearchMode;
import io.blogsearch.search.SearchOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval}: indexes a test collection with the site's analysis and scoring, runs its queries,
 * writes a TREC run file and prints MAP, nDCG@10, P@10, P@30 and Recall@100.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate ranking on a test collection (e.g. CACM) with the site's analysis and scoring.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--format", description = "Collection format (only: smart).", defaultValue = "smart")
  String format;

  @Option(names = "--docs", required = true, description = "Documents file (SMART: .I/.T/.W/.A…).")
  Path docs;

  @Option(names = "--queries", required = true, description = "Queries file (SMART).")
  Path queries;

  @Option(names = "--qrels", required = true, description = "Judgements: lines 'qid docid …'.")
  Path qrels;

  @Option(names = "--run", description = "Write a TREC run file here.")
  Path runFile;

  @Option(names = "--k1", defaultValue = "1.2", description = "BM25 k1 (default: ${DEFAULT-VALUE}).")
  float k1;

  @Option(names = "--b", defaultValue = "0.75", description = "BM25 b (default: ${DEFAULT-VALUE}).")
  float b;

  @Option(names = "--stemmer", defaultValue = "PORTER", description = "PORTER, KSTEM or NONE (default: ${DEFAULT-VALUE}).")
  BlogAnalyzers.Stemmer stemmer;

  @Option(names = "--title-weight", defaultValue = "2.0", description = "Weight of title matches (default: ${DEFAULT-VALUE}).")
  double titleWeight;

  @Option(names = "--author-weight", defaultValue = "1.0", description = "Weight of author matches (default: ${DEFAULT-VALUE}).")
  double authorWeight;

  @Option(names = "--tie-breaker", defaultValue = "1.0",
      description = "How per-field scores of a word combine: 0 best field, 1 sum (default: ${DEFAULT-VALUE}).")
  double tieBreaker;

  @Option(names = "--body-fields", defaultValue = "W", split = ",",
      description = "SMART fields indexed as the body, e.g. W,K for text and keywords (default: ${DEFAULT-VALUE}).")
  List<String> bodyFields;

  @Option(names = "--single-field",
      description = "Index title, text and authors as one body field (like Anserini's 'contents').")
  boolean singleField;

  @Option(names = "--query-stopwords", defaultValue = "LUCENE",
      description = "Words dropped from queries: LUCENE (33), SNOWBALL (~175) or NONE (default: ${DEFAULT-VALUE}).")
  BlogAnalyzers.StopList queryStopWords;

  @Option(names = "--rm3", description = "Expand queries with RM3 pseudo-relevance feedback (as Anserini's Rm3Reranker).")
  boolean rm3;

  @Option(names = "--fb-docs", defaultValue = "10", description = "RM3 feedback documents (default: ${DEFAULT-VALUE}).")
  int fbDocs;

  @Option(names = "--fb-terms", defaultValue = "10", description = "RM3 expansion terms (default: ${DEFAULT-VALUE}).")
  int fbTerms;

  @Option(names = "--original-weight", defaultValue = "0.5", description = "RM3 weight of the original query (default: ${DEFAULT-VALUE}).")
  double originalWeight;

  @Option(names = "--fb-max-df", defaultValue = "0.1",
      description = "RM3: terms in more than this share of documents never expand a query (default: ${DEFAULT-VALUE}).")
  double fbMaxDf;

  @Option(names = "--mode", defaultValue = "keyword",
      description = "keyword (BM25), semantic (nearest post vectors, bge) or hybrid (both, reciprocal rank fusion) "
          + "(default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--nearest", defaultValue = "50",
      description = "Semantic and hybrid: how many nearest documents the vector side ranks (default: ${DEFAULT-VALUE}, the site's).")
  int nearest;

  @Option(names = "--rrf-k", defaultValue = "60", description = "Hybrid: reciprocal rank fusion constant (default: ${DEFAULT-VALUE}).")
  int rrfK;

  @Option(names = "--embeddings", description = "Folder of the embedding cache, reused between runs (default: a temporary one).")
  Path embeddingsDir;

  @Override
  public Integer call() throws Exception {
    SearchMode searchMode;
    try {
      searchMode = SearchMode.parse(mode);
    } catch (io.blogsearch.search.BadRequestException e) {
      System.err.println("error: --" + e.getMessage());
      return Main.EXIT_CONFIG;
    }
    if (!format.equalsIgnoreCase("smart")) {
      System.err.println("error: unsupported --format " + format + " (supported: smart)");
      return Main.EXIT_CONFIG;
    }
    List<Article> articles = new ArrayList<>();
    for (SmartCollection.Record r : SmartCollection.read(docs)) {
      String authors = r.field("A").replace('\n', ';');
      List<String> body = new ArrayList<>();
      bodyFields.forEach(f -> body.add(r.field(f.strip())));
      articles.add(singleField
          ? new Article(r.id(), "", r.field("T") + "\n" + String.join("\n", body) + "\n" + authors, "", "", null, null,
              List.of(), List.of(), List.of(), List.of())
          : new Article(r.id(), r.field("T"), String.join("\n", body), "", authors, null, null,
              List.of(), List.of(), List.of(), List.of()));
    }
    Path dir = Files.createTempDirectory("eval-index");
    Path cacheDir = embeddingsDir != null ? embeddingsDir : dir.resolve("embeddings");
    try {
      Embedder embedder = searchMode == SearchMode.KEYWORD ? null : OnnxEmbedder.bgeSmall();
      Indexer.Vectors vectors = embedder == null ? Indexer.NO_VECTORS
          : new PostVectors(embedder, PassageText.DEFAULT, EmbeddingCache.open(cacheDir, embedder.modelId(), embedder.dimension()));
      return evaluate(articles, dir.resolve("index"), searchMode, vectors, embedder);
    } finally {
      org.apache.lucene.util.IOUtils.rm(dir);
    }
  }

  private int evaluate(List<Article> articles, Path dir, SearchMode searchMode, Indexer.Vectors vectors, Embedder embedder)
      throws Exception {
    new Indexer(stemmer, vectors).rebuild(articles, dir);
    SearchOptions options = new SearchOptions(stemmer, BlogAnalyzers.synonyms("", stemmer),
        singleField ? new FieldWeights(0, 0, 0, 0, 1.0, 0, tieBreaker)
            : new FieldWeights(titleWeight, 0, 0, authorWeight, 1.0, 0, tieBreaker), k1, b, Duration.ofSeconds(10));
    Map<String, List<String>> run = new LinkedHashMap<>();
    Map<String, Set<String>> judged = SmartCollection.qrels(qrels);
    RelevanceModel.Settings feedback = rm3 ? new RelevanceModel.Settings(fbDocs, fbTerms, originalWeight, fbMaxDf) : null;
    try (RankedRetrieval retrieval = RankedRetrieval.open(dir, options, BlogAnalyzers.stopWords(queryStopWords, stemmer), feedback);
        PrintWriter trec = runFile == null ? null : new PrintWriter(Files.newBufferedWriter(runFile, StandardCharsets.UTF_8))) {
      for (SmartCollection.Record q : SmartCollection.read(queries)) {
        String text = (q.field("W") + " " + q.field("A")).strip();
        if (text.isEmpty()) {
          continue;
        }
        String qid = String.valueOf(Integer.parseInt(q.id()));
        // the model is given the request's words, not the query's author names
        String meaning = q.field("W").isBlank() ? text : q.field("W").strip();
        List<RankedRetrieval.Ranked> ranked = switch (searchMode) {
          case KEYWORD -> retrieval.search(text, 1000);
          case SEMANTIC -> retrieval.nearest(embedder.embedQuery(meaning), nearest);
          case HYBRID -> fused(retrieval.search(text, 1000), retrieval.nearest(embedder.embedQuery(meaning), nearest));
        };
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
          ids.add(ranked.get(i).url());
          if (trec != null) {
            trec.printf(Locale.ROOT, "%s Q0 %s %d %.6f blogsearch%n", qid, ranked.get(i).url(), i + 1, ranked.get(i).score());
          }
        }
        run.put(qid, ids);
      }
    }
    RankingMetrics.Scores s = RankingMetrics.evaluate(run, judged);
    System.out.println(s.format());
    System.err.printf(Locale.ROOT, "mode %s%s%n", searchMode.id(), searchMode == SearchMode.KEYWORD ? ""
        : String.format(Locale.ROOT, " (%s, %d nearest%s)", embedder.modelId(), nearest,
            searchMode == SearchMode.HYBRID ? ", RRF k=" + rrfK : ""));
    System.err.printf(Locale.ROOT, "%d documents, %d queries run, %d judged; stemmer %s, BM25 k1=%.2f b=%.2f, body %s, %s, stop words %s%s%n",
        articles.size(), run.size(), s.queries(), stemmer, k1, b, String.join(",", bodyFields),
        singleField ? "single field" : String.format(Locale.ROOT, "title %.1f author %.1f tie %.2f", titleWeight, authorWeight, tieBreaker),
        queryStopWords,
        rm3 ? String.format(Locale.ROOT, ", RM3 %d docs %d terms original %.2f max df %.2f", fbDocs, fbTerms, originalWeight, fbMaxDf) : "");
    return 0;
  }

  /** The two rankings fused by reciprocal rank, the fused score as the run's score. */
  private List<RankedRetrieval.Ranked> fused(List<RankedRetrieval.Ranked> keyword, List<RankedRetrieval.Ranked> byVector) {
    List<ReciprocalRankFusion.Fused<String>> fused = new ReciprocalRankFusion(rrfK).fuse(List.of(
        keyword.stream().map(RankedRetrieval.Ranked::url).toList(), byVector.stream().map(RankedRetrieval.Ranked::url).toList()));
    return fused.stream().limit(1000).map(f -> new RankedRetrieval.Ranked(f.item(), (float) f.score())).toList();
  }
}
