package io.blogsearch.admin;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.index.IndexDelta;
import io.blogsearch.index.IndexSchema;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PostHashes;
import io.blogsearch.related.RelatedEngine;
import io.blogsearch.related.RelatedOptions;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.related.RelatedStore;
import io.blogsearch.search.SearchOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Builds a new index generation from a site's crawl output: Lucene index, then related lists
 * (reusing the serving generation's lists where nothing changed), then publish — only once the
 * new generation has opened and answered a smoke query. Cost follows the change: the crawl
 * output's posts are compared with the serving generation's by content hash; when nothing
 * changed nothing is written, otherwise the serving index is copied by hard links and only the
 * changed, new and deleted posts are applied to the copy. Until publish the serving generation is
 * untouched; a failure, refusal or cancellation leaves it serving and removes the new folder.
 */
public final class IndexBuilder {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexBuilder.class);

  /** Generations kept for rollback besides the current one. */
  public static final int KEEP_PREVIOUS = 2;
  /** A build holding fewer posts than this share of the serving generation's needs allow-shrink. */
  static final double SHRINK_LIMIT = 0.5;

  /** A delta writing more than this share of the posts is applied as a rebuild instead. */
  static final double REWRITE_SHARE = 0.5;

  /** How a build made its generation. */
  public enum Build {
    /** Every post written into a new index. */
    REBUILT,
    /** A copy of the serving index with only the changed posts rewritten and the deleted ones removed. */
    UPDATED,
    /** Nothing changed: no generation was written and the serving one stays. */
    UNCHANGED
  }

  /**
   * What a build produced.
   *
   * @param generation the new generation, or the serving one when {@link Build#UNCHANGED}
   * @param delta how the crawl output differs from the serving generation's posts (everything
   *     counts as added when the serving generation kept no post hashes)
   */
  public record Result(Generations.Generation generation, Indexer.Stats stats, RelatedSet related, Build build,
      IndexDelta delta) {
    /** Whether a new generation was published. */
    public boolean published() {
      return build != Build.UNCHANGED;
    }
  }

  /** Makes a built generation the serving one, if it opens and answers. */
  @FunctionalInterface
  public interface Publisher {
    /** @param markServing writes {@code COMPLETE} and moves {@code CURRENT}; run only once {@code g} has opened */
    void publish(Generations.Generation g, Runnable markServing);
  }

  /** Thrown when a build is cancelled between steps. */
  public static final class Cancelled extends RuntimeException {
    public Cancelled() {
      super("cancelled");
    }
  }

  /** Thrown, before anything is written, when the crawl output would shrink the index and shrinking was not allowed. */
  public static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why);
    }
  }

  private final SiteConfig site;
  private final BlogAnalyzers.Stemmer stemmer;
  private final Publisher publisher;
  private final Indexer.Vectors vectors;
  private final boolean alwaysRebuild;
  private final CrawlStore store;
  private final PushStore pushes;

  /** Publishes without a server: the new generation is opened and smoke-tested, then closed. */
  public IndexBuilder(SiteConfig site, SearchOptions options) {
    this(site, options.stemmer(), (g, markServing) -> {
      ServingManager.verify(g, options);
      markServing.run();
    });
  }

  /** As {@link #IndexBuilder(SiteConfig, SearchOptions)} with default search options for {@code stemmer}. */
  public IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer) {
    this(site, SearchOptions.defaults(BlogAnalyzers.synonyms("", stemmer)));
  }

  /** @param publisher e.g. {@link ServingManager#publish}, which swaps the running server to it */
  public IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer, Publisher publisher) {
    this(site, stemmer, publisher, false);
  }

  /** @param alwaysRebuild rebuild the whole index and publish even when nothing changed (the old way, for benchmarks) */
  IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer, Publisher publisher, boolean alwaysRebuild) {
    this(site, stemmer, publisher, Indexer.NO_VECTORS, alwaysRebuild, Sources.of(site));
  }

  /**
   * Where a build's posts come from: the crawl output with the pushed posts over it.
   *
   * @param crawl the crawl output; a reindex job shares it with its crawl and across jobs (a push job
   *     crawls nothing, so it reads what the store already holds)
   * @param pushes the pushed posts (the server's one store)
   */
  public record Sources(CrawlStore crawl, PushStore pushes) {
    /** Both read from the site's data dir now (a process without a server, e.g. {@code index}). */
    public static Sources of(SiteConfig site) {
      return new Sources(new CrawlStore(site.crawlDir()), new PushStore(site.pushDir()));
    }
  }

  /** @param vectors what posts are embedded with ({@link Indexer#NO_VECTORS}: keyword only) */
  public IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer, Publisher publisher, Indexer.Vectors vectors) {
    this(site, stemmer, publisher, vectors, Sources.of(site));
  }

  public IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer, Publisher publisher, Indexer.Vectors vectors,
      Sources sources) {
    this(site, stemmer, publisher, vectors, false, sources);
  }

  /** For benchmarks: {@code alwaysRebuild} as above. */
  IndexBuilder(SiteConfig site, BlogAnalyzers.Stemmer stemmer, Publisher publisher, Indexer.Vectors vectors,
      boolean alwaysRebuild, Sources sources) {
    this.store = sources.crawl();
    this.pushes = sources.pushes();
    this.site = site;
    this.stemmer = stemmer;
    this.publisher = publisher;
    this.vectors = vectors;
    this.alwaysRebuild = alwaysRebuild;
  }

  /** {@link #build(boolean, boolean, BooleanSupplier)} refusing to shrink the index. */
  public Result build(boolean fullRelated, BooleanSupplier cancelled) {
    return build(fullRelated, false, cancelled);
  }

  /**
   * @param full rebuild the whole index and recompute every related list (a full reindex)
   *     instead of applying only what changed since the serving generation
   * @param allowShrink publish even with no crawl output, no posts, or far fewer posts than now serve
   * @param cancelled checked between steps
   * @return an {@link Build#UNCHANGED} result naming the serving generation when the crawl output
   *     holds exactly the posts it serves: nothing is written then
   * @throws Refused when the index would shrink and {@code allowShrink} is false
   */
  public Result build(boolean full, boolean allowShrink, BooleanSupplier cancelled) {
    long t0 = System.nanoTime();
    // the one place pushed posts join the crawl output (pushed wins per URL; see PushStore)
    CrawlStore.Stored stored = pushes.overlay(store.load());
    Collection<Article> articles = stored.articles().values();
    Generations generations = new Generations(site.generationsDir());
    Optional<Generations.Generation> serving = generations.current();
    if (!allowShrink) {
      Optional<String> why = shrinkage(store.hasOutput() || pushes.hasRecords(), articles.size(), serving.map(IndexBuilder::documentsOrZero).orElse(0));
      if (why.isPresent()) {
        throw new Refused(why.get() + "; the serving index is unchanged");
      }
    }
    Inputs in = inputs(stored, serving, full);
    Indexer indexer = new Indexer(stemmer, vectors);
    RelatedEngine engine = new RelatedEngine(RelatedOptions.defaults(site.related()), stemmer);
    Optional<Generations.Generation> base = full || alwaysRebuild ? Optional.empty()
        : serving.filter(g -> indexer.canUpdateFrom(g.dir()));
    if (base.isPresent() && in.delta().isEmpty() && engine.upToDate(in.previous(), in.hashes().keySet())) {
      Generations.Generation g = base.get();
      Indexer.Stats stats = new Indexer.Stats(in.hashes().size(), 0, (System.nanoTime() - t0) / 1_000_000,
          Indexer.sizeOf(g.dir()), g.dir());
      return new Result(g, stats, in.previous(), Build.UNCHANGED, in.delta());
    }
    if (in.delta().written() + in.delta().deleted().size() > articles.size() * REWRITE_SHARE) {
      base = Optional.empty(); // writing every post once is cheaper than replacing most of them
    }
    Result result = write(generations, base, in, indexer, engine, cancelled);
    generations.cleanup(KEEP_PREVIOUS);
    return result;
  }

  /** What a build starts from besides the serving index. */
  private record Inputs(Collection<Article> articles, Map<String, String> hashes, IndexDelta delta, RelatedSet previous,
      List<String> nonPosts) {}

  /** @param full whether every related list is recomputed (then there are no previous lists) */
  private static Inputs inputs(CrawlStore.Stored stored, Optional<Generations.Generation> serving, boolean full) {
    Collection<Article> articles = stored.articles().values();
    List<String> nonPosts = stored.state().entrySet().stream()
        .filter(e -> e.getValue().kind() != PageKind.POST).map(Map.Entry::getKey).sorted().toList();
    Map<String, String> hashes = PostHashes.of(articles);
    IndexDelta delta = IndexDelta.between(serving.flatMap(g -> PostHashes.load(g.dir())).orElse(Map.of()), articles, hashes);
    RelatedSet previous = full ? RelatedSet.empty()
        : serving.filter(IndexBuilder::sameLayout).map(g -> RelatedStore.load(g.dir())).orElse(RelatedSet.empty());
    return new Inputs(articles, hashes, delta, previous, nonPosts);
  }

  /** Writes a new generation — from {@code base} updated by the delta, or rebuilt — and publishes it. */
  private Result write(Generations generations, Optional<Generations.Generation> base, Inputs in, Indexer indexer,
      RelatedEngine engine, BooleanSupplier cancelled) {
    Generations.Generation gen = generations.create();
    try {
      Indexer.Stats stats = base.map(g -> indexer.update(g.dir(), in.delta(), in.hashes(), gen.dir()))
          .orElseGet(() -> indexer.rebuild(in.articles(), in.hashes(), gen.dir()));
      if (cancelled.getAsBoolean()) {
        throw new Cancelled();
      }
      RelatedSet related = engine.compute(in.articles(), gen.dir(), in.previous(), in.nonPosts());
      RelatedStore.save(related, gen.dir());
      if (cancelled.getAsBoolean()) {
        throw new Cancelled();
      }
      publisher.publish(gen, () -> generations.publish(gen, "documents=" + stats.documents() + "\n"));
      forgetOtherVectors(in.articles());
      return new Result(gen, stats, related, base.isPresent() ? Build.UPDATED : Build.REBUILT, in.delta());
    } catch (RuntimeException e) {
      discard(generations, gen, e);
      throw e;
    }
  }

  /** Lets the embedding cache drop texts of posts gone or changed; a failure costs only disk space. */
  private void forgetOtherVectors(Collection<Article> live) {
    try {
      vectors.retainOnly(live);
    } catch (RuntimeException e) {
      LOG.warn("cannot compact the embedding cache (it keeps stale vectors): {}", e.getMessage());
    }
  }

  private static void discard(Generations generations, Generations.Generation gen, RuntimeException cause) {
    try {
      generations.discard(gen);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Why publishing {@code posts} posts would lose the site's index, or empty when it would not.
   *
   * @param crawled whether any crawl output exists
   * @param serving posts in the serving generation (0 if none)
   */
  static Optional<String> shrinkage(boolean crawled, int posts, int serving) {
    if (!crawled) {
      return Optional.of("there is no crawl output: run a crawl first");
    }
    if (posts == 0) {
      return Optional.of("the crawl output holds no posts");
    }
    if (posts < serving * SHRINK_LIMIT) {
      return Optional.of("the new index would hold " + posts + " posts, fewer than half of the " + serving + " now serving");
    }
    return Optional.empty();
  }

  private static int documentsOrZero(Generations.Generation g) {
    try {
      return Generations.documents(g);
    } catch (RuntimeException unreadable) {
      return 0;
    }
  }

  private static boolean sameLayout(Generations.Generation g) {
    try {
      return Generations.layout(g).equals(IndexSchema.VERSION);
    } catch (RuntimeException unreadable) {
      return false;
    }
  }
}
