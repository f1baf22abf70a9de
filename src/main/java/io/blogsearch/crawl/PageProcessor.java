package io.blogsearch.crawl;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.PageAnalysis;
import io.blogsearch.extract.PageKind;
import io.blogsearch.extract.UrlNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Handles one queued URL from robots check to outcome: leave it unrequested when the sitemaps
 * vouch for it ({@link SitemapRecrawl}), else fetch (conditionally when a copy is stored), then by
 * content either read a sitemap/feed for URLs or analyse an HTML page, store or drop the post,
 * and queue what it links to. Every path ends in exactly one report line.
 */
final class PageProcessor {
  private static final long MAX_DISCOVERY_BYTES = 10L * 1024 * 1024;

  private final SiteConfig config;
  private final CrawlRun run;
  private final Frontier frontier;
  private final CrawlScope scope;
  private final RobotsRules robots;
  private final HostThrottle throttle;
  private final HttpFetcher fetcher;
  private final ArticleExtractor extractor;
  private final UrlNormalizer urls;
  private final CrawlPlan plan;
  private final TrapGuard traps;
  private final SitemapRecrawl recrawl;
  private final DiscoveryReader discovery;

  PageProcessor(SiteConfig config, CrawlRun run, Frontier frontier, CrawlScope scope, RobotsRules robots,
      HostThrottle throttle, HttpFetcher fetcher, ArticleExtractor extractor, UrlNormalizer urls, CrawlPlan plan,
      TrapGuard traps, SitemapRecrawl recrawl) {
    this.config = config;
    this.run = run;
    this.frontier = frontier;
    this.scope = scope;
    this.robots = robots;
    this.throttle = throttle;
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.urls = urls;
    this.plan = plan;
    this.traps = traps;
    this.recrawl = recrawl;
    this.discovery = new DiscoveryReader(run, urls, recrawl, this::enqueue);
  }

  /** Queues a URL found at {@code depth} unless it is out of scope or too deep. */
  void enqueue(String url, int depth, Frontier.Kind kind) {
    if (plan.mode() == CrawlPlan.Mode.URLS && depth > 0) {
      return;
    }
    switch (scope.check(url)) {
      case OTHER_HOST -> run.offSiteLinks.add(url);
      case EXCLUDED -> {
        if (frontier.markSeen(url)) {
          run.record(url, Outcome.EXCLUDED, 0, "matches the exclude/include rules");
        }
      }
      case IN -> {
        if (depth > config.limits().maxDepth() && kind != Frontier.Kind.DISCOVERY) {
          return;
        }
        Optional<String> trap = depth > 0 ? traps.refusal(url) : Optional.empty();
        if (trap.isPresent()) {
          if (frontier.markSeen(url)) {
            traps.dropped(trap.get());
          }
          return;
        }
        frontier.offer(new Frontier.Task(url, depth, kind));
      }
    }
  }

  /** Sitemaps the origin's robots.txt announces (loading it now), limited to allowed hosts. */
  List<String> announcedSitemaps(String origin) throws InterruptedException {
    return robots.forUrl(origin + "/", this::fetchRobots).sitemaps().stream().filter(scope::hostAllowed).toList();
  }

