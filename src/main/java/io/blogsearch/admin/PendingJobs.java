package io.blogsearch.admin;

import io.blogsearch.crawl.CrawlPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The jobs waiting behind the running one, oldest first, coalesced so that at most one waits per
 * kind — never more than {@link #MAX_LENGTH}:
 *
 * <ul>
 *   <li>a full reindex supersedes a waiting incremental and URL job: it fetches every page again
 *       from the same seeds and sitemaps, so it covers both; while it waits, every request merges into it;
 *   <li>an incremental merges into a waiting incremental, but leaves a waiting URL job alone: an
 *       incremental trusts "304 not modified" and finds only pages already linked or in a sitemap,
 *       while a URL request (a publish hook) says "this page changed" — possibly a post too new
 *       to be linked, or behind a cache still answering 304 — and costs only those pages;
 *   <li>URL requests merge into one waiting URL job (union of URLs, order kept, no repeats); one
 *       that would take it past {@link #MAX_URLS} becomes a full reindex instead;
 *   <li>a push (pushed posts or deletions to apply, no crawl) merges into a waiting URL or push
 *       job — every build reads the pushed posts, so any waiting build covers it; a URL request
 *       merging into a waiting push job makes it a URL job. A waiting incremental leaves it
 *       alone (it may crawl for minutes; the push needs seconds).
 * </ul>
 *
 * Not thread-safe: {@link ReindexJobs} guards it.
 */
final class PendingJobs {
  /** A full job alone, or an incremental and a URL (or push) job. */
  static final int MAX_LENGTH = 2;
  /** URLs one waiting URL job may collect before requests for more become a full reindex. */
  static final int MAX_URLS = 10_000;

  /**
   * Where a request went.
   *
   * @param carrier the waiting job that will carry it (new or merged into)
   * @param superseded waiting jobs it replaced, already finished as cancelled
   */
  record Placed(ReindexJob carrier, List<ReindexJob> superseded) {}

  private final List<ReindexJob> waiting = new ArrayList<>();

  Placed place(CrawlPlan plan, String trigger, boolean allowShrink, Supplier<String> newId) {
    Optional<ReindexJob> full = find(CrawlPlan.Mode.FULL);
    if (full.isPresent()) {
      full.get().merge(CrawlPlan.full(), allowShrink);
      return new Placed(full.get(), List.of());
    }
    return switch (plan.mode()) {
      case FULL -> {
        ReindexJob job = add(newId.get(), plan, trigger, allowShrink);
        List<ReindexJob> covered = waiting.stream().filter(j -> j != job).toList();
        waiting.removeAll(covered);
        covered.forEach(j -> j.superseded(job));
        yield new Placed(job, covered);
      }
      case INCREMENTAL -> mergeOrAdd(plan, trigger, allowShrink, newId);
      case URLS, PUSH -> {
        Optional<ReindexJob> urls = find(CrawlPlan.Mode.URLS).or(() -> find(CrawlPlan.Mode.PUSH));
        if (urls.isPresent() && urls.get().urls().size() + plan.urls().size() > MAX_URLS) {
          yield place(CrawlPlan.full(), trigger, allowShrink, newId);
        }
        if (urls.isPresent()) {
          urls.get().merge(plan, allowShrink);
          yield new Placed(urls.get(), List.of());
        }
        yield new Placed(add(newId.get(), plan, trigger, allowShrink), List.of());
      }
    };
  }

  private Placed mergeOrAdd(CrawlPlan plan, String trigger, boolean allowShrink, Supplier<String> newId) {
    Optional<ReindexJob> same = find(plan.mode());
    if (same.isPresent()) {
      same.get().merge(plan, allowShrink);
      return new Placed(same.get(), List.of());
    }
    return new Placed(add(newId.get(), plan, trigger, allowShrink), List.of());
  }

  private ReindexJob add(String id, CrawlPlan plan, String trigger, boolean allowShrink) {
    ReindexJob job = new ReindexJob(id, plan, trigger, allowShrink);
    waiting.add(job);
    return job;
  }

  private Optional<ReindexJob> find(CrawlPlan.Mode mode) {
    return waiting.stream().filter(j -> j.mode == mode).findFirst();
  }

  /** Takes the oldest waiting job off the queue, or null. */
  ReindexJob poll() {
    return waiting.isEmpty() ? null : waiting.remove(0);
  }

  Optional<ReindexJob> get(String id) {
    return waiting.stream().filter(j -> j.id.equals(id)).findFirst();
  }

  boolean remove(ReindexJob job) {
    return waiting.remove(job);
  }

  /** Oldest first. */
  List<ReindexJob> all() {
    return List.copyOf(waiting);
  }

  boolean isEmpty() {
    return waiting.isEmpty();
  }
}
