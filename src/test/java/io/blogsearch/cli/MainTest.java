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
}
