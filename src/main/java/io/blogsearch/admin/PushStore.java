package io.blogsearch.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.UrlState;
import io.blogsearch.extract.Article;
import io.blogsearch.index.PostHashes;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The posts pushed through the admin API and the deletions, in {@code <site>/push/posts.jsonl}:
 * an append-only log (one JSON line per change, forced to disk before the push is answered; a
 * torn last line from a crash is skipped), compacted when it holds far more lines than records.
 *
 * <p>A build's posts are the crawl output overlaid with these records ({@link #overlay}): a
 * pushed post replaces the crawled one of its URL, a deletion removes it — until the crawl shows
 * the page changed after the push. The first time the crawl fetches the page after the push
 * (its {@code validatedAt} is later), the post it extracted becomes the record's reference; once
 * the crawl output holds a post that differs from that reference, the page was edited (or
 * commented on) outside the push, so the crawled post serves and the record is retired. Pushing
 * again makes the pushed version authoritative again. A crawl that loses the page (404, not a
 * post) does not remove a pushed post: only a DELETE or a changed page does.
 */
public final class PushStore {
  static final String FILE = "posts.jsonl";

  /**
   * One URL's push record.
   *
   * @param seq its number in the log (later changes name it, so they never apply to a newer record)
   * @param post the pushed post, or null for a deletion
   * @param hash {@link PushedPost#hash()}, null for a deletion
   * @param at when it was pushed or deleted
   * @param reference hash of the first post the crawl extracted from the page after {@code at},
   *     or null while the crawl has not fetched it since
   */
  public record Record(long seq, String url, PushedPost post, String hash, Instant at, String reference) {
    public boolean deleted() {
      return post == null;
    }
  }

  private final Path dir;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Map<String, Record> records = new TreeMap<>();
  private long nextSeq = 1;
  private long lines;

  /** Reads the log in {@code dir} (none yet: no records). */
  public PushStore(Path dir) {
    this.dir = dir;
    load();
  }

  public synchronized Optional<Record> get(String url) {
    return Optional.ofNullable(records.get(url));
  }

  /** Whether anything was ever pushed or deleted (a site fed only by pushes has no crawl output). */
  public synchronized boolean hasRecords() {
    return !records.isEmpty();
  }

  public synchronized int size() {
    return records.size();
  }

  /** How many records are deletions. */
  public synchronized int deletions() {
    return (int) records.values().stream().filter(Record::deleted).count();
  }

  /** Stores pushed posts (one write, forced to disk); each replaces its URL's earlier record. */
  public synchronized void put(List<PushedPost> posts) {
    Instant now = Instant.now();
    List<ObjectNode> out = new ArrayList<>();
    List<Record> made = new ArrayList<>();
    for (PushedPost p : posts) {
      Record r = new Record(nextSeq++, p.url(), p, p.hash(), now, null);
      ObjectNode line = line("put", r).put("hash", r.hash()).put("at", now.toString());
      line.set("post", json.valueToTree(p));
      out.add(line);
      made.add(r);
    }
    append(out);
    made.forEach(r -> records.put(r.url(), r));
  }

  /** Records that the post at {@code url} is deleted (a tombstone until the page changes). */
  public synchronized void delete(String url) {
    Instant now = Instant.now();
    Record r = new Record(nextSeq++, url, null, null, now, null);
    append(List.of(line("delete", r).put("at", now.toString())));
    records.put(url, r);
  }

