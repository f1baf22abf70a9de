package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedItem;
import io.blogsearch.related.RelatedService;
import io.blogsearch.related.RelatedStore;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code related}: prints the related posts of one post, with scores and reasons. */
@Command(name = "related", mixinStandardHelpOptions = true, description = "Show the related posts of a post (from the index).")
final class RelatedCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The post's URL.")
  String url;

  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--limit", description = "How many (default: ${DEFAULT-VALUE}).", defaultValue = "5")
  int limit;

  @Override
  public Integer call() {
    SiteConfig site = siteOptions.load();
    String normalized = new UrlNormalizer(site.stripQueryParams()).normalize(url)
        .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + url));
    java.nio.file.Path generations = site.generationsDir();
    var generation = new Generations(generations).current()
        .orElseThrow(() -> new IllegalStateException("no index in " + generations + "; run `crawl` and `index` first"));
    RelatedService related = new RelatedService(RelatedStore.load(generation.dir()));
    RelatedService.Answer answer = related.lookup(normalized, Math.max(1, Math.min(limit, RelatedService.MAX_LIMIT)));
    if (!(answer instanceof RelatedService.Found found)) {
      System.err.println("error: " + (answer instanceof RelatedService.NotAPost ? normalized + " is not a post"
          : "no post with URL " + normalized + " in the index"));
      return 1;
    }
    if (found.list().fallback()) {
      System.out.println("(no post passed the threshold; showing recent posts sharing tags or categories)");
    }
    int i = 1;
    for (RelatedItem item : found.list().items()) {
      System.out.printf(Locale.ROOT, "%2d. %.3f  %s%n     %s%n     %s%n", i++, item.score(), item.title(), item.url(),
          String.join("; ", item.reasons()));
    }
    return 0;
  }
}
