package io.blogsearch.crawl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.type.TypeReference;
import io.blogsearch.extract.Article;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The crawl output on disk, in a site's crawl folder: {@code articles.jsonl} (one post per line,
 * sorted by URL, read by the indexer), {@code state.json} (validators and links per URL),
 * {@value #CHANGES} (what later crawls changed, as journal lines) and {@code report.json}. A
 * crawl that changed little appends its changes to {@value #CHANGES} instead of rewriting the
 * two big files (tens of MB on a large site, for one edited post); once the changes outgrow
 * {@link #FOLD_SHARE} of them, the next save folds everything back into the main files. Each file
 * is replaced atomically, so a crash mid-save leaves the previous version readable. While a crawl
 * runs, its changes go to {@code journal.jsonl} as they happen ({@link CrawlJournal}); readers
 * replay it, so what an interrupted crawl fetched is kept.
 *
 * <p>An instance remembers what it last read or wrote, with the files' identities, so a crawl and
 * the build after it share one read when they share the store (as a reindex job does); any
 * change to the files by someone else makes the next {@link #load} read them again.
 */
public final class CrawlStore {
  static final String CHANGES = "changes.jsonl";
  /** The changes file is folded into the main files once it would exceed this share of their size. */
  static final double FOLD_SHARE = 0.05;
  private static final List<String> COMMITTED_FILES = List.of("articles.jsonl", "state.json", CHANGES);

  private final Path dir;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** What the committed files (main files + changes, no journal) held when last read or written; guarded by this. */
  private Committed committed;

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

  /** The saved output as of {@code stamps} (unmodifiable maps, shared by every load until the files change). */
  private record Committed(Map<String, Article> articles, Map<String, UrlState> state, List<Object> stamps) {}

  /** Posts, state and the URLs an unfinished crawl fetched, reading each file at most once. */
  public synchronized Stored load() {
    Committed c = committed();
    Map<String, Article> articles = new TreeMap<>(c.articles());
    Map<String, UrlState> state = new TreeMap<>(c.state());
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

  private Committed committed() {
    List<Object> stamps = stamps();
    if (committed == null || !committed.stamps().equals(stamps)) {
      Map<String, Article> articles = loadSavedArticles();
      Map<String, UrlState> state = loadSavedState();
      CrawlJournal.replay(dir.resolve(CHANGES), json, articles, state, new HashSet<>());
      committed = new Committed(Collections.unmodifiableMap(articles), Collections.unmodifiableMap(sharingLinks(state)),
          stamps);
    }
    return committed;
  }

  /**
   * The same state with one String per distinct link URL: a site's pages link the same URLs over
   * and over (menus, tag clouds), and the store is kept in memory for as long as its files do not
   * change (a server keeps it between jobs).
   */
  private static Map<String, UrlState> sharingLinks(Map<String, UrlState> state) {
    Map<String, String> pool = new HashMap<>();
    Map<String, UrlState> out = new TreeMap<>();
    state.forEach((url, s) -> out.put(url, new UrlState(s.etag(), s.lastModified(), s.canonical(), s.kind(),
        s.links().stream().map(l -> pool.computeIfAbsent(l, k -> k)).toList(), s.sitemapLastmod(), s.validatedAt())));
    return out;
  }

  /** Identity of each committed file (inode, size, time; or absent): an atomic replace always changes it. */
  private List<Object> stamps() {
    List<Object> out = new ArrayList<>();
    for (String name : COMMITTED_FILES) {
      try {
        BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
        out.add(List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis()));
      } catch (NoSuchFileException e) {
        out.add("absent");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir.resolve(name), e);
      }
    }
    return out;
  }

  private Map<String, Article> loadSavedArticles() {
    Path file = dir.resolve("articles.jsonl");
    Map<String, Article> out = new TreeMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
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
   * Saves a crawl's result, then its report: only what differs from the saved output, appended to
   * {@value #CHANGES}, while that stays small; otherwise everything, posts first, then state, and
   * the changes file goes. A complete crawl then drops the journal (replaying it over the new files
   * would change nothing, so a crash in between is harmless: every journal line is newer than the
   * saved lines it meets); an unfinished one keeps it, so the next crawl knows which URLs it
   * already fetched.
   */
  public synchronized void save(Map<String, Article> articles, Map<String, UrlState> state, CrawlReport report,
      boolean complete) {
    try {
      Files.createDirectories(dir);
      Committed before = committed();
      List<String> changes = changes(before, articles, state);
      long changeBytes = changes.stream().mapToLong(l -> l.length() + 1L).sum();
      if (!fitsInChanges(changeBytes)) {
        writeAll(articles, state);
      } else if (!changes.isEmpty()) {
        appendChanges(changes);
      } // else the saved output already holds exactly this
      committed = new Committed(Collections.unmodifiableMap(new TreeMap<>(articles)),
          Collections.unmodifiableMap(new TreeMap<>(state)), stamps());
      saveReport(report);
      if (complete) {
        Files.deleteIfExists(dir.resolve(CrawlJournal.FILE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save crawl output in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Journal lines that turn the saved output into {@code articles} and {@code state}. */
  private List<String> changes(Committed before, Map<String, Article> articles, Map<String, UrlState> state)
      throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    articles.forEach((k, a) -> {
      if (!a.equals(before.articles().get(k))) {
        lines.add(CrawlJournal.articleLine(json, k, a));
      }
    });
    before.articles().keySet().stream().filter(k -> !articles.containsKey(k))
        .forEach(k -> lines.add(CrawlJournal.removalLine(json, "unarticle", k)));
    state.forEach((k, s) -> {
      if (!s.equals(before.state().get(k))) {
        lines.add(CrawlJournal.stateLine(json, k, s));
      }
    });
    before.state().keySet().stream().filter(k -> !state.containsKey(k))
        .forEach(k -> lines.add(CrawlJournal.removalLine(json, "unstate", k)));
    List<String> out = new ArrayList<>(lines.size());
    for (ObjectNode line : lines) {
      out.add(json.writeValueAsString(line));
    }
    return out;
  }

  private boolean fitsInChanges(long changeBytes) throws IOException {
    Path articles = dir.resolve("articles.jsonl");
    Path state = dir.resolve("state.json");
    if (!Files.exists(articles) || !Files.exists(state)) {
      return false;
    }
    Path changes = dir.resolve(CHANGES);
    long pending = Files.exists(changes) ? Files.size(changes) : 0;
    return pending + changeBytes <= FOLD_SHARE * (Files.size(articles) + Files.size(state));
  }

  private void appendChanges(List<String> lines) throws IOException {
    Path changes = dir.resolve(CHANGES);
    replace(CHANGES, tmp -> {
      if (Files.exists(changes)) {
        Files.copy(changes, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        for (String line : lines) {
          w.write(line);
          w.write('\n');
        }
      }
    });
  }

  /**
   * Rewrites both main files and then drops the changes file. A crash before the drop replays the
   * old changes over the new files, which already hold them: the outcome is the same.
   */
  private void writeAll(Map<String, Article> articles, Map<String, UrlState> state) throws IOException {
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
    Files.deleteIfExists(dir.resolve(CHANGES));
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
