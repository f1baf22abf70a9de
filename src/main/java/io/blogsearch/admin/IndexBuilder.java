package io.blogsearch.admin;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.index.Indexer;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.related.RelatedStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds a new index generation from a site's crawl output: Lucene index, then related lists
 * (reusing the serving generation's lists where nothing changed), then publish. Until publish
 * the serving generation is untouched; a failure or cancellation leaves the new folder
 * unpublished (removed by the next cleanup).
 */
public final class IndexBuilder {
  /** Generations kept for rollback besides the current one. */
  public static final int KEEP_PREVIOUS = 2;

  /** What a build produced. */
  public record Result(Generations.Generation generation, Indexer.Stats stats, RelatedSet related) {}

  /** Thrown when a build is cancelled between steps. */
  public static final class Cancelled extends RuntimeException {
    public Cancelled() {
      super("cancelled");
    }
  }

  private final SiteConfig site;
  private final BlogAnalyzers.Stemmer stemmer;

  public IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer) {
    this.site = site;
    this.stemmer = stemmer;
  }

  /**
   * @param fullRelated recompute every related list (a full reindex) instead of only those that can change
   * @param cancelled checked between steps
   */
  public Result build(boolean fullRelated, BooleanSupplier cancelled) {
    CrawlStore store = new CrawlStore(site.crawlDir());
    Collection<Article> articles = store.loadArticles().values();
    List<String> nonPosts = store.loadState().entrySet().stream()
        .filter(e -> e.getValue().kind() != PageKind.POST).map(Map.Entry::getKey).sorted().toList();
    Generations generations = new Generations(site.generationsDir());
    RelatedSet previous = fullRelated ? RelatedSet.empty()
        : generations.current().map(g -> RelatedStore.load(g.dir())).orElse(RelatedSet.empty());
    Generations.Generation gen = generations.create();
    Indexer.Stats stats = new Indexer(stemmer).rebuild(articles, gen.dir());
    if (cancelled.getAsBoolean()) {
      throw new Cancelled();
    }
    RelatedSet related = new RelatedEngine(RelatedOptions.defaults(site.related()), stemmer)
        .compute(articles, gen.dir(), previous, nonPosts);
    RelatedStore.save(related, gen.dir());
    if (cancelled.getAsBoolean()) {
      throw new Cancelled();
    }
    generations.publish(gen, "documents=" + stats.documents() + "\n");
    generations.cleanup(KEEP_PREVIOUS);
    return new Result(gen, stats, related);
  }
}
