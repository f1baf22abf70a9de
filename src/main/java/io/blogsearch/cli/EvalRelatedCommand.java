package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
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
 * GitLab Handbook, same-section precision and recall of internal links.
 */
@Command(name = "eval-related", mixinStandardHelpOptions = true,
    description = "Measure related-post quality (evidence links hidden from the scorer).")
final class EvalRelatedCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--handbook", description = "Evaluate on the GitLab Handbook content folder instead (e.g. ../shared/corpora/handbook/content).")
  Path handbook;

  @Option(names = "--max-query-terms", description = "MoreLikeThis terms per query (default: the engine's).")
  Integer maxQueryTerms;

  @Option(names = "--min-term-freq", description = "MoreLikeThis minimum term frequency (default: the engine's).")
  Integer minTermFreq;

  @Option(names = "--content-only", description = "Also report a run that ignores categories and tags (pure text similarity).")
  boolean contentOnly;

  @Override
  public Integer call() throws Exception {
    List<Article> articles = new ArrayList<>();
    Map<String, Set<String>> links = new HashMap<>();
    SiteConfig.Related rules = SiteConfig.Related.defaults();
    if (handbook != null) {
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
    } else {
      SiteConfig site = siteOptions.load();
      rules = site.related();
      articles.addAll(new CrawlStore(site.crawlDir()).loadArticles().values());
      for (Article a : articles) {
        Set<String> urls = new HashSet<>();
        a.relatedLinks().forEach(l -> urls.add(l.url()));
        links.put(a.url(), urls);
      }
      System.out.printf("Site '%s': %d posts, %d Similar Posts links (evidence, hidden from the scorer)%n", site.name(),
          articles.size(), links.values().stream().mapToInt(Set::size).sum());
    }
    Path dir = Files.createTempDirectory("eval-related");
    Indexer.Stats stats = new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, dir);
    System.out.printf("indexed in %d ms%n", stats.millis());
    RelatedOptions options = RelatedOptions.defaults(rules).withSiteLinks(false);
    if (maxQueryTerms != null || minTermFreq != null) {
      options = options.withMlt(maxQueryTerms == null ? options.maxQueryTerms() : maxQueryTerms,
          minTermFreq == null ? options.minTermFreq() : minTermFreq, options.minDocFreq());
    }
    System.out.printf("MoreLikeThis: %d terms, min tf %d, min df %d%n", options.maxQueryTerms(), options.minTermFreq(), options.minDocFreq());
    report("default blend", articles, links, options, dir);
    if (contentOnly) {
      report("content only (no tags/categories)", articles, links, options.withShares(1, 0, 0), dir);
    }
    return 0;
  }

  private static void report(String label, List<Article> articles, Map<String, Set<String>> links, RelatedOptions options, Path dir) {
    RelatedSet set = new RelatedEngine(options, BlogAnalyzers.Stemmer.PORTER).compute(articles, dir, RelatedSet.empty(), List.of());
    System.out.printf("%s: all %d lists computed in %d ms%n", label, set.lists().size(), set.computedMillis());
    for (int k : new int[] {5, 10}) {
      System.out.println("  " + RelatedEvaluation.evaluate(articles, set, links, k).format());
    }
  }
}
