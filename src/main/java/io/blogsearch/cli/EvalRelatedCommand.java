package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedEvaluation;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval-related}: measures related-post quality with the evidence hidden from the scorer:
 * on a crawled site, recall of its own Similar Posts links and same-category precision; on the
 * GitLab Handbook, same-section precision and recall of internal links. Figures are given for all
 * posts and for each half ({@link RelatedEvaluation#inTuningHalf}); {@code --tune} picks the
 * semantic weight on the tuning half and reports it on the held-out one.
 */
@Command(name = "eval-related", mixinStandardHelpOptions = true,
    description = "Measure related-post quality (evidence links hidden from the scorer).")
final class EvalRelatedCommand implements Callable<Integer> {
  /** Which content score the lists use. */
  enum Mode { keyword, semantic, hybrid }

  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--handbook", description = "Evaluate on the GitLab Handbook content folder instead (e.g. ../shared/corpora/handbook/content).")
  Path handbook;

  @Option(names = "--mode", description = "keyword (words only), semantic (the posts' vectors only) or hybrid (both fused; default).")
  Mode mode = Mode.hybrid;

  @Option(names = "--embeddings-dir", description = "Embedding cache to reuse between runs (default: the site's embeddings folder; "
      + "for the Handbook index-data/eval-related-handbook/embeddings).")
  Path embeddingsDir;

  @Option(names = "--semantic-weight", description = "Hybrid: share of meaning in the content score, 0-1 (default: the config's related.semanticWeight).")
  Double semanticWeight;

  @Option(names = "--fusion", description = "Hybrid: cosine (default), blend or rrf.")
  String fusionName = "cosine";

  @Option(names = "--tune", split = ",", description = "Semantic weights to try on the tuning half (e.g. 0,0.2,0.4,0.6,0.8,1); "
      + "the best by link recall + same-category P@5 is reported on the held-out half.")
  List<Double> tune;

  @Option(names = "--max-query-terms", description = "MoreLikeThis terms per query (default: the engine's).")
  Integer maxQueryTerms;

  @Option(names = "--min-term-freq", description = "MoreLikeThis minimum term frequency (default: the engine's).")
  Integer minTermFreq;

  @Option(names = "--content-only", description = "Also report a run that ignores categories and tags (pure text similarity).")
  boolean contentOnly;

  /** The posts, the evidence hidden from the scorer, and the list length that counts most. */
  private record Corpus(List<Article> articles, Map<String, Set<String>> links, SiteConfig.Related rules, Path embeddings,
      int primaryK) {}

  @Override
  public Integer call() throws Exception {
    Corpus corpus = handbook != null ? handbook() : site();
    Path dir = Files.createTempDirectory("eval-related");
    boolean vectors = mode != Mode.keyword || tune != null;
    Indexer indexer = new Indexer(BlogAnalyzers.Stemmer.PORTER, vectors ? postVectors(corpus.embeddings()) : Indexer.NO_VECTORS);
    Indexer.Stats stats = indexer.rebuild(corpus.articles(), dir);
    System.out.printf("indexed in %d ms (%s)%n", stats.millis(), vectors ? "with vectors, cache " + corpus.embeddings() : "no vectors");
    RelatedOptions options = RelatedOptions.defaults(corpus.rules()).withSiteLinks(false);
    if (maxQueryTerms != null || minTermFreq != null) {
      options = options.withMlt(maxQueryTerms == null ? options.maxQueryTerms() : maxQueryTerms,
          minTermFreq == null ? options.minTermFreq() : minTermFreq, options.minDocFreq());
    }
    double weight = switch (mode) {
      case keyword -> 0;
      case semantic -> 1;
      case hybrid -> semanticWeight != null ? semanticWeight : options.semanticWeight();
    };
    RelatedOptions.Fusion fusion = fusion();
    options = options.withSemantic(weight, fusion);
    System.out.printf("MoreLikeThis: %d terms, min tf %d, min df %d; mode %s, fusion %s, semantic weight %.2f%n",
        options.maxQueryTerms(), options.minTermFreq(), options.minDocFreq(), mode, fusion, weight);
    if (tune != null) {
      tune(corpus, options, dir);
      return 0;
    }
    report(mode + " (default blend)", corpus, options, dir);
    if (contentOnly) {
      report(mode + " content only (no tags/categories)", corpus, options.withShares(1, 0, 0), dir);
    }
    return 0;
  }

  private RelatedOptions.Fusion fusion() {
    try {
      return RelatedOptions.Fusion.valueOf(fusionName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--fusion must be blend, cosine or rrf (got \"" + fusionName + "\")");
    }
  }

  private Corpus handbook() {
    List<Article> articles = new ArrayList<>();
    Map<String, Set<String>> links = new HashMap<>();
    HandbookCorpus.Corpus corpus = HandbookCorpus.load(handbook);
    String base = "http://handbook.local";
    Map<String, String> urlBySlug = new HashMap<>();
    for (SamplePost p : corpus.blog().posts()) {
      articles.add(p.toArticle(base));
      urlBySlug.put(p.slug(), base + p.path());
    }
    corpus.links().forEach((slug, targets) -> {
      Set<String> urls = new HashSet<>();
      targets.forEach(t -> urls.add(urlBySlug.get(t)));
      links.put(urlBySlug.get(slug), urls);
    });
    System.out.printf("GitLab Handbook: %d pages, %d internal links (evidence, hidden from the scorer)%n", articles.size(),
        links.values().stream().mapToInt(Set::size).sum());
    Path cache = embeddingsDir != null ? embeddingsDir : Path.of("index-data", "eval-related-handbook", "embeddings");
    return new Corpus(articles, links, SiteConfig.Related.defaults(), cache, 10);
  }

  private Corpus site() {
    SiteConfig site = siteOptions.load();
    List<Article> articles = new ArrayList<>(new CrawlStore(site.crawlDir()).loadArticles().values());
    Map<String, Set<String>> links = new HashMap<>();
    for (Article a : articles) {
      Set<String> urls = new HashSet<>();
      a.relatedLinks().forEach(l -> urls.add(l.url()));
      links.put(a.url(), urls);
    }
    System.out.printf("Site '%s': %d posts, %d Similar Posts links (evidence, hidden from the scorer)%n", site.name(),
        articles.size(), links.values().stream().mapToInt(Set::size).sum());
    return new Corpus(articles, links, site.related(), embeddingsDir != null ? embeddingsDir : site.embeddingsDir(), 5);
  }

  private static Indexer.Vectors postVectors(Path cacheDir) {
    OnnxEmbedder embedder = OnnxEmbedder.bgeSmall();
    PassageText text = PassageText.DEFAULT;
    String id = embedder.modelId() + "/" + text.id();
    return new PostVectors(embedder, text, EmbeddingCache.open(cacheDir, id, embedder.dimension()));
  }

  /** Each weight on the tuning half; the best one again on the held-out half. */
  private void tune(Corpus corpus, RelatedOptions options, Path dir) {
    int k = corpus.primaryK();
    double best = Double.NaN;
    double bestObjective = -1;
    System.out.printf("tuning half, objective = link recall@%d + same-category P@5:%n", k);
    for (double w : tune) {
      RelatedSet set = compute(corpus, options.withSemantic(w, options.fusion()), dir);
      RelatedEvaluation.Result p5 = RelatedEvaluation.evaluate(corpus.articles(), set, corpus.links(), 5, RelatedEvaluation::inTuningHalf);
      RelatedEvaluation.Result rk = RelatedEvaluation.evaluate(corpus.articles(), set, corpus.links(), k, RelatedEvaluation::inTuningHalf);
      double objective = rk.linkRecall() + p5.categoryPrecision();
      System.out.printf(java.util.Locale.ROOT, "  weight %.2f: P@5 %.4f, recall@%d %.4f, objective %.4f (lists in %d ms)%n",
          w, p5.categoryPrecision(), k, rk.linkRecall(), objective, set.computedMillis());
      if (objective > bestObjective) {
        bestObjective = objective;
        best = w;
      }
    }
    System.out.printf(java.util.Locale.ROOT, "best weight on the tuning half: %.2f%n", best);
    report("held-out check, weight " + best, corpus, options.withSemantic(best, options.fusion()), dir);
  }

  private static RelatedSet compute(Corpus corpus, RelatedOptions options, Path dir) {
    return new RelatedEngine(options, BlogAnalyzers.Stemmer.PORTER).compute(corpus.articles(), dir, RelatedSet.empty(), List.of());
  }

  private static void report(String label, Corpus corpus, RelatedOptions options, Path dir) {
    RelatedSet set = compute(corpus, options, dir);
    System.out.printf("%s: all %d lists computed in %d ms%n", label, set.lists().size(), set.computedMillis());
    for (int k : new int[] {5, 10}) {
      System.out.println("  all       " + RelatedEvaluation.evaluate(corpus.articles(), set, corpus.links(), k).format());
      System.out.println("  tuning    " + RelatedEvaluation.evaluate(corpus.articles(), set, corpus.links(), k,
          RelatedEvaluation::inTuningHalf).format());
      System.out.println("  held-out  " + RelatedEvaluation.evaluate(corpus.articles(), set, corpus.links(), k,
          u -> !RelatedEvaluation.inTuningHalf(u)).format());
    }
  }
}
