package io.blogsearch.admin;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up a {@code CURRENT} pointer moved outside this server (by hand, or by a tool that
 * bypassed the writer lock). When the new generation cannot be served, the old one keeps
 * serving and the reason is reported once per change of reason, not every few seconds.
 */
public final class GenerationWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationWatcher.class);

  private final ServingManager serving;
  private final Consumer<String> report;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "generation-watcher");
    t.setDaemon(true);
    return t;
  });
  private String lastFailure;

  /** Reports to the log. */
  public GenerationWatcher(ServingManager serving) {
    this(serving, LOG::warn);
  }

  /** @param report told each new failure, and once when serving works again */
  GenerationWatcher(ServingManager serving, Consumer<String> report) {
    this.serving = serving;
    this.report = report;
  }

  /** Checks every {@code interval} from now on. */
  public GenerationWatcher start(Duration interval) {
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One check: swap to the current generation if it changed. */
  public synchronized void check() {
    try {
      serving.maybeRefresh();
      if (lastFailure != null) {
        report.accept("serving the current generation again after: " + lastFailure);
        lastFailure = null;
      }
    } catch (Exception | LinkageError e) {
      String failure = "cannot swap to the current generation, the previous one keeps serving: " + e;
      if (!Objects.equals(failure, lastFailure)) {
        report.accept(failure);
        lastFailure = failure;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
