package io.blogsearch.admin;

import io.blogsearch.bench.Medians;
import io.blogsearch.bench.Pages;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.Selectors;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.crawl.UrlOutcome;
import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.PageAnalysis;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PostVectors;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;

/**
 * Reindex time end to end — crawl over HTTP, index, related lists, publish — for the sample blog
 * or the Handbook served as a WordPress-style site on localhost: a full run, then incremental
 * runs with nothing changed and one post edited, each both the old way as the baseline (every
 * known URL validated with a conditional GET, {@code crawl.revalidateAfter: 0s}, and the whole
 * index rebuilt and published, {@code alwaysRebuild}) and the incremental way (sitemap-driven
 * recrawl: URLs whose sitemap lastmod is unchanged are not requested; nothing published when
 * nothing changed; the delta applied to a hard-linked copy). An edit changes the post's
 * modified date, hence its sitemap lastmod, as WordPress does. Then the bare
 * parse+extract+index of the same pages already in memory (2 threads parsing, no HTTP, no crawl
 * bookkeeping), whose rate over the full run's crawl+index rate is the pipeline's efficiency.
 * An edit counts as done when a search for a word only the edit added finds the post in the
 * serving index. Repeated for several rounds; medians printed last. With {@code semantic}, every
 * build also embeds the posts (bge-small, the site's passage text) and the related lists use their
 * vectors, and an edit changes the post's opening (so it is embedded again); the embeddings cache (system property {@code bench.embeddings}, default
 * {@code ../cache/reindex-<corpus>}) survives the rounds, so only the first one embeds every post.
 * Not a test; run scripts/bench-reindex.sh [sample|handbook] [rounds] [semantic].
 */
