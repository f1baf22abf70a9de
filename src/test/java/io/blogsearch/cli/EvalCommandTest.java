package io.blogsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} end to end: a tiny collection with known answers, and CACM when ../shared is present. */
class EvalCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
  }

  @Test
  void printsTheMeasuresAndWritesATrecRun() throws Exception {
    Path docs = dir.resolve("docs");
    Files.writeString(docs, ".I 1\n.T\nApple orchards\n.W\nApples grow on trees.\n.I 2\n.T\nBananas\n.W\nBananas and cherries.\n"
        + ".I 3\n.T\nCherry dates\n.W\nCherries and dates in the market.\n");
    Path queries = dir.resolve("queries");
    Files.writeString(queries, ".I 1\n.W\napple\n.I 2\n.W\ncherry date\n");
    Path qrels = dir.resolve("qrels");
    Files.writeString(qrels, "1 1 0 0\n2 3 0 0\n");
    Path run = dir.resolve("run.trec");

    int code = Main.run("eval", "--docs", docs.toString(), "--queries", queries.toString(), "--qrels", qrels.toString(),
        "--run", run.toString());

    assertEquals(0, code);
    assertEquals("MAP 1.0000\nnDCG@10 1.0000\nP@10 0.1000\nP@30 0.0333\nRecall@100 1.0000",
        out.toString(StandardCharsets.UTF_8).strip().replace("\r", ""));
    String[] first = Files.readAllLines(run).get(0).split(" ");
    assertEquals("1", first[0]);
    assertEquals("Q0", first[1]);
    assertEquals("1", first[2]);
    assertEquals("1", first[3]);
    assertEquals("blogsearch", first[5]);
  }

  @Test
  void unsupportedFormatIsAUsageError() {
    assertEquals(2, Main.run("eval", "--format", "trec", "--docs", "x", "--queries", "y", "--qrels", "z"));
  }

  @Test
  void cacmBaselineMatchesThePublishedLuceneBm25() {
    Path cacm = Path.of("../shared/corpora/cacm");
    Assumptions.assumeTrue(Files.isDirectory(cacm), "../shared/corpora/cacm is not present");
    int code = Main.run("eval", "--docs", cacm.resolve("cacm.all").toString(), "--queries", cacm.resolve("query.text").toString(),
        "--qrels", cacm.resolve("qrels.text").toString(), "--k1", "0.9", "--b", "0.4", "--title-weight", "1");
    assertEquals(0, code);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("MAP 0.3243\n"), text);
  }

  /**
   * The best configuration (bench-results/cacm-eval-rm3-2026-11-28.txt): abstract, keywords and
   * cross-references as the body, Anserini's BM25 and RM3 defaults.
   */
  @Test
  void cacmWithKeywordsCitationsAndRm3() {
    Path cacm = Path.of("../shared/corpora/cacm");
    Assumptions.assumeTrue(Files.isDirectory(cacm), "../shared/corpora/cacm is not present");
    int code = Main.run("eval", "--docs", cacm.resolve("cacm.all").toString(), "--queries", cacm.resolve("query.text").toString(),
        "--qrels", cacm.resolve("qrels.text").toString(), "--k1", "0.9", "--b", "0.4", "--title-weight", "1",
        "--body-fields", "W,K,X", "--rm3");
    assertEquals(0, code);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("MAP 0.4030\n"), text);
  }
}
