package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.admin.WriterLock;
import io.blogsearch.index.Indexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code index}: builds the Lucene index from the crawl output. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build a new index generation from the crawl output and make it the serving one.")
final class IndexCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--full",
      description = "Rebuild the whole index and recompute every related list, not only what changed since the serving generation.")
  boolean full;

  @Option(names = "--allow-shrink",
      description = "Publish even with no crawl output, no posts, or fewer than half the posts now serving.")
  boolean allowShrink;

  @Override
  public Integer call() {
    SiteConfig site = siteOptions.load();
    IndexBuilder.Result result;
    try (WriterLock lock = SiteServices.startWriting(site, "index",
        "use POST /api/admin/reindex with the admin token (it crawls and indexes)")) {
      result = SiteServices.index(site, full, allowShrink, SiteServices.semanticModel(site));
    } catch (IndexBuilder.Refused refused) {
      throw new CommandRefused("not published: " + refused.getMessage() + " (pass --allow-shrink to publish it anyway)");
    }
    Indexer.Stats stats = result.stats();
    if (!result.published()) {
      System.out.printf("Nothing changed since %s (%d posts): it keeps serving%n", result.generation().name(), stats.documents());
      return 0;
    }
    System.out.printf("Indexed %d posts (%d written: %s) in %d ms (%d KiB) into %s (now serving)%n", stats.documents(),
        stats.written(), result.delta(), stats.millis(), stats.bytes() / 1024, stats.directory());
    System.out.printf("Related lists: %d recomputed of %d in %d ms%n", result.related().recomputed(),
        result.related().lists().size(), result.related().computedMillis());
    return 0;
  }
}
