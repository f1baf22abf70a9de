package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.extract.PageKind;
import io.blogsearch.index.Indexer;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.related.RelatedStore;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.web.ApiServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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

  /** What {@link #index} produced. */
  record IndexResult(Indexer.Stats stats, RelatedSet related) {}

  /** Rebuilds the site's index from its crawl output, then its related lists (only those that can change). */
  static IndexResult index(SiteConfig site) {
    CrawlStore store = new CrawlStore(site.crawlDir());
    var articles = store.loadArticles();
    BlogAnalyzers.Stemmer stemmer = searchOptions(site).stemmer();
    RelatedSet previous = RelatedStore.load(site.indexDir());
    Indexer.Stats stats = new Indexer(stemmer).rebuild(articles.values(), site.indexDir());
    List<String> nonPosts = store.loadState().entrySet().stream()
        .filter(e -> e.getValue().kind() != PageKind.POST).map(Map.Entry::getKey).sorted().toList();
    RelatedSet related = new RelatedEngine(RelatedOptions.defaults(site.related()), stemmer)
        .compute(articles.values(), site.indexDir(), previous, nonPosts);
    RelatedStore.save(related, site.indexDir());
    return new IndexResult(stats, related);
  }

  /** The newest stored post's URL, for example links; null when there is none. */
  static String examplePost(SiteConfig site) {
    return new CrawlStore(site.crawlDir()).loadArticles().values().stream()
        .filter(a -> a.published() != null)
        .max(java.util.Comparator.comparing(io.blogsearch.extract.Article::published))
        .map(io.blogsearch.extract.Article::url).orElse(null);
  }

  static SearchService openSearch(SiteConfig site) {
    if (!Files.isDirectory(site.indexDir())) {
      throw new IllegalStateException("no index in " + site.indexDir() + "; run `crawl` and `index` first");
    }
    return SearchService.open(site.indexDir(), searchOptions(site));
  }

  static ApiServer startApi(SiteConfig site, SearchService search, String host, int port) {
    RelatedService related = new RelatedService(RelatedStore.load(site.indexDir()));
    return new ApiServer(search, () -> related, new UrlNormalizer(site.stripQueryParams()), site.service().corsOrigins())
        .start(host, port);
  }
}
