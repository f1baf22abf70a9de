package io.blogsearch.bench;

import io.blogsearch.admin.IndexBuilder;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * kill -9 at random moments of a crawl → index → related → publish loop in a child JVM; after
 * each kill the last complete generation must open, pass CheckIndex and hold every post with its
 * related list, and the crawl output must still hold every post stored before.
 */
final class KillTrials {
  private final Path data;
  private final int trials;

  KillTrials(Path data, int trials) {
    this.data = data;
    this.trials = trials;
  }

  void run() throws Exception {
    try (SampleBlogServer blog = new SampleBlogServer(SampleBlog.load(), 0, Duration.ZERO)) {
      String yaml = "name: kill\nseeds: [" + blog.baseUrl() + "/]\npoliteness: {concurrencyPerHost: 4, delay: 0ms}\n";
      Path config = Files.createDirectories(data).resolve("kill.yaml");
      Files.writeString(config, yaml);
      SiteConfig site = new ConfigLoader().parse(yaml).withDataDir(data);
      new Crawler(site).crawl(CrawlListener.none());
      new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
      CrawlStore store = new CrawlStore(site.crawlDir());
      Set<String> posts = store.loadArticles().keySet();
      Generations generations = new Generations(site.generationsDir());
      Random random = new Random(20261201);
      Map<String, Integer> phases = new TreeMap<>();
      int good = 0;
      StringBuilder problems = new StringBuilder();
      for (int trial = 0; trial < trials; trial++) {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), CrawlIndexLoop.class.getName(), config.toString(), data.toString())
            .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        AtomicReference<String> phase = new AtomicReference<>("startup");
        if (!"ready".equals(out.readLine())) {
          throw new IllegalStateException("the loop did not start");
        }
        Thread reader = new Thread(() -> {
          try {
            String line;
            while ((line = out.readLine()) != null) {
              phase.set(line.split(" ")[0]);
            }
          } catch (Exception ignored) {
            // the child was killed
          }
        });
        reader.start();
        Thread.sleep(50 + random.nextInt(4000));
        String at = phase.get();
        child.destroyForcibly().waitFor();
        reader.join();
        phases.merge(at, 1, Integer::sum);
        String problem = check(generations, store, posts);
        if (problem == null) {
          good++;
        } else {
          problems.append("  trial ").append(trial).append(" (killed in ").append(at).append("): ").append(problem).append('\n');
        }
      }
      CrawlReport resumed = new Crawler(site).crawl(CrawlListener.none());
      System.out.printf(Locale.ROOT, "== kill -9 at %d random moments (phase at the kill: %s)%n", trials, phases);
      System.out.printf(Locale.ROOT, "  %d/%d times the serving generation opened, passed CheckIndex and held %d posts "
          + "and %d related lists, with every stored post kept%n", good, trials, posts.size(), posts.size());
      System.out.print(problems);
      System.out.printf(Locale.ROOT, "  crawl after the last kill: complete=%s, %d posts stored (%d before the trials)%n",
          resumed.complete(), store.loadArticles().size(), posts.size());
    }
  }

  /** Null if the last complete generation and the crawl output are whole; else what is wrong. */
  private static String check(Generations generations, CrawlStore store, Set<String> posts) {
    try {
      Generations.Generation current = generations.current().orElse(null);
      if (current == null) {
        return "no current generation";
      }
      try (Directory dir = FSDirectory.open(current.dir()); CheckIndex check = new CheckIndex(dir)) {
        if (!check.checkIndex().clean) {
          return "CheckIndex found problems in " + current.name();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(current.dir()))) {
        if (reader.numDocs() != posts.size()) {
          return current.name() + " holds " + reader.numDocs() + " posts";
        }
      }
      int lists = RelatedStore.load(current.dir()).lists().size();
      if (lists != posts.size()) {
        return current.name() + " holds " + lists + " related lists";
      }
      Set<String> stored = store.loadArticles().keySet();
      if (!stored.containsAll(posts)) {
        return "crawl output lost posts: " + stored.size() + " stored";
      }
      return null;
    } catch (Exception e) {
      return e.toString();
    }
  }
}
