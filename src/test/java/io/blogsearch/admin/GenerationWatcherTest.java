package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CURRENT pointer moved to a generation that cannot be served: the old one serves, the reason is told once. */
class GenerationWatcherTest {
  @TempDir Path data;

  @Test
  void aBrokenCurrentGenerationIsReportedOncePerChangeAndTheOldOneKeepsServing() throws Exception {
    SiteConfig site = new ConfigLoader().parse("name: plain\nseeds: [https://plain.example/]\n").withDataDir(data);
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(3));
    new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    Generations generations = new Generations(site.generationsDir());
    Generations.Generation good = generations.current().orElseThrow();
    List<String> reports = new ArrayList<>();
    SearchOptions options = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
    try (ServingManager serving = ServingManager.open(generations, options).orElseThrow();
        GenerationWatcher watcher = new GenerationWatcher(serving, reports::add)) {
      watcher.check();
      assertEquals(List.of(), reports);

      Generations.Generation empty = generations.create();
      generations.publish(empty, "no index in here\n");
      watcher.check();
      watcher.check();
      watcher.check();
      assertEquals(1, reports.size(), reports.toString());
      assertTrue(reports.get(0).startsWith("cannot swap to the current generation, the previous one keeps serving: "),
          reports.get(0));
      assertTrue(reports.get(0).contains("gen-000002"), reports.get(0));
      assertEquals("gen-000001", serving.with(s -> s.generation().name()));

      Generations.Generation another = generations.create();
      generations.publish(another, "no index here either\n");
      watcher.check();
      watcher.check();
      assertEquals(2, reports.size(), reports.toString());
      assertTrue(reports.get(1).contains("gen-000003"), reports.get(1));

      generations.point(good);
      watcher.check();
      watcher.check();
      assertEquals(3, reports.size(), reports.toString());
      assertTrue(reports.get(2).startsWith("serving the current generation again after: "), reports.get(2));
      assertEquals("gen-000001", serving.with(s -> s.generation().name()));
    }
  }
}
