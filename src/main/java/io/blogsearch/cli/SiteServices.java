package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.admin.WriterLock;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.index.Generations;
import io.blogsearch.encoder.Embedder;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PostVectors;
import io.blogsearch.search.QueryVectors;
import io.blogsearch.search.SearchMode;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SemanticSettings;
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

  /**
   * Builds a new index generation from the site's crawl output and publishes it once it has
   * opened and answered.
   *
   * @throws IndexBuilder.Refused when the index would shrink and {@code allowShrink} is false
   */
  static IndexBuilder.Result index(SiteConfig site, boolean fullRelated, boolean allowShrink, SemanticModel semantic) {
    SearchOptions options = searchOptions(site);
    Indexer.Vectors vectors = semantic.embedder().<Indexer.Vectors>map(
        e -> PostVectors.forSite(e, site.embeddingsDir(), new ConsoleProgress.Embedding(System.out))).orElse(Indexer.NO_VECTORS);
    return new IndexBuilder(site, options.stemmer(), (g, markServing) -> {
      ServingManager.verify(g, options);
      markServing.run();
    }, vectors).build(fullRelated, allowShrink, () -> false);
  }

  /**
   * The site's embedding model, loaded once for the process (its native libraries unpacked under
   * the data dir), or keyword-only with the reason logged.
   */
  static SemanticModel semanticModel(SiteConfig site) {
    return SemanticModel.load(site.semantic(), site.dataDir().resolve("native"));
  }

  /**
   * Makes this process the site's only writer ({@link WriterLock}), then removes generations a
   * crashed build left unfinished. Hold the lock for as long as the command writes.
   *
   * @param command the command taking the lock, shown to a refused writer
   * @param serverAdvice what to do instead when a running server holds the lock
   * @throws CommandRefused naming the holder when another writer has the lock
   */
  static WriterLock startWriting(SiteConfig site, String command, String serverAdvice) {
    WriterLock lock;
    try {
      lock = WriterLock.acquire(site.siteDir(), command);
    } catch (WriterLock.Held held) {
      String who = "(pid " + held.pid() + ", " + held.command() + ") holds " + site.siteDir();
      throw new CommandRefused(held.isServer() ? "a server " + who + ": " + serverAdvice
          : "another writer " + who + ": wait for it to finish");
    }
    try {
      new Generations(site.generationsDir()).removeUnfinished()
          .forEach(g -> System.out.println("Removed unfinished generation " + g.name() + " (left by an interrupted build)"));
      return lock;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The newest stored post's URL, for example links; null when there is none. */
  static String examplePost(SiteConfig site) {
    return new CrawlStore(site.crawlDir()).loadArticles().values().stream()
        .filter(a -> a.published() != null)
        .max(java.util.Comparator.comparing(io.blogsearch.extract.Article::published))
        .map(io.blogsearch.extract.Article::url).orElse(null);
  }

  /** Hybrid and semantic search settings of the site, with {@code embedder} for queries (null: keyword only). */
  static SemanticSettings semanticSettings(SiteConfig site, Embedder embedder) {
    if (embedder == null) {
      return SemanticSettings.keywordOnly();
    }
    return SemanticSettings.of(new QueryVectors(embedder), SearchMode.parse(site.semantic().searchMode()), site.semantic().rrfK());
  }

  /**
   * @param semantic embeds queries for hybrid and semantic search; without a model, keyword search only
   * @throws CommandRefused when the serving generation has another index layout than this build reads
   */
  static ServingManager openServing(SiteConfig site, SemanticModel semantic) {
    Embedder embedder = semantic.embedder().orElse(null);
    try {
      return ServingManager.open(new Generations(site.generationsDir()), searchOptions(site),
          semanticSettings(site, embedder)).orElseThrow(
          () -> new IllegalStateException("no index in " + site.generationsDir() + "; run `crawl` and `index` first"));
    } catch (Generations.LayoutMismatch old) {
      throw new CommandRefused("cannot serve " + old.getMessage() + " (`index --full` with the server stopped)");
    }
  }
}
