package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.related.RelatedStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during reindexing, for real: a child JVM builds generations in a loop and is killed at
 * random moments; after each kill the serving generation must open, pass CheckIndex and hold
 * every post, with its related lists.
 */
class CrashSafetyTest {
  private static final int TRIALS = 10;
  @TempDir Path data;

  @Test
  void killDashNineAtRandomMomentsAlwaysLeavesACompleteGeneration() throws Exception {
    String yaml;
    try (SampleBlogServer blog = new SampleBlogServer(SampleBlog.load(), 0, Duration.ZERO)) {
      yaml = "name: crash\nseeds: [" + blog.baseUrl() + "/]\npoliteness: {concurrencyPerHost: 4, delay: 0ms}\n";
      SiteConfig site = new ConfigLoader().parse(yaml).withDataDir(data);
      new Crawler(site).crawl(CrawlListener.none());
      new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    }
    Path config = data.resolve("crash.yaml");
    Files.writeString(config, yaml);
    Generations generations = new Generations(data.resolve("crash").resolve("generations"));
    Random random = new Random(20261128);
    List<String> outcomes = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
          "-cp", System.getProperty("java.class.path"), ReindexLoop.class.getName(), config.toString(), data.toString())
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
      assertEquals("ready", out.readLine());
      long before = generations.list(false).stream().mapToLong(Generations.Generation::number).max().orElse(0);
      String servingBefore = generations.current().orElseThrow().name();
      Thread.sleep(50 + random.nextInt(6000));
      child.destroyForcibly().waitFor();
      long after = generations.list(false).stream().mapToLong(Generations.Generation::number).max().orElse(0);

      Generations.Generation current = generations.current().orElseThrow();
      try (Directory dir = FSDirectory.open(current.dir()); CheckIndex check = new CheckIndex(dir)) {
        CheckIndex.Status status = check.checkIndex();
        assertTrue(status.clean, "trial " + trial + ": CheckIndex found problems in " + current.name());
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(current.dir()))) {
        assertEquals(37, reader.numDocs(), "trial " + trial);
      }
      RelatedSet related = RelatedStore.load(current.dir());
      assertEquals(37, related.lists().size(), "trial " + trial);
      outcomes.add("trial " + trial + ": killed with gen " + after + " the newest folder (gen " + before
          + " before the child), serving " + servingBefore + " before and " + current.name() + " after");
      generations.cleanup(IndexBuilder.KEEP_PREVIOUS);
      assertEquals(current, generations.current().orElseThrow());
    }
    System.out.println(String.join("\n", outcomes));
  }
}
