package io.blogsearch.cli;

import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlProgress;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.Outcome;
import io.blogsearch.crawl.UrlOutcome;
import io.blogsearch.index.PostVectors;
import java.io.PrintStream;
import java.util.Locale;

/** Prints crawl progress (one line a second) and the closing summary of a crawl. */
final class ConsoleProgress implements CrawlListener {
  /** Prints how far embedding posts has come: a line when it starts, every 5 seconds, and when done. */
  static final class Embedding implements PostVectors.Progress {
    private final PrintStream out;
    private long t0;
    private long lastLine;

    Embedding(PrintStream out) {
      this.out = out;
    }

    @Override
    public void embedded(int done, int total) {
      long now = System.nanoTime();
      if (done == 0) {
        t0 = now;
        lastLine = now;
        out.printf(Locale.ROOT, "Embedding %d posts' texts (the others are in the embedding cache)%n", total);
      } else if (done == total || now - lastLine > 5_000_000_000L) {
        lastLine = now;
        out.printf(Locale.ROOT, "  %5.1fs  embedded %d of %d%n", (now - t0) / 1e9, done, total);
      }
    }
  }

  private final PrintStream out;
  private final boolean quiet;

  ConsoleProgress(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  @Override
  public void onProgress(CrawlProgress p) {
    if (!quiet) {
      out.printf(Locale.ROOT, "  %5.1fs  fetched %d · queued %d · errors %d · posts %d · %.1f pages/s%n",
          p.seconds(), p.requests(), p.queued(), p.errors(), p.indexed(), p.pagesPerSecond());
    }
  }

  void summary(CrawlReport r, String outputDir) {
    out.printf(Locale.ROOT, "Crawl of '%s' %s in %.2fs: %d requests (%.1f/s), %d KiB, %d posts stored%n",
        r.site(), (r.complete() ? "complete" : "INCOMPLETE") + (r.degraded() ? " (DEGRADED: many pages failed)" : ""),
        r.seconds(), r.requests(),
        r.seconds() > 0 ? r.requests() / r.seconds() : 0.0, r.bytes() / 1024, r.articles());
    StringBuilder counts = new StringBuilder("  ");
    for (Outcome o : Outcome.values()) {
      if (r.count(o) > 0) {
        counts.append(o.name().toLowerCase(Locale.ROOT).replace('_', '-')).append(' ').append(r.count(o)).append(" · ");
      }
    }
    out.println(counts.substring(0, Math.max(2, counts.length() - 3)));
    if (r.stopReason() != null) {
      out.println("  stopped: " + r.stopReason() + " (" + r.notFetched() + " queued URLs not fetched)");
    }
    int shown = 0;
    for (UrlOutcome o : r.outcomes()) {
      if (o.outcome() == Outcome.ERROR && shown++ < 20) {
        out.println("  error: " + o.url() + " — " + o.reason());
      }
    }
    out.println("  output: " + outputDir + " (articles.jsonl, state.json, report.json)");
  }
}
