package io.blogsearch.crawl;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.UrlNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The crawl stage's façade: crawls one site as its config says and saves the result with
 * {@link CrawlStore}. A crawl starts from the seeds, the sitemaps robots.txt announces (or the
 * usual WordPress/Yoast locations) and every post stored by earlier crawls, so a recrawl
 * confirms, refreshes or deletes each known post. Posts it merely fails to reach are kept.
 * Full and incremental crawls read the sitemaps before any page (their lastmods decide, on an
 * incremental crawl, which known URLs need no request: {@link SitemapRecrawl}).
 */
public final class Crawler {
  private static final List<String> SITEMAP_PROBES = List.of("/wp-sitemap.xml", "/sitemap_index.xml", "/sitemap.xml");

  private final SiteConfig config;
  private final CrawlStore store;
  private final HostResolver resolver;
  private final Clock clock;

  public Crawler(SiteConfig config) {
    this(config, new CrawlStore(config.crawlDir()));
  }

  /** A crawler saving into {@code store} (a job shares it with the build after the crawl: one read of the output). */
  public Crawler(SiteConfig config, CrawlStore store) {
    this(config, store, HostResolver.SYSTEM, Clock.systemUTC());
  }

  /** A crawler that looks host names up with {@code resolver} (tests point names at local servers). */
  Crawler(SiteConfig config, HostResolver resolver) {
    this(config, new CrawlStore(config.crawlDir()), resolver, Clock.systemUTC());
  }

  /** A crawler whose validation times come from {@code clock} (tests of {@code crawl.revalidateAfter}). */
  Crawler(SiteConfig config, HostResolver resolver, Clock clock) {
    this(config, new CrawlStore(config.crawlDir()), resolver, clock);
  }

  private Crawler(SiteConfig config, CrawlStore store, HostResolver resolver, Clock clock) {
    this.config = config;
    this.store = store;
    this.resolver = resolver;
    this.clock = clock;
  }

  /**
   * Runs a crawl to the end (or to a limit) and saves its output. When no seed could be reached
   * at all the stored posts are left as they were and the report carries {@code fatalError}.
   */
  public CrawlReport crawl(CrawlListener listener) throws InterruptedException {
    return crawl(listener, CrawlPlan.incremental(), () -> false);
  }

  /**
   * Runs a crawl of the given plan. When {@code cancelled} turns true the crawl stops within a
   * fraction of a second and saves what it fetched so far, with a report saying it was cancelled.
   * Changes are journaled as they happen, so even a killed crawl keeps what it stored; until a
   * crawl completes, the next ones do not fetch again the URLs an unfinished one fetched.
   */
  public CrawlReport crawl(CrawlListener listener, CrawlPlan plan, BooleanSupplier cancelled) throws InterruptedException {
    try (CrawlJournal journal = store.openJournal()) {
      return crawl(listener, plan, cancelled, journal);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the crawl journal in " + store.dir(), e);
    }
  }

