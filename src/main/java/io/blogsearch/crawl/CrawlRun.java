package io.blogsearch.crawl;

import io.blogsearch.extract.Article;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mutable state of one crawl, shared by its workers: the posts and URL state it started
 * from and is changing, the outcomes so far and the counters behind progress reports. Lives
 * exactly as long as one {@link Crawler#crawl} call.
 */
final class CrawlRun {
  final Instant startedAt = Instant.now();
  final long startNanos = System.nanoTime();
  final Map<String, Article> articles;
  final Map<String, UrlState> previousState;
  final Map<String, UrlState> state;
  final Map<String, String> canonicalClaims = new ConcurrentHashMap<>();
  final Set<String> offSiteLinks = ConcurrentHashMap.newKeySet();
  final ConcurrentLinkedQueue<UrlOutcome> outcomes = new ConcurrentLinkedQueue<>();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong responses = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicInteger pagesFetched = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  final AtomicInteger indexed = new AtomicInteger();
  final AtomicReference<String> stopReason = new AtomicReference<>();
  final AtomicReference<String> firstFailure = new AtomicReference<>();
  /** URLs an interrupted earlier crawl already fetched: not fetched again. */
  final Set<String> resumed;
  /** Text of continuation pages (2..N of a multi-page post) fetched on their own, by URL. */
  final Map<String, String> continuationText = new ConcurrentHashMap<>();
  private final CrawlJournal journal;

  CrawlRun(Map<String, Article> articles, Map<String, UrlState> previousState, Set<String> resumed,
      CrawlJournal journal) {
    this.articles = new ConcurrentHashMap<>(articles);
    this.previousState = Map.copyOf(previousState);
    this.state = new ConcurrentHashMap<>(previousState);
    this.resumed = Set.copyOf(resumed);
    this.journal = journal;
  }

  /** Stores a post (and journals it); returns the copy it replaced, or null. */
  Article putArticle(String key, Article a) {
    Article old = articles.put(key, a);
    journal.putArticle(key, a);
    return old;
  }

  /** Removes a stored post (and journals it); returns it, or null if there was none. */
  Article removeArticle(String key) {
    Article old = articles.remove(key);
    if (old != null) {
      journal.removeArticle(key);
    }
    return old;
  }

  void putState(String url, UrlState s) {
    state.put(url, s);
    journal.putState(url, s);
  }

  void removeState(String url) {
    if (state.remove(url) != null) {
      journal.removeState(url);
    }
  }

  void record(String url, Outcome outcome, int status, String reason) {
    outcomes.add(new UrlOutcome(url, outcome, status, reason));
    if (outcome == Outcome.ERROR) {
      errors.incrementAndGet();
      firstFailure.compareAndSet(null, url + ": " + reason);
    } else if (outcome == Outcome.INDEXED || outcome == Outcome.NOT_MODIFIED || outcome == Outcome.UNCHANGED_BY_SITEMAP) {
      indexed.incrementAndGet();
    }
  }

  /** Counts one HTTP exchange; {@code answered} when a status line arrived. */
  void countRequest(FetchResult r) {
    requests.addAndGet(r.attempts());
    bytes.addAndGet(r.body().length);
    if (r.status() > 0) {
      responses.incrementAndGet();
    } else if (r.failed()) {
      firstFailure.compareAndSet(null, r.url() + ": " + r.failure());
    }
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  Map<Outcome, Integer> counts() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (UrlOutcome o : outcomes) {
      counts.merge(o.outcome(), 1, Integer::sum);
    }
    return counts;
  }
}