  void process(Frontier.Task task) throws InterruptedException {
    String url = task.url();
    RobotsRules.HostRules rules = robots.forUrl(url, this::fetchRobots);
    Duration robotsDelay = rules.crawlDelay().compareTo(config.politeness().maxCrawlDelay()) > 0
        ? config.politeness().maxCrawlDelay() : rules.crawlDelay();
    throttle.setDelay(rules.origin(), robotsDelay.compareTo(config.politeness().delay()) > 0
        ? robotsDelay : config.politeness().delay());
    // Queued before a trap rule was learned: drop it now rather than fetch it.
    Optional<String> trap = task.depth() > 0 ? traps.refusal(url) : Optional.empty();
    if (trap.isPresent()) {
      traps.dropped(trap.get());
      return;
    }
    if (!rules.allowed(url)) {
      run.record(url, Outcome.ROBOTS_BLOCKED, 0, rules.problem() != null ? rules.problem() : "disallowed by robots.txt");
      return;
    }
    UrlState prev = run.previousState.get(url);
    boolean haveCopy = plan.mode() != CrawlPlan.Mode.FULL && prev != null
        && (prev.kind() != PageKind.POST || run.articles.containsKey(prev.canonical()));
    SitemapRecrawl.Verdict verdict = recrawl.verdict(url, prev, haveCopy);
    if (verdict != SitemapRecrawl.Verdict.FETCH) {
      vouchedBySitemaps(task, prev, verdict);
      return;
    }
    if (run.pagesFetched.incrementAndGet() > config.limits().maxPages()) {
      run.stopReason.compareAndSet(null, "page limit of " + config.limits().maxPages() + " reached");
      frontier.stop();
      return;
    }
    if (prev != null && run.resumed.contains(url) && plan.mode() != CrawlPlan.Mode.URLS) {
      resumedWithoutFetch(task, prev);
      return;
    }
    long cap = task.kind() == Frontier.Kind.DISCOVERY ? Math.max(MAX_DISCOVERY_BYTES, config.limits().maxBodyBytes())
        : config.limits().maxBodyBytes();
    FetchResult r = fetch(url, haveCopy ? prev.etag() : null, haveCopy ? prev.lastModified() : null, cap, false);
    if (r.status() == 304 && haveCopy) {
      notModified(task, prev);
    } else if (r.failed()) {
      run.record(url, Outcome.ERROR, r.status(), r.failure() + attempts(r));
    } else if (r.status() == 404 || r.status() == 410) {
      gone(url, prev, r.status());
    } else if (r.status() != 200 && r.status() != 203) {
      run.record(url, Outcome.ERROR, r.status(), "HTTP " + r.status() + attempts(r));
    } else if (!r.finalUrl().equals(url) && !frontier.markSeen(r.finalUrl())) {
      run.record(url, Outcome.SKIPPED_DUPLICATE, r.status(), "redirects to " + r.finalUrl() + ", crawled separately");
    } else {
      String sniffed = ContentSniffer.kind(r.contentType(), r.body());
      if (sniffed.equals("html")) {
        page(task, r);
      } else if (sniffed.equals("xml") || task.kind() == Frontier.Kind.DISCOVERY) {
        discovery.read(task, r);
      } else {
        run.record(url, Outcome.SKIPPED_NON_HTML, r.status(), "content type " + (r.contentType().isEmpty() ? "missing" : r.contentType()));
      }
    }
  }

  private void page(Frontier.Task task, FetchResult r) {
    String url = task.url();
    Document doc = parse(task.url(), r);
    if (doc == null) {
      return;
    }
    PageAnalysis a = extractor.analyze(r.finalUrl(), doc);
    String robotsTag = r.xRobotsTag().toLowerCase(Locale.ROOT);
    boolean noindex = a.noindex() || robotsTag.contains("noindex") || robotsTag.contains("none");
    boolean nofollow = a.nofollow() || robotsTag.contains("nofollow") || robotsTag.contains("none");
    List<String> links = nofollow ? List.of() : a.links();
    boolean foreignCanonical = !scope.hostAllowed(a.canonicalUrl());
    String canonical = foreignCanonical ? r.finalUrl() : a.canonicalUrl();
    String note = foreignCanonical ? " (canonical " + a.canonicalUrl() + " is on a host not allowed: ignored)" : "";
    traps.fetched(url, canonical, a.kind() == PageKind.POST && a.article().isPresent());
    a.pagination().laterPages().forEach(frontier::markSeen);
    if (recrawl.followsLinksOf(url, a.kind(), run.previousState.get(url))) {
      links.forEach(l -> enqueue(l, task.depth() + 1, Frontier.Kind.PAGE));
    }
    a.feeds().forEach(f -> enqueue(f, task.depth() + 1, Frontier.Kind.DISCOVERY));
    if (a.pagination().isContinuation()) {
      continuation(task, r, a, links);
      return;
    }
    if (!canonical.equals(r.finalUrl())) {
      enqueue(canonical, task.depth(), Frontier.Kind.PAGE);
    }
    run.putState(url, validated(url, r, canonical, a.kind(), links));
    UrlState prev = run.previousState.get(url);
    String previousKey = prev != null && prev.canonical() != null ? prev.canonical() : url;
    if (a.kind() != PageKind.POST || a.article().isEmpty()) {
      boolean wasPost = run.removeArticle(previousKey) != null;
      Outcome o = wasPost ? Outcome.DELETED : a.kind() == PageKind.ARCHIVE ? Outcome.SKIPPED_ARCHIVE : Outcome.SKIPPED_NOT_POST;
      run.record(url, o, r.status(), (wasPost ? "no longer a post: " : "") + a.kindReason());
      return;
    }
    if (noindex) {
      boolean wasPost = run.removeArticle(canonical) != null;
      run.record(url, Outcome.SKIPPED_NOINDEX, r.status(), wasPost ? "noindex (stored copy removed)" : "noindex");
      return;
    }
    String claimedBy = run.canonicalClaims.putIfAbsent(canonical, url);
    if (claimedBy != null && !claimedBy.equals(url)) {
      run.record(url, Outcome.SKIPPED_DUPLICATE, r.status(), "canonical " + canonical + " already read from " + claimedBy);
      return;
    }
    Article article = a.article().get();
    if (foreignCanonical) {
      article = article.withUrl(canonical);
    }
    article = withLaterPages(article, a.pagination(), task.depth());
    Article old = run.putArticle(canonical, article);
    if (!previousKey.equals(canonical)) {
      run.removeArticle(previousKey);
    }
    String how = old == null ? "new post" : old.equals(article) ? "post unchanged" : "post updated";
    int pages = a.pagination().laterPages().size() + 1;
    run.record(url, Outcome.INDEXED, r.status(), how + (canonical.equals(url) ? "" : " as " + canonical)
        + (pages > 1 ? " (" + pages + " pages)" : "") + note);
  }