  private CrawlReport crawl(CrawlListener listener, CrawlPlan plan, BooleanSupplier cancelled, CrawlJournal journal)
      throws InterruptedException {
    UrlNormalizer urls = new UrlNormalizer(config.stripQueryParams());
    CrawlStore.Stored stored = store.load();
    CrawlRun run = new CrawlRun(stored.articles(), stored.state(), stored.interruptedUrls(), journal);
    TrapGuard traps = new TrapGuard(config.limits().trapBudget());
    Frontier frontier = new Frontier();
    CrawlScope scope = new CrawlScope(config);
    RobotsRules robots = new RobotsRules(config.politeness().userAgent(), config.politeness().respectRobots());
    HttpFetcher fetcher = new HttpFetcher(config.http(), config.politeness().userAgent(), urls,
        new AddressGuard(config, resolver));
    ArticleExtractor extractor = new ArticleExtractor(config.selectors(), urls, config.politeness().followNofollowLinks());
    boolean urlJob = plan.mode() == CrawlPlan.Mode.URLS;
    List<String> seeds = urlJob
        ? plan.urls().stream().map(u -> urls.normalize(u).orElse(null)).filter(u -> u != null).distinct().toList()
        : config.seeds().stream().map(s -> urls.normalize(s.toString()).orElseThrow()).toList();
    SitemapRecrawl recrawl = new SitemapRecrawl(plan.mode() == CrawlPlan.Mode.INCREMENTAL, Set.copyOf(seeds),
        config.crawl().revalidateAfter(), clock);
    PageProcessor processor = new PageProcessor(config, run, frontier, scope, robots,
        new HostThrottle(config.politeness().concurrencyPerHost()), fetcher, extractor, urls, plan, traps, recrawl);

    if (urlJob) {
      for (String origin : seeds.stream().map(RobotsRules::originOf).distinct().toList()) {
        processor.announcedSitemaps(origin);
      }
    } else {
      frontier.holdPages();
      recrawl.openListing();
      seedDiscovery(seeds, processor, urls);
    }
    seeds.forEach(s -> processor.enqueue(s, 0, Frontier.Kind.PAGE));
    if (!urlJob) {
      run.articles.keySet().forEach(known -> processor.enqueue(known, 0, Frontier.Kind.PAGE));
    }

    int workers = Math.min(64, config.politeness().concurrencyPerHost() * Math.max(1, config.allowedHosts().size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("crawl-worker"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("crawl-progress"));
    ticker.scheduleAtFixedRate(() -> listener.onProgress(progress(run, frontier)), 1, 1, TimeUnit.SECONDS);
    ticker.scheduleAtFixedRate(() -> checkpoint(run, traps, frontier), 0, 2, TimeUnit.SECONDS);
    ticker.scheduleAtFixedRate(() -> {
      if (cancelled.getAsBoolean()) {
        run.stopReason.compareAndSet(null, "cancelled");
        frontier.stop();
      }
    }, 100, 100, TimeUnit.MILLISECONDS);
    ticker.schedule(() -> {
      run.stopReason.compareAndSet(null, "time limit of " + config.limits().maxDuration() + " reached");
      frontier.stop();
    }, config.limits().maxDuration().toMillis(), TimeUnit.MILLISECONDS);
    try {
      runWorkers(pool, workers, frontier, processor, run);
      if (!urlJob) {
        // the sitemap phase is over: every lastmod is known before the first page is looked at
        recrawl.closeListing(stored.articles(), stored.state());
        frontier.releasePages();
        runWorkers(pool, workers, frontier, processor, run);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("crawl worker failed", e.getCause());
    } finally {
      ticker.shutdownNow();
      pool.shutdownNow();
      // a checkpoint still writing must not land after the final report
      ticker.awaitTermination(10, TimeUnit.SECONDS);
    }
    int notFetched = frontier.stop().size();
    listener.onProgress(progress(run, frontier));
    return finish(run, traps, seeds, notFetched, cancelled.getAsBoolean());
  }

  /** Queues the configured sitemaps and, per seed host, those robots.txt announces or the usual locations. */
  private void seedDiscovery(List<String> seeds, PageProcessor processor, UrlNormalizer urls)
      throws InterruptedException {
    config.sitemaps().forEach(s -> urls.normalize(s.toString()).ifPresent(u -> processor.enqueue(u, 0, Frontier.Kind.DISCOVERY)));
    Set<String> origins = new LinkedHashSet<>();
    seeds.forEach(s -> origins.add(RobotsRules.originOf(s)));
    for (String origin : origins) {
      List<String> announced = processor.announcedSitemaps(origin);
      List<String> sitemaps = announced.isEmpty() ? SITEMAP_PROBES.stream().map(p -> origin + p).toList() : announced;
      sitemaps.forEach(s -> urls.normalize(s).ifPresent(u -> processor.enqueue(u, 0, Frontier.Kind.DISCOVERY)));
    }
  }

  /** Runs {@code workers} workers until the frontier hands out no more work. */
  private static void runWorkers(ExecutorService pool, int workers, Frontier frontier, PageProcessor processor,
      CrawlRun run) throws InterruptedException, java.util.concurrent.ExecutionException {
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      running.add(pool.submit(() -> work(frontier, processor, run)));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  /** One worker: takes tasks until none are left. A page that throws is an error line; the crawl goes on. */
  private static void work(Frontier frontier, PageProcessor processor, CrawlRun run) {
    try {
      Frontier.Task task;
      while ((task = frontier.take()) != null) {
        try {
          processor.process(task);
        } catch (RuntimeException | StackOverflowError e) {
          run.record(task.url(), Outcome.ERROR, 0, "exception while processing: " + e.getClass().getName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
          frontier.done();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the report so far, so an interrupted crawl still says what it did (posts are journaled). */
  private void checkpoint(CrawlRun run, TrapGuard traps, Frontier frontier) {
    try {
      store.saveReport(report(run, traps, false, null, "in progress (interrupted if no crawl is running)",
          frontier.queued()));
    } catch (IOException | RuntimeException e) {
      // the next checkpoint or the final save tries again
    }
  }

  private CrawlReport finish(CrawlRun run, TrapGuard traps, List<String> seeds, int notFetched, boolean cancelled) {
    String fatal = null;
    if (cancelled) {
      run.stopReason.set("cancelled: what was fetched is kept");
    } else if (run.responses.get() == 0) {
      fatal = "no seed could be reached (" + String.join(", ", seeds) + "): "
          + (run.firstFailure.get() == null ? "no response" : run.firstFailure.get());
    }
    boolean complete = fatal == null && run.stopReason.get() == null;
    CrawlReport report = report(run, traps, complete, fatal, run.stopReason.get(), notFetched);
    try {
      if (fatal == null) {
        store.save(run.articles, run.state, report, complete);
      } else {
        store.saveReport(report);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }

  private CrawlReport report(CrawlRun run, TrapGuard traps, boolean complete, String fatal, String stopReason,
      int notFetched) {
    List<UrlOutcome> outcomes = new ArrayList<>(run.outcomes);
    outcomes.addAll(traps.reportLines());
    Map<Outcome, Integer> counts = run.counts();
    if (traps.droppedCount() > 0) {
      counts.put(Outcome.TRAP, traps.droppedCount());
    }
    int fetched = Math.max(1, run.pagesFetched.get());
    boolean degraded = run.errors.get() > config.limits().degradedErrorShare() * fetched;
    return new CrawlReport(config.name(), run.startedAt, Instant.now(), complete, degraded, fatal, stopReason,
        run.requests.get(), run.bytes.get(), run.articles.size(), counts, run.offSiteLinks.size(), notFetched,
        outcomes);
  }

  private static CrawlProgress progress(CrawlRun run, Frontier frontier) {
    return new CrawlProgress(run.requests.get(), frontier.queued(), run.errors.get(), run.indexed.get(), run.seconds());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
