package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** Wires the stages for one site config: the composition root the commands share. */
final class SiteServices {
  private SiteServices() {}

  static SearchOptions searchOptions(SiteConfig site) {
    SynonymMap synonyms = site.service().synonyms() == null
        ? BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER)
        : BlogAnalyzers.synonyms(site.service().synonyms(), BlogAnalyzers.Stemmer.PORTER);
    SearchOptions d = SearchOptions.defaults(synonyms);
    return new SearchOptions(d.stemmer(), d.synonyms(), d.weights(), d.k1(), d.b(), site.service().queryTimeout());
  }

  /** Builds and publishes a new index generation from the site's crawl output. */
  static IndexBuilder.Result index(SiteConfig site, boolean fullRelated) {
    return new IndexBuilder(site, searchOptions(site).stemmer()).build(fullRelated, () -> false);
  }

  /** The newest stored post's URL, for example links; null when there is none. */
  static String examplePost(SiteConfig site) {
    return new CrawlStore(site.crawlDir()).loadArticles().values().stream()
        .filter(a -> a.published() != null)
        .max(java.util.Comparator.comparing(io.blogsearch.extract.Article::published))
        .map(io.blogsearch.extract.Article::url).orElse(null);
  }

  static ServingManager openServing(SiteConfig site) {
    return ServingManager.open(new Generations(site.generationsDir()), searchOptions(site)).orElseThrow(
        () -> new IllegalStateException("no index in " + site.generationsDir() + "; run `crawl` and `index` first"));
  }
}
