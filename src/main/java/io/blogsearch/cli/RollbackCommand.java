package io.blogsearch.cli;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.index.Generations;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rollback}: makes the previous complete index generation the serving one, once it has opened and answered. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Serve the previous complete index generation again (while a server runs, use its admin API instead).")
final class RollbackCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Override
  public Integer call() {
    SiteConfig site = siteOptions.load();
    try (WriterLock lock = SiteServices.startWriting(site, "rollback", "use POST /api/admin/rollback with the admin token")) {
      Generations generations = new Generations(site.generationsDir());
      String from = generations.current().map(Generations.Generation::name).orElse("none");
      Optional<Generations.Generation> to = generations.previous();
      if (to.isEmpty()) {
        System.err.println("error: no earlier complete generation to roll back to (current: " + from + ")");
        return 1;
      }
      try {
        ServingManager.verify(to.get(), SiteServices.searchOptions(site));
      } catch (Generations.LayoutMismatch old) {
        throw new CommandRefused("cannot roll back to " + old.getMessage() + "; still serving " + from);
      }
      generations.point(to.get());
      System.out.println("Rolled back from " + from + " to " + to.get().name());
      return 0;
    }
  }
}
