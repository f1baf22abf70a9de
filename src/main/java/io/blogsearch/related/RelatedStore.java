package io.blogsearch.related;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes the related lists as {@code related.json} inside the index folder, so the
 * lists always travel with the index they were computed from. Replaced atomically.
 *
 * <p>Each recommended post (URL, title, excerpt, date) and each distinct reason list is written
 * once, and a list item names them by number (with its own copy of the post's fields only when
 * they differ, as an item kept from before an edit may): about a tenth of the size of one object
 * per item, so a build and a publish read and write a tenth as much, and loaded lists share those
 * strings. Files written before this format (no {@code format} field) are still read.
 */
public final class RelatedStore {
  public static final String FILE = "related.json";
  private static final int FORMAT = 2;
  private static final byte[] FORMAT_MARK = "{\"format\":".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RelatedStore() {}

  /** A recommended post as every list shows it. */
  record Post(String url, String title, String excerpt, Instant published) {
    static Post of(RelatedItem i) {
      return new Post(i.url(), i.title(), i.excerpt(), i.published());
    }
  }

  /**
   * A list item in the file.
   *
   * @param p the post's number in {@code posts}
   * @param s the score
   * @param r the reasons' number in {@code reasons}
   * @param own the post as this item shows it, when that differs from {@code posts}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(int p, double s, int r, Post own) {}

  record StoredList(List<Item> items, boolean fallback) {}

  @JsonPropertyOrder({"format"})
  record File(int format, List<Post> posts, List<List<String>> reasons, Map<String, StoredList> lists,
      Map<String, String> fingerprints, List<String> nonPosts, long computedMillis, int recomputed) {}

  /** The lists saved in {@code indexDir}, or an empty set when there are none. */
  public static RelatedSet load(Path indexDir) {
    Path file = indexDir.resolve(FILE);
    if (!Files.exists(file)) {
      return RelatedSet.empty();
    }
    try {
      return startsWithFormat(file) ? fromFile(JSON.readValue(file.toFile(), File.class))
          : JSON.readValue(file.toFile(), RelatedSet.class);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  public static void save(RelatedSet set, Path indexDir) {
    Path tmp = indexDir.resolve(FILE + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), toFile(set));
      Files.move(tmp, indexDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + indexDir.resolve(FILE), e);
    }
  }

  private static boolean startsWithFormat(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(FORMAT_MARK.length), FORMAT_MARK);
    }
  }

  static File toFile(RelatedSet set) {
    Map<String, RelatedList> sorted = new TreeMap<>(set.lists());
    Map<String, Post> shared = sharedPosts(sorted);
    Map<String, Integer> postNumbers = new HashMap<>();
    List<Post> posts = new ArrayList<>();
    Map<List<String>, Integer> reasonNumbers = new HashMap<>();
    List<List<String>> reasons = new ArrayList<>();
    Map<String, StoredList> lists = new TreeMap<>();
    sorted.forEach((url, list) -> {
      List<Item> items = new ArrayList<>(list.items().size());
      for (RelatedItem i : list.items()) {
        Post p = Post.of(i);
        int n = postNumbers.computeIfAbsent(i.url(), k -> {
          posts.add(shared.get(k));
          return posts.size() - 1;
        });
        int r = reasonNumbers.computeIfAbsent(i.reasons(), k -> {
          reasons.add(k);
          return reasons.size() - 1;
        });
        items.add(new Item(n, i.score(), r, posts.get(n).equals(p) ? null : p));
      }
      lists.put(url, new StoredList(items, list.fallback()));
    });
    return new File(FORMAT, posts, reasons, lists, new TreeMap<>(set.fingerprints()), set.nonPosts(), set.computedMillis(),
        set.recomputed());
  }

  /** Per recommended URL, the version of its fields most lists show (the first such in URL order on a tie). */
  private static Map<String, Post> sharedPosts(Map<String, RelatedList> lists) {
    Map<String, Map<Post, Integer>> counts = new HashMap<>();
    lists.values().forEach(list -> list.items().forEach(
        i -> counts.computeIfAbsent(i.url(), k -> new LinkedHashMap<>()).merge(Post.of(i), 1, Integer::sum)));
    Map<String, Post> out = new HashMap<>();
    counts.forEach((url, versions) -> out.put(url,
        versions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    return out;
  }

  static RelatedSet fromFile(File f) {
    List<Post> posts = orEmpty(f.posts());
    List<List<String>> reasons = orEmpty(f.reasons()).stream().map(List::copyOf).toList();
    Map<String, RelatedList> lists = new HashMap<>();
    if (f.lists() != null) {
      f.lists().forEach((url, stored) -> {
        List<RelatedItem> items = new ArrayList<>(stored.items().size());
        for (Item i : stored.items()) {
          if (i.p() < 0 || i.p() >= posts.size() || i.r() < 0 || i.r() >= reasons.size()) {
            throw new IllegalArgumentException("the related list of " + url + " names a post or reasons not in the file");
          }
          Post p = Objects.requireNonNullElse(i.own(), posts.get(i.p()));
          items.add(new RelatedItem(p.url(), p.title(), p.excerpt(), p.published(), i.s(), reasons.get(i.r())));
        }
        lists.put(url, new RelatedList(items, stored.fallback()));
      });
    }
    return new RelatedSet(lists, f.fingerprints() == null ? Map.of() : f.fingerprints(), orEmpty(f.nonPosts()),
        f.computedMillis(), f.recomputed());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
