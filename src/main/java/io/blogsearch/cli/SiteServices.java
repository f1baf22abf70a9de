package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchService;
import io.blogsearch.web.ApiServer;
import java.nio.file.Files;
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

  /** Rebuilds the site's index from its crawl output. */
  static Indexer.Stats index(SiteConfig site) {
    var articles = new CrawlStore(site.crawlDir()).loadArticles();
    return new Indexer(searchOptions(site).stemmer()).rebuild(articles.values(), site.indexDir());
  }

  static SearchService openSearch(SiteConfig site) {
    if (!Files.isDirectory(site.indexDir())) {
      throw new IllegalStateException("no index in " + site.indexDir() + "; run `crawl` and `index` first");
    }
    return SearchService.open(site.indexDir(), searchOptions(site));
  }

  static ApiServer startApi(SiteConfig site, SearchService search, String host, int port) {
    return new ApiServer(search, new UrlNormalizer(site.stripQueryParams()), site.service().corsOrigins()).start(host, port);
  }
}