public final class ReindexBenchmark {
  private static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));

  private final Map<String, List<Double>> figures = new LinkedHashMap<>();
  private final SampleBlog blog;
  private final SampleBlogServer server;
  private final TimedVectors vectors;
  private Instant lastEdit;

  private ReindexBenchmark(SampleBlog blog, SampleBlogServer server, TimedVectors vectors) {
    this.blog = blog;
    this.server = server;
    this.vectors = vectors;
  }

  /** The posts' vectors through the embeddings cache, timing each call (embedding is part of the build). */
  private static final class TimedVectors implements Indexer.Vectors {
    private final Indexer.Vectors inner;
    private double lastSeconds;

    TimedVectors(Indexer.Vectors inner) {
      this.inner = inner;
    }

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public Map<String, float[]> of(java.util.Collection<Article> articles) {
      long t0 = System.nanoTime();
      try {
        return inner.of(articles);
      } finally {
        lastSeconds = (System.nanoTime() - t0) / 1e9;
      }
    }

    /** Seconds the last call took, then 0 until the next one. */
    double takeSeconds() {
      double s = lastSeconds;
      lastSeconds = 0;
      return s;
    }
  }

  public static void main(String[] args) throws Exception {
    String corpus = args.length > 0 ? args[0] : "sample";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean semantic = args.length > 2 && args[2].equals("semantic");
    TimedVectors vectors = null;
    if (semantic) {
      Path cache = Path.of(System.getProperty("bench.embeddings", "../cache/reindex-" + corpus));
      vectors = new TimedVectors(PostVectors.forSite(OnnxEmbedder.bgeSmall(), cache, (done, total) -> { }));
      System.out.println("semantic: bge-small vectors, embeddings cache " + cache.toAbsolutePath().normalize());
    }
    SampleBlog blog = corpus.equals("handbook")
        ? HandbookCorpus.load(Path.of("../shared/corpora/handbook/content")).blog() : SampleBlog.load();
    ReindexBenchmark bench;
    try (SampleBlogServer server = new SampleBlogServer(blog, 0, Duration.ZERO)) {
      bench = new ReindexBenchmark(blog, server, vectors);
      for (int round = 1; round <= rounds; round++) {
        bench.round(round, corpus);
      }
    }
    System.out.printf("%nmedians of %d rounds (%s)%n", rounds, corpus);
    bench.figures.forEach((name, xs) -> System.out.printf(Locale.ROOT, "%-52s %9.2f   %s%n", name, Medians.of(xs),
        xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()));
    double base = Medians.of(bench.figures.get("incremental, 0 changed, baseline: total s"));
    double now = Medians.of(bench.figures.get("incremental, 0 changed, new: total s"));
    double crawl = Medians.of(bench.figures.get("incremental, 0 changed, new: crawl s"));
    System.out.printf(Locale.ROOT, "0 changed: new / baseline = %.2f (target <= 0.25); crawl share of the new run %.0f %%%n",
        now / base, 100 * crawl / now);
    System.out.printf(Locale.ROOT, "1 URL edited (URL job), new: %.2f s until searchable (target <= 3 s)%n",
        Medians.of(bench.figures.get("1 URL edited (URL job), new: total s")));
    if (semantic) {
      System.out.printf(Locale.ROOT, "1 URL edited (URL job), new: vector + related lists %.2f s of the job (target <= 2 s)%n",
          Medians.of(bench.figures.get("1 URL edited (URL job), new: embed+related s")));
    }
  }

  private void round(int round, String corpus) throws Exception {
    Path data = Files.createTempDirectory("bench-reindex");
    SiteConfig site = new ConfigLoader().parse("name: bench\nseeds: [" + server.baseUrl() + "/]\n"
        + "politeness: {concurrencyPerHost: 4, delay: 0ms}\nlimits: {maxPages: 100000, maxDepth: 1000}\n").withDataDir(data);
    SiteConfig everyUrl = site.withCrawl(new SiteConfig.Crawl(Duration.ZERO));
    long t0 = System.nanoTime();
    CrawlReport full = new Crawler(site).crawl(p -> { }, CrawlPlan.full(), () -> false);
    long t1 = System.nanoTime();
    IndexBuilder.Result built = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER, (g, markServing) -> {
      ServingManager.verify(g, OPTIONS);
      markServing.run();
    }, vectors(), false, IndexBuilder.Sources.of(site)).build(true, () -> false);
    long t2 = System.nanoTime();
    print(round, "full reindex of " + corpus, full, built, t0, t1, t2);
    record("full", full, built, t0, t1, t2);
    List<String> pages = full.outcomes().stream().filter(o -> o.status() == 200).map(UrlOutcome::url).toList();
    double crawlIndexSec = (t1 - t0) / 1e9 + built.stats().millis() / 1e3;
    try (ServingManager serving = ServingManager.open(new Generations(site.generationsDir()), OPTIONS).orElseThrow()) {
      run(round, everyUrl, serving, "incremental, 0 changed, baseline", CrawlPlan.incremental(), true, null);
      run(round, site, serving, "incremental, 0 changed, new", CrawlPlan.incremental(), false, null);
      SamplePost edited = blog.posts().get(blog.posts().size() / 2);
      String url = server.baseUrl() + edited.path();
      run(round, everyUrl, serving, "1 URL edited (URL job), baseline", CrawlPlan.urls(List.of(url)), true, edit(edited, round, "base"));
      run(round, site, serving, "1 URL edited (URL job), new", CrawlPlan.urls(List.of(url)), false, edit(edited, round, "new"));
      run(round, site, serving, "incremental, 1 edited, new", CrawlPlan.incremental(), false, edit(edited, round, "inc"));
    }
    double bareSec = bareParseAndIndex(pages);
    double pipeline = pages.size() / crawlIndexSec;
    double bare = pages.size() / bareSec;
    System.out.printf(Locale.ROOT, "round %d: %d pages: crawl+index %.1f pages/s; bare parse+extract+index %.1f pages/s (%.1f s); ratio %.2f%n",
        round, pages.size(), pipeline, bare, bareSec, pipeline / bare);
    figures.computeIfAbsent("pipeline crawl+index pages/s", k -> new ArrayList<>()).add(pipeline);
    figures.computeIfAbsent("bare parse+extract+index pages/s", k -> new ArrayList<>()).add(bare);
    figures.computeIfAbsent("ratio pipeline / bare", k -> new ArrayList<>()).add(pipeline / bare);
  }

  /** The word an edit adds: letters only, unique per round and scenario. */
  private static String word(int round, String scenario) {
    return "zqx" + scenario + (char) ('a' + round) + "edit";
  }

  /**
   * Revises {@code p} on the site with a new closing paragraph and a modified date a second after
   * the previous edit's (so each edit has its own lastmod); returns the word only it holds.
   */
  private String edit(SamplePost p, int round, String scenario) {
    String word = word(round, scenario);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    lastEdit = lastEdit != null && !now.isAfter(lastEdit) ? lastEdit.plusSeconds(1) : now;
    server.revise(new SamplePost(p.id(), p.slug(), p.title(), p.author(), p.published(), lastEdit, p.categories(),
        p.tags(), p.similar(), editedBody(p.body(), word), p.comments()));
    return word;
  }

  /**
   * The body with a paragraph holding {@code word}: at the end, or with vectors at the start, so the
   * embedded passage (title + opening words) changes and the post must be embedded again.
   */
  private String editedBody(String body, String word) {
    String paragraph = "Edited for the benchmark: the " + word + " paragraph.";
    return vectors == null ? body + "\n\n" + paragraph : paragraph + "\n\n" + body;
  }

  /**
   * One job as {@link ReindexJobs} runs it — crawl, build, publish into {@code serving} — timed
   * from its start until it is done; with {@code word}, until a search for it finds the post.
   */
  private void run(int round, SiteConfig site, ServingManager serving, String name, CrawlPlan plan, boolean baseline,
      String word) throws InterruptedException {
    long t0 = System.nanoTime();
    CrawlStore store = new CrawlStore(site.crawlDir()); // as a reindex job does: one store for crawl and build
    CrawlReport report = new Crawler(site, store).crawl(p -> { }, plan, () -> false);
    long t1 = System.nanoTime();
    IndexBuilder.Result result = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER, serving::publish,
        vectors(), baseline, new IndexBuilder.Sources(baseline ? new CrawlStore(site.crawlDir()) : store,
        new PushStore(site.pushDir()))).build(false, () -> false);
    long t2 = System.nanoTime();
    if (word != null) {
      long found = serving.with(s -> s.search().search(SearchRequest.of(word)).total());
      if (found != 1) {
        throw new IllegalStateException(name + ": a search for " + word + " finds " + found + " posts");
      }
    }
    long t3 = System.nanoTime();
    print(round, name + " (" + result.build().name().toLowerCase(Locale.ROOT) + ", " + result.delta() + ")", report,
        result, t0, t1, t2);
    record(name, report, result, t0, t1, t3);
  }

  private static void print(int round, String name, CrawlReport report, IndexBuilder.Result result, long t0, long t1, long t2) {
    System.out.printf(Locale.ROOT, "round %d: %s: %.2f s total = crawl %.2f s (%d requests, %.0f/s, %d posts, %d not modified, "
            + "%d unchanged by sitemap) + build %.2f s (index %.2f s, %d of %d docs written; related %.2f s, %d lists recomputed; open, smoke test, publish)%n",
        round, name, (t2 - t0) / 1e9, (t1 - t0) / 1e9, report.requests(), report.requests() / ((t1 - t0) / 1e9),
        report.articles(), report.count(Outcome.NOT_MODIFIED), report.count(Outcome.UNCHANGED_BY_SITEMAP), (t2 - t1) / 1e9, result.stats().millis() / 1e3,
        result.stats().written(), result.stats().documents(), result.published() ? result.related().computedMillis() / 1e3 : 0,
        result.published() ? result.related().recomputed() : 0);
  }

  private Indexer.Vectors vectors() {
    return vectors == null ? Indexer.NO_VECTORS : vectors;
  }

  private void record(String name, CrawlReport report, IndexBuilder.Result result, long t0, long t1, long t2) {
    if (vectors != null) {
      double embed = vectors.takeSeconds();
      double related = result.published() ? result.related().computedMillis() / 1e3 : 0;
      figures.computeIfAbsent(name + ": embed s", k -> new ArrayList<>()).add(embed);
      figures.computeIfAbsent(name + ": embed+related s", k -> new ArrayList<>()).add(embed + related);
      System.out.printf(Locale.ROOT, "  embedding %.2f s%n", embed);
    }
    figures.computeIfAbsent(name + ": total s", k -> new ArrayList<>()).add((t2 - t0) / 1e9);
    figures.computeIfAbsent(name + ": crawl s", k -> new ArrayList<>()).add((t1 - t0) / 1e9);
    figures.computeIfAbsent(name + ": build+publish s", k -> new ArrayList<>()).add((t2 - t1) / 1e9);
    figures.computeIfAbsent(name + ": index s", k -> new ArrayList<>()).add(result.stats().millis() / 1e3);
    figures.computeIfAbsent(name + ": related s", k -> new ArrayList<>())
        .add(result.published() ? result.related().computedMillis() / 1e3 : 0);
  }

  /** Seconds to parse, extract and index pages whose HTML is already in memory. */
  private static double bareParseAndIndex(List<String> urls) throws Exception {
    List<String> html = Pages.html(urls);
    ArticleExtractor extractor = new ArticleExtractor(Selectors.wordpressDefaults(),
        new UrlNormalizer(Set.of()), false);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long t0 = System.nanoTime();
    List<Future<PageAnalysis>> parsed = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      String page = html.get(i);
      parsed.add(pool.submit(() -> extractor.analyze(url, Jsoup.parse(page, url))));
    }
    Map<String, Article> posts = new LinkedHashMap<>();
    for (Future<PageAnalysis> f : parsed) {
      f.get().article().ifPresent(a -> posts.put(a.url(), a));
    }
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(posts.values(), Files.createTempDirectory("bench-bare"));
    double sec = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return sec;
  }

}
