package io.blogsearch.admin;

import io.blogsearch.crawl.CrawlPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Push ingestion: stores pushed posts and deletions ({@link PushStore}) and queues a push job
 * (no crawl; the build applies only the delta) through {@link ReindexJobs}, where it coalesces with
 * waiting push and URL jobs. A post whose content equals its stored push, and which the serving
 * index already holds with that content, is {@code unchanged} and costs nothing; a request
 * changing nothing queues no job. (Equal to the store alone is not enough: after a failed push
 * job or a rollback, sending the post again must bring it back.)
 */
public final class Pushes {
  /** What a push did to one post. */
  public enum Status { created, updated, unchanged, deleted }

  /** @param index the post's place in the request */
  public record PostResult(int index, String url, Status status) {}

  /**
   * @param posts per post, in request order
   * @param job the job carrying the change, empty when nothing changed
   */
  public record Outcome(List<PostResult> posts, Optional<JobStatus> job) {}

  private final PushStore store;
  private final ReindexJobs jobs;
  private final Predicate<String> served;
  private final Function<String, Optional<String>> servedHash;

  /**
   * @param served whether the serving index holds a post at a URL (a push then "updates" it)
   * @param servedHash the content hash ({@link io.blogsearch.index.PostHashes}) of the post the serving index holds at a
   *     URL; empty when it holds none or keeps no hashes
   */
  public Pushes(ReindexJobs jobs, Predicate<String> served, Function<String, Optional<String>> servedHash) {
    this.jobs = jobs;
    this.store = jobs.pushes();
    this.served = served;
    this.servedHash = servedHash;
  }

  /** Stores the posts that changed (one forced write) and queues one job for them. */
  public Outcome put(List<PushedPost> posts) {
    List<PostResult> results = new ArrayList<>();
    List<PushedPost> changed = new ArrayList<>();
    synchronized (store) {
      for (int i = 0; i < posts.size(); i++) {
        PushedPost p = posts.get(i);
        Optional<PushStore.Record> stored = store.get(p.url());
        Status status;
        if (stored.isPresent() && !stored.get().deleted() && stored.get().hash().equals(p.hash()) && isServed(p)) {
          status = Status.unchanged;
        } else {
          boolean known = stored.isPresent() && !stored.get().deleted() || served.test(p.url());
          status = known ? Status.updated : Status.created;
          changed.add(p);
        }
        results.add(new PostResult(i, p.url(), status));
      }
      if (!changed.isEmpty()) {
        store.put(changed);
      }
    }
    return new Outcome(results, changed.isEmpty() ? Optional.empty() : Optional.of(submit()));
  }

  /**
   * Deletes the post at {@code url}: empty when there is no such post (never pushed, not served);
   * {@code unchanged} when it is already deleted.
   */
  public Optional<Outcome> delete(String url) {
    synchronized (store) {
      Optional<PushStore.Record> stored = store.get(url);
      if (stored.isPresent() && stored.get().deleted() && !served.test(url)) {
        return Optional.of(new Outcome(List.of(new PostResult(0, url, Status.unchanged)), Optional.empty()));
      }
      if (stored.isEmpty() && !served.test(url)) {
        return Optional.empty();
      }
      store.delete(url);
    }
    return Optional.of(new Outcome(List.of(new PostResult(0, url, Status.deleted)), Optional.of(submit())));
  }

  /** Whether the serving index holds {@code p}'s post exactly as pushed. */
  private boolean isServed(PushedPost p) {
    return servedHash.apply(p.url()).equals(Optional.of(p.articleHash()));
  }

  private JobStatus submit() {
    return jobs.submit(CrawlPlan.push(), "api");
  }
}
