package io.blogsearch.crawl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.type.TypeReference;
import io.blogsearch.extract.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The crawl output on disk, in a site's crawl folder: {@code articles.jsonl} (one post per line,
 * sorted by URL, read by the indexer), {@code state.json} (validators and links per URL) and
 * {@code report.json}. Each file is replaced atomically, so a crash mid-save leaves the previous
 * version readable. While a crawl runs, its changes go to {@code journal.jsonl} as they happen
 * ({@link CrawlJournal}); readers replay it, so what an interrupted crawl fetched is kept.
 */
public final class CrawlStore {
  private final Path dir;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CrawlStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Everything stored, the journal of an interrupted crawl replayed once over the saved files.
   *
   * @param articles posts by canonical URL
   * @param state remembered per-URL state
   * @param interruptedUrls URLs an unfinished crawl fetched (its journal names them); empty after a completed crawl
   */
  public record Stored(Map<String, Article> articles, Map<String, UrlState> state, Set<String> interruptedUrls) {}

  /** Posts, state and the URLs an unfinished crawl fetched, reading each file once. */
  public Stored load() {
    Map<String, Article> articles = loadSavedArticles();
    Map<String, UrlState> state = loadSavedState();
    Set<String> interrupted = new HashSet<>();
    CrawlJournal.replay(dir.resolve(CrawlJournal.FILE), json, articles, state, interrupted);
    return new Stored(articles, state, interrupted);
  }

  /** Stored posts by canonical URL, including those an interrupted crawl journaled; empty before the first crawl. */
  public Map<String, Article> loadArticles() {
    return load().articles();
  }

  /** Remembered per-URL state, including an interrupted crawl's; empty before the first crawl. */
  public Map<String, UrlState> loadState() {
    return load().state();
  }

  /** Whether any crawl stored output here (a saved crawl, or the journal of one that did not finish). */
  public boolean hasOutput() {
    return Files.exists(dir.resolve("articles.jsonl")) || Files.exists(dir.resolve(CrawlJournal.FILE));
  }

  /** Opens the journal a crawl appends its changes to (after those of an interrupted one). */
  CrawlJournal openJournal() throws IOException {
    return new CrawlJournal(dir, json);
  }

  private Map<String, Article> loadSavedArticles() {
    Path file = dir.resolve("articles.jsonl");
    Map<String, Article> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          Article a = json.readValue(line, Article.class);
          out.put(a.url(), a);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private Map<String, UrlState> loadSavedState() {
    Path file = dir.resolve("state.json");
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return json.readValue(file.toFile(), new TypeReference<TreeMap<String, UrlState>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The last crawl's report, or null if there was none. */
  public CrawlReport loadReport() {
    Path file = dir.resolve("report.json");
    try {
      return Files.exists(file) ? json.readValue(file.toFile(), CrawlReport.class) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Saves a complete crawl's result (see {@link #save(Map, Map, CrawlReport, boolean)}). */
  public void save(Map<String, Article> articles, Map<String, UrlState> state, CrawlReport report) {
    save(articles, state, report, true);
  }

  /**
   * Saves a crawl's result; posts first, then state, then the report. A complete crawl then drops
   * the journal (replaying it over the new files would change nothing, so a crash in between is
   * harmless); an unfinished one keeps it, so the next crawl knows which URLs it already fetched.
   */
  public void save(Map<String, Article> articles, Map<String, UrlState> state, CrawlReport report, boolean complete) {
    try {
      Files.createDirectories(dir);
      List<Article> sorted = new ArrayList<>(articles.values());
      sorted.sort(Comparator.comparing(Article::url));
      replace("articles.jsonl", tmp -> {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (Article a : sorted) {
            w.write(json.writeValueAsString(a));
            w.write('\n');
          }
        }
      });
      replace("state.json", tmp -> json.writeValue(tmp.toFile(), new TreeMap<>(state)));
      saveReport(report);
      if (complete) {
        Files.deleteIfExists(dir.resolve(CrawlJournal.FILE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save crawl output in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Saves only the report (a crawl that could not run still explains why). */
  public void saveReport(CrawlReport report) throws IOException {
    Files.createDirectories(dir);
    replace("report.json", tmp -> json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), report));
  }

  private interface Writer {
    void write(Path tmp) throws IOException;
  }

  private void replace(String name, Writer writer) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    try {
      writer.write(tmp);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp); // a full disk must not leave half a file behind
      throw e;
    }
  }
}