  /** Page 2..N of a multi-page post: its text belongs to page 1, which is queued; never a post itself. */
  private void continuation(Frontier.Task task, FetchResult r, PageAnalysis a, List<String> links) {
    String url = task.url();
    PageAnalysis.Pagination p = a.pagination();
    a.continuationText().ifPresent(text -> run.continuationText.put(url, text));
    run.putState(url, validated(url, r, p.firstPage(), PageKind.OTHER, links));
    if (p.firstPage() != null) {
      enqueue(p.firstPage(), task.depth(), Frontier.Kind.PAGE);
    }
    UrlState prev = run.previousState.get(url);
    boolean wasPost = run.removeArticle(prev != null && prev.canonical() != null ? prev.canonical() : url) != null;
    run.record(url, wasPost ? Outcome.DELETED : Outcome.SKIPPED_CONTINUATION, r.status(),
        "page " + p.page() + " of " + p.firstPage() + (wasPost ? ": not a post of its own (stored copy removed)" : ""));
  }

  /** Appends the text of pages 2..N, fetching those not already read in this crawl. */
  private Article withLaterPages(Article article, PageAnalysis.Pagination p, int depth) {
    for (String later : p.laterPages()) {
      String text = run.continuationText.get(later);
      if (text == null) {
        text = fetchContinuation(later, depth);
      }
      article = article.withBodyAppended(text);
    }
    return article;
  }

