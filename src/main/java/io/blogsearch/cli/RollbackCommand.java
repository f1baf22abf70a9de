package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.index.Generations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rollback}: makes the previous complete index generation the serving one. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Serve the previous complete index generation again (a running server picks it up within seconds).")
final class RollbackCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Override
  public Integer call() {
    SiteConfig site = siteOptions.load();
    Generations generations = new Generations(site.generationsDir());
    String from = generations.current().map(Generations.Generation::name).orElse("none");
    var to = generations.rollback();
    if (to.isEmpty()) {
      System.err.println("error: no earlier complete generation to roll back to (current: " + from + ")");
      return 1;
    }
    System.out.println("Rolled back from " + from + " to " + to.get().name());
    return 0;
  }
}
