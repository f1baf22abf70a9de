package io.blogsearch.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blogsearch.extract.Article;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An append-only log of every change a running crawl makes to the stored posts and URL state,
 * one JSON line each, flushed as it is written. A crawl stopped by SIGTERM or kill -9 therefore
 * loses at most the line being written; the next {@link CrawlStore#loadArticles} and
 * {@link CrawlStore#loadState} replay it, and the next crawl does not refetch the URLs it names.
 * A finished crawl folds it into the saved output ({@link CrawlStore#save}) and deletes it.
 */
final class CrawlJournal implements Closeable {
  static final String FILE = "journal.jsonl";

  private final ObjectMapper json;
  private final BufferedWriter out;

  CrawlJournal(Path dir, ObjectMapper json) throws IOException {
    Files.createDirectories(dir);
    this.json = json;
    this.out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  void putArticle(String key, Article a) {
    write(articleLine(json, key, a));
  }

  void removeArticle(String key) {
    write(removalLine(json, "unarticle", key));
  }

  void putState(String url, UrlState s) {
    write(stateLine(json, url, s));
  }

  void removeState(String url) {
    write(removalLine(json, "unstate", url));
  }

  /** The line that stores post {@code a} under {@code key} (also the format of {@link CrawlStore}'s changes file). */
  static ObjectNode articleLine(ObjectMapper json, String key, Article a) {
    ObjectNode line = json.createObjectNode().put("op", "article").put("key", key);
    line.set("article", json.valueToTree(a));
    return line;
  }

  /** The line that stores URL state {@code s} under {@code url}. */
  static ObjectNode stateLine(ObjectMapper json, String url, UrlState s) {
    ObjectNode line = json.createObjectNode().put("op", "state").put("key", url);
    line.set("state", json.valueToTree(s));
    return line;
  }

  /** @param op {@code unarticle} or {@code unstate} */
  static ObjectNode removalLine(ObjectMapper json, String op, String key) {
    return json.createObjectNode().put("op", op).put("key", key);
  }

  private synchronized void write(ObjectNode line) {
    try {
      out.write(json.writeValueAsString(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the crawl journal", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /**
   * Applies a journal left by an interrupted crawl (or {@link CrawlStore}'s changes file, which has
   * the same lines) to the stored posts and state, and collects the URLs whose state it changed. A
   * torn last line (kill -9 mid-write) is ignored.
   */
  static void replay(Path file, ObjectMapper json, Map<String, Article> articles, Map<String, UrlState> state,
      Set<String> touched) {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (String text : lines) {
      JsonNode line;
      try {
        line = json.readTree(text);
      } catch (IOException e) {
        continue;
      }
      if (line == null || !line.hasNonNull("key")) {
        continue;
      }
      String key = line.get("key").asText();
      try {
        switch (line.path("op").asText()) {
          case "article" -> articles.put(key, json.treeToValue(line.get("article"), Article.class));
          case "unarticle" -> articles.remove(key);
          case "state" -> {
            state.put(key, json.treeToValue(line.get("state"), UrlState.class));
            touched.add(key);
          }
          case "unstate" -> {
            state.remove(key);
            touched.add(key);
          }
          default -> { }
        }
      } catch (IOException e) {
        // a line that does not bind (torn or from another version) is skipped
      }
    }
  }
}