  private String fetchContinuation(String url, int depth) {
    if (scope.check(url) != CrawlScope.Verdict.IN) {
      return null;
    }
    try {
      if (!robots.forUrl(url, this::fetchRobots).allowed(url)) {
        run.record(url, Outcome.ROBOTS_BLOCKED, 0, "disallowed by robots.txt (page of a multi-page post)");
        return null;
      }
      FetchResult r = fetch(url, null, null, config.limits().maxBodyBytes(), false);
      if (r.failed() || r.status() != 200 && r.status() != 203) {
        run.record(url, Outcome.ERROR, r.status(), (r.failed() ? r.failure() : "HTTP " + r.status())
            + " (page of a multi-page post; its text is missing)");
        return null;
      }
      Document doc = parse(url, r);
      if (doc == null) {
        return null;
      }
      PageAnalysis a = extractor.analyze(r.finalUrl(), doc);
      List<String> links = a.nofollow() ? List.of() : a.links();
      run.putState(url, validated(url, r, a.pagination().firstPage(), PageKind.OTHER, links));
      links.forEach(l -> enqueue(l, depth + 1, Frontier.Kind.PAGE));
      run.record(url, Outcome.SKIPPED_CONTINUATION, r.status(), "page " + a.pagination().page() + " of "
          + a.pagination().firstPage() + ", read with it");
      return a.continuationText().orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Document parse(String url, FetchResult r) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(r.body()), ContentSniffer.charsetOf(r.contentType()), r.finalUrl());
    } catch (IOException e) {
      run.record(url, Outcome.ERROR, r.status(), "unreadable HTML: " + e.getMessage());
      return null;
    }
  }

  /** A URL an interrupted earlier crawl already fetched: its stored state stands, its links are followed. */
  private void resumedWithoutFetch(Frontier.Task task, UrlState prev) {
    prev.links().forEach(l -> enqueue(l, task.depth() + 1, Frontier.Kind.PAGE));
    if (prev.kind() == PageKind.POST && run.articles.containsKey(prev.canonical())) {
      run.canonicalClaims.putIfAbsent(prev.canonical(), task.url());
      run.record(task.url(), Outcome.NOT_MODIFIED, 0, "stored by the interrupted crawl; not fetched again");
    } else {
      Outcome o = prev.kind() == PageKind.ARCHIVE ? Outcome.SKIPPED_ARCHIVE : Outcome.SKIPPED_NOT_POST;
      run.record(task.url(), o, 0, "read by the interrupted crawl; not fetched again");
    }
  }

  /** The state of a page the server just answered for: validated now, with this crawl's sitemap lastmod. */
  private UrlState validated(String url, FetchResult r, String canonical, PageKind kind, List<String> links) {
    return new UrlState(r.etag(), r.lastModified(), canonical, kind, links,
        recrawl.lastmodToStore(url, run.previousState.get(url)), recrawl.now());
  }

  /**
   * A known URL left unrequested: its stored post and state stay exactly as they are. Its stored
   * links are followed only when the sitemaps do not cover discovery.
   */
  private void vouchedBySitemaps(Frontier.Task task, UrlState prev, SitemapRecrawl.Verdict verdict) {
    if (recrawl.followsStoredLinks(prev)) {
      prev.links().forEach(l -> enqueue(l, task.depth() + 1, Frontier.Kind.PAGE));
    }
    String why = verdict == SitemapRecrawl.Verdict.UNCHANGED_LASTMOD ? "sitemap lastmod unchanged; not requested"
        : "not requested: the sitemaps list every post";
    if (prev.kind() == PageKind.POST) {
      run.canonicalClaims.putIfAbsent(prev.canonical(), task.url());
      run.record(task.url(), Outcome.UNCHANGED_BY_SITEMAP, 0, why + ", stored copy kept");
    } else {
      run.record(task.url(), prev.kind() == PageKind.ARCHIVE ? Outcome.SKIPPED_ARCHIVE : Outcome.SKIPPED_NOT_POST, 0, why);
    }
  }

  private void notModified(Frontier.Task task, UrlState prev) {
    // not journaled: if the crawl is killed, the URL is merely validated again next time
    run.state.put(task.url(), prev.revalidated(recrawl.lastmodToStore(task.url(), prev),
        recrawl.validatedAfterNotModified(task.url(), prev)));
    if (recrawl.followsStoredLinks(prev)) {
      prev.links().forEach(l -> enqueue(l, task.depth() + 1, Frontier.Kind.PAGE));
    }
    if (prev.kind() == PageKind.POST) {
      run.canonicalClaims.putIfAbsent(prev.canonical(), task.url());
      run.record(task.url(), Outcome.NOT_MODIFIED, 304, "stored copy kept");
    } else {
      Outcome o = prev.kind() == PageKind.ARCHIVE ? Outcome.SKIPPED_ARCHIVE : Outcome.SKIPPED_NOT_POST;
      run.record(task.url(), o, 304, "not modified");
    }
  }

  private void gone(String url, UrlState prev, int status) {
    String key = prev != null && prev.canonical() != null ? prev.canonical() : url;
    run.removeState(url);
    if (run.removeArticle(key) != null) {
      run.record(url, Outcome.DELETED, status, "HTTP " + status + ": post removed");
    } else {
      run.record(url, Outcome.NOT_FOUND, status, "HTTP " + status);
    }
  }

  private FetchResult fetch(String url, String etag, String lastModified, long cap, boolean truncate)
      throws InterruptedException {
    String origin = RobotsRules.originOf(url);
    throttle.acquire(origin);
    try {
      FetchResult r = fetcher.fetch(url, etag, lastModified, cap, truncate, this::mayFollowRedirect);
      run.countRequest(r);
      return r;
    } finally {
      throttle.release(origin);
    }
  }

  private boolean mayFollowRedirect(String target) {
    if (scope.check(target) != CrawlScope.Verdict.IN) {
      return false;
    }
    try {
      return robots.forUrl(target, this::fetchRobots).allowed(target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Fetches robots.txt outside the host throttle (one small request per host and crawl), then
   * counts it against the host's delay. Robots loading therefore never waits for a slot, so
   * workers holding slots and loading robots for a redirect target cannot block each other.
   */
  private FetchResult fetchRobots(String robotsUrl) throws InterruptedException {
    if (!scope.hostAllowed(robotsUrl)) {
      return FetchResult.failure(robotsUrl, robotsUrl, 0, "host not allowed", 0);
    }
    FetchResult r = fetcher.fetch(robotsUrl, null, null, RobotsRules.MAX_ROBOTS_BYTES, true, scope::hostAllowed);
    throttle.requestStarted(RobotsRules.originOf(robotsUrl));
    run.countRequest(r);
    return r;
  }

  private static String attempts(FetchResult r) {
    return r.attempts() > 1 ? " after " + r.attempts() + " attempts" : "";
  }
}