  /**
   * The posts a build indexes: the crawl output with every record applied (see the class
   * comment), and the crawl state without the URLs records decide (they are posts, or gone, by the
   * record — never "a page that is not a post"). Notes each first fetch after a push and retires
   * records the crawl has overtaken, in the log.
   */
  public synchronized CrawlStore.Stored overlay(CrawlStore.Stored crawled) {
    if (records.isEmpty()) {
      return crawled;
    }
    Map<String, Article> articles = new LinkedHashMap<>(crawled.articles());
    Map<String, UrlState> state = new TreeMap<>(crawled.state());
    Map<String, UrlState> byCanonical = null;
    List<ObjectNode> changes = new ArrayList<>();
    List<Record> snapshot = new ArrayList<>(records.values());
    for (Record r : snapshot) {
      Article fromCrawl = crawled.articles().get(r.url());
      String crawlHash = fromCrawl == null ? null : PostHashes.of(List.of(fromCrawl)).get(r.url());
      if (r.reference() != null && crawlHash != null && !crawlHash.equals(r.reference())) {
        changes.add(line("retire", r));
        records.remove(r.url());
        continue; // the page changed after the push: the crawled post serves
      }
      if (r.reference() == null && crawlHash != null) {
        UrlState s = crawled.state().get(r.url());
        if (s == null) {
          byCanonical = byCanonical != null ? byCanonical : byCanonical(crawled.state());
          s = byCanonical.get(r.url());
        }
        if (s != null && s.validatedAt() != null && s.validatedAt().isAfter(r.at())) {
          changes.add(line("seen", r).put("reference", crawlHash));
          records.put(r.url(), new Record(r.seq(), r.url(), r.post(), r.hash(), r.at(), crawlHash));
        }
      }
      state.remove(r.url());
      if (r.deleted()) {
        articles.remove(r.url());
      } else {
        articles.put(r.url(), r.post().article());
      }
    }
    append(changes);
    return new CrawlStore.Stored(articles, state, crawled.interruptedUrls());
  }

  private static Map<String, UrlState> byCanonical(Map<String, UrlState> state) {
    Map<String, UrlState> out = new HashMap<>();
    state.values().forEach(s -> {
      if (s.canonical() != null) {
        out.putIfAbsent(s.canonical(), s);
      }
    });
    return out;
  }

  private ObjectNode line(String op, Record r) {
    return json.createObjectNode().put("op", op).put("seq", r.seq()).put("url", r.url());
  }

  private void append(List<ObjectNode> out) {
    if (out.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      StringBuilder text = new StringBuilder();
      for (ObjectNode line : out) {
        text.append(json.writeValueAsString(line)).append('\n');
      }
      try (FileOutputStream f = new FileOutputStream(dir.resolve(FILE).toFile(), true)) {
        f.write(text.toString().getBytes(StandardCharsets.UTF_8));
        f.getChannel().force(false); // answered pushes survive a crash
      }
      lines += out.size();
      if (lines > 2L * records.size() + 1000) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites the log as one line per record, atomically. */
  private void compact() throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    StringBuilder text = new StringBuilder();
    for (Record r : records.values()) {
      ObjectNode line = line(r.deleted() ? "delete" : "put", r).put("at", r.at().toString());
      if (!r.deleted()) {
        line.put("hash", r.hash()).set("post", json.valueToTree(r.post()));
      }
      if (r.reference() != null) {
        line.put("reference", r.reference());
      }
      text.append(json.writeValueAsString(line)).append('\n');
    }
    try (FileOutputStream f = new FileOutputStream(tmp.toFile())) {
      f.write(text.toString().getBytes(StandardCharsets.UTF_8));
      f.getChannel().force(false);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lines = records.size();
  }

  private void load() {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    try {
      endWithNewline(file);
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines++;
        apply(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A crash mid-write leaves a torn last line; the next append must not join it. */
  private static void endWithNewline(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      if (f.length() > 0) {
        f.seek(f.length() - 1);
        if (f.read() != '\n') {
          f.write('\n');
        }
      }
    }
  }

  private void apply(String text) {
    JsonNode line;
    try {
      line = json.readTree(text);
    } catch (IOException torn) {
      return;
    }
    if (line == null || !line.hasNonNull("url") || !line.hasNonNull("seq")) {
      return;
    }
    String url = line.get("url").asText();
    long seq = line.get("seq").asLong();
    nextSeq = Math.max(nextSeq, seq + 1);
    Record current = records.get(url);
    String reference = line.hasNonNull("reference") ? line.get("reference").asText() : null;
    try {
      switch (line.path("op").asText()) {
        case "put" -> records.put(url, new Record(seq, url, json.treeToValue(line.get("post"), PushedPost.class),
            line.path("hash").asText(), Instant.parse(line.get("at").asText()), reference));
        case "delete" -> records.put(url, new Record(seq, url, null, null, Instant.parse(line.get("at").asText()),
            reference));
        case "seen" -> {
          if (current != null && current.seq() == seq) {
            records.put(url, new Record(seq, url, current.post(), current.hash(), current.at(), reference));
          }
        }
        case "retire" -> {
          if (current != null && current.seq() == seq) {
            records.remove(url);
          }
        }
        default -> { }
      }
    } catch (IOException | RuntimeException unreadable) {
      // a line that does not bind (torn, or from another version) is skipped
    }
  }
}
