package io.blogsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process and checks exit codes and what the user sees. */
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void malformedConfigExitsWith2NamingTheField() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "name: blog\nseeds: [http://127.0.0.1:1/]\nlimits:\n  maxDepth: -3\n");

    int code = Main.run("crawl", "--config", cfg.toString());

    assertEquals(2, code);
    assertEquals("config error: field 'limits.maxDepth': must not be negative (got -3)", stderr().strip());
  }

  @Test
  void serviceConfigErrorExitsWith2NamingTheSiteEntryAndField() throws Exception {
    Files.createDirectories(dir.resolve("sites"));
    Files.writeString(dir.resolve("sites/a.yaml"), "name: a\nseeds: [https://a.example/]\nlimits: {maxPages: 0}\n");
    Path service = dir.resolve("service.yaml");
    Files.writeString(service, "sites: [sites/a.yaml]\n");
    assertEquals(2, Main.run("serve", "--service", service.toString()));
    assertEquals("config error: field 'sites[0] (sites/a.yaml) limits.maxPages': must be a positive whole number (got 0)",
        stderr().strip());
  }

  @Test
  void serveRefusesConfigAndServiceTogether() throws Exception {
    Path service = dir.resolve("service.yaml");
    Files.writeString(service, "sites: []\n");
    assertEquals(2, Main.run("serve", "--service", service.toString(), "--config", "crawler-config/demo.yaml"));
    assertEquals("error: give --config (one site) or --service (many sites), not both", stderr().strip());
  }

  @Test
  void missingConfigFileExitsWith2() {
    assertEquals(2, Main.run("crawl", "--config", dir.resolve("nope.yaml").toString()));
    assertTrue(stderr().startsWith("config error: config file not found: "), stderr());
  }

  @Test
  void unreachableSeedIsOneClearLineWithoutStackTrace() throws Exception {
    Path cfg = dir.resolve("dead.yaml");
    Files.writeString(cfg, "name: dead\nseeds: [http://127.0.0.1:1/]\ndataDir: " + dir.resolve("data") + "\n"
        + "http: {maxRetries: 0, connectTimeout: 1s}\n");

    int code = Main.run("crawl", "--quiet", "--config", cfg.toString());

    assertEquals(1, code);
    assertTrue(stderr().startsWith("error: no seed could be reached (http://127.0.0.1:1/)"), stderr());
    assertEquals(1, stderr().strip().lines().count(), stderr());
    assertFalse(stderr().contains("\tat "), stderr());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, Main.run("crawl", "--no-such-option"));
    assertTrue(stderr().contains("Unknown option: '--no-such-option'"), stderr());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"demo", "crawl", "index", "serve", "search", "related", "eval-related"}) {
      out.reset();
      assertEquals(0, Main.run(command, "--help"));
      assertTrue(stdout().startsWith("Usage: blogsearch " + command), stdout());
    }
  }

  @Test
  void demoCrawlsTheSampleBlogAndPrintsItsUrl() {
    int code = Main.run("demo", "--exit", "--blog-port", "0", "--port", "0", "--data-dir", dir.toString());

    assertEquals(0, code, stderr());
    String text = stdout();
    assertTrue(text.contains("Crawl of 'demo' complete"), text);
    assertTrue(text.contains("37 posts stored"), text);
    assertTrue(text.matches("(?s).*Sample blog +http://127\\.0\\.0\\.1:\\d+/.*"), text);
    assertTrue(text.matches("(?s).*Search API +http://127\\.0\\.0\\.1:\\d+/api/search\\?q=feedback.*"), text);
    assertTrue(text.matches("(?s).*Related posts +http://127\\.0\\.0\\.1:\\d+/api/related\\?url=http.*"), text);
    assertTrue(Files.exists(dir.resolve("demo/generations/CURRENT")));
    assertTrue(Files.exists(dir.resolve("demo/crawl/articles.jsonl")));
  }

  /** A config for a site that is never crawled here: its crawl output is written by the test. */
  private Path plainSite() throws Exception {
    Path cfg = dir.resolve("plain.yaml");
    // Keyword only: these tests read the index lifecycle's exact console lines, which embedding progress would precede.
    Files.writeString(cfg, "name: plain\nseeds: [https://plain.example/]\nsemantic: {enabled: false}\ndataDir: "
        + dir.resolve("data") + "\n");
    return cfg;
  }

  private String current() throws Exception {
    return Files.readString(dir.resolve("data/plain/generations/CURRENT")).strip();
  }

  @Test
  void writersBesideARunningServerExit2NamingItAndSayingWhatToUseInstead() throws Exception {
    Path cfg = plainSite();
    Path siteDir = dir.resolve("data/plain");
    Process server = io.blogsearch.admin.LockHolder.start(siteDir, "serve");
    try {
      String holder = "error: a server (pid " + server.pid() + ", serve) holds " + siteDir + ": ";
      assertEquals(2, Main.run("index", "--config", cfg.toString()));
      assertEquals(holder + "use POST /api/admin/reindex with the admin token (it crawls and indexes)", stderr().strip());
      err.reset();
      assertEquals(2, Main.run("rollback", "--config", cfg.toString()));
      assertEquals(holder + "use POST /api/admin/rollback with the admin token", stderr().strip());
      err.reset();
      assertEquals(2, Main.run("crawl", "--quiet", "--config", cfg.toString()));
      assertEquals(holder + "use POST /api/admin/reindex with the admin token (it crawls and indexes)", stderr().strip());
    } finally {
      server.destroyForcibly().waitFor();
    }
    Process crawler = io.blogsearch.admin.LockHolder.start(siteDir, "crawl");
    try {
      err.reset();
      assertEquals(2, Main.run("index", "--config", cfg.toString()));
      assertEquals("error: another writer (pid " + crawler.pid() + ", crawl) holds " + siteDir + ": wait for it to finish",
          stderr().strip());
    } finally {
      crawler.destroyForcibly().waitFor();
    }
  }

  @Test
  void indexWithoutCrawlOutputExits2AndStillRemovesUnfinishedGenerations() throws Exception {
    Path cfg = plainSite();
    Path unfinished = dir.resolve("data/plain/generations/gen-000001");
    Files.createDirectories(unfinished);
    Files.writeString(unfinished.resolve("_0.cfs"), "half written");

    assertEquals(2, Main.run("index", "--config", cfg.toString()));

    assertEquals("error: not published: there is no crawl output: run a crawl first; the serving index is unchanged "
        + "(pass --allow-shrink to publish it anyway)", stderr().strip());
    assertFalse(Files.exists(unfinished));
    assertTrue(stdout().contains("Removed unfinished generation gen-000001"), stdout());
  }

  @Test
  void indexRefusesToShrinkTheServingIndexUnlessAllowed() throws Exception {
    Path cfg = plainSite();
    Path crawl = dir.resolve("data/plain/crawl");
    io.blogsearch.admin.CrawlOutput.write(crawl, io.blogsearch.admin.CrawlOutput.plainPosts(10));
    assertEquals(0, Main.run("index", "--config", cfg.toString()), stderr());
    assertTrue(stdout().startsWith("Indexed 10 posts"), stdout());
    io.blogsearch.admin.CrawlOutput.write(crawl, io.blogsearch.admin.CrawlOutput.plainPosts(3));

    assertEquals(2, Main.run("index", "--config", cfg.toString()));
    assertEquals("error: not published: the new index would hold 3 posts, fewer than half of the 10 now serving; "
        + "the serving index is unchanged (pass --allow-shrink to publish it anyway)", stderr().strip());
    assertEquals("gen-000001", current());

    out.reset();
    assertEquals(0, Main.run("index", "--allow-shrink", "--config", cfg.toString()), stderr());
    assertTrue(stdout().startsWith("Indexed 3 posts"), stdout());
    assertEquals("gen-000002", current());
  }

  @Test
  void rollbackServesThePreviousGenerationButRefusesAnotherLayout() throws Exception {
    Path cfg = plainSite();
    io.blogsearch.admin.CrawlOutput.write(dir.resolve("data/plain/crawl"), io.blogsearch.admin.CrawlOutput.plainPosts(4));
    for (int i = 0; i < 3; i++) {
      // --full: an unchanged crawl output would otherwise publish nothing new
      assertEquals(0, Main.run("index", "--full", "--config", cfg.toString()), stderr());
    }
    assertEquals(0, Main.run("rollback", "--config", cfg.toString()), stderr());
    assertTrue(stdout().contains("Rolled back from gen-000003 to gen-000002"), stdout());
    io.blogsearch.index.OldLayout.rewrite(dir.resolve("data/plain/generations/gen-000001"), "0");

    assertEquals(2, Main.run("rollback", "--config", cfg.toString()));

    assertEquals("error: cannot roll back to gen-000001: index layout 0, this build reads " + io.blogsearch.index.IndexSchema.VERSION
        + ": run a full reindex; still serving gen-000002", stderr().strip());
    assertEquals("gen-000002", current());
  }

  @Test
  void aServingGenerationOfAnotherLayoutIsRefusedUntilAFullReindex() throws Exception {
    Path cfg = plainSite();
    io.blogsearch.admin.CrawlOutput.write(dir.resolve("data/plain/crawl"), io.blogsearch.admin.CrawlOutput.plainPosts(4));
    assertEquals(0, Main.run("index", "--config", cfg.toString()), stderr());
    io.blogsearch.index.OldLayout.rewrite(dir.resolve("data/plain/generations/gen-000001"), "0");

    assertEquals(2, Main.run("search", "meetings", "--config", cfg.toString()));
    assertEquals("error: cannot serve gen-000001: index layout 0, this build reads " + io.blogsearch.index.IndexSchema.VERSION
        + ": run a full reindex (`index --full` with the server stopped)", stderr().strip());

    out.reset();
    assertEquals(0, Main.run("index", "--full", "--config", cfg.toString()), stderr());
    assertEquals("gen-000002", current());
    assertEquals(0, Main.run("search", "meetings", "--config", cfg.toString()), stderr());
  }
}
