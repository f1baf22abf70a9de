package io.blogsearch.related;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes the related lists as {@code related.json} inside the index folder, so the
 * lists always travel with the index they were computed from. Replaced atomically.
 *
 * <p>Each recommended post's title, excerpt and date are written once, in {@code posts}, and a
 * list item names the post by URL (with its own copy only when it differs, as an item kept from
 * before an edit may): about a fifth of the size of one object per item, so a build and a publish
 * read and write a fifth as much, and loaded lists share those strings. Files written before
 * this format (no {@code format} field) are still read.
 */
public final class RelatedStore {
  public static final String FILE = "related.json";
  private static final int FORMAT = 2;
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RelatedStore() {}

  /** A recommended post as every list shows it. */
  record Post(String title, String excerpt, Instant published) {
    static Post of(RelatedItem i) {
      return new Post(i.title(), i.excerpt(), i.published());
    }
  }

  /** A list item in the file: the post by URL, its own fields only when they differ from {@code posts}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(String url, double score, List<String> reasons, Post own) {}

  record StoredList(List<Item> items, boolean fallback) {}

  record File(int format, Map<String, Post> posts, Map<String, StoredList> lists, Map<String, String> fingerprints,
      List<String> nonPosts, long computedMillis, int recomputed) {}

  /** The lists saved in {@code indexDir}, or an empty set when there are none. */
  public static RelatedSet load(Path indexDir) {
    Path file = indexDir.resolve(FILE);
    if (!Files.exists(file)) {
      return RelatedSet.empty();
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      if (!tree.has("format")) {
        return JSON.treeToValue(tree, RelatedSet.class);
      }
      return fromFile(JSON.treeToValue(tree, File.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
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

  static File toFile(RelatedSet set) {
    Map<String, Post> posts = new LinkedHashMap<>();
    Map<String, StoredList> lists = new LinkedHashMap<>();
    set.lists().forEach((url, list) -> {
      List<Item> items = new ArrayList<>(list.items().size());
      for (RelatedItem i : list.items()) {
        Post p = Post.of(i);
        Post shared = posts.putIfAbsent(i.url(), p);
        items.add(new Item(i.url(), i.score(), i.reasons(), shared == null || shared.equals(p) ? null : p));
      }
      lists.put(url, new StoredList(items, list.fallback()));
    });
    return new File(FORMAT, posts, lists, set.fingerprints(), set.nonPosts(), set.computedMillis(), set.recomputed());
  }

  static RelatedSet fromFile(File f) {
    Map<String, RelatedList> lists = new HashMap<>();
    Map<String, Post> posts = f.posts() == null ? Map.of() : f.posts();
    Map<List<String>, List<String>> reasons = new HashMap<>(); // one copy of each reason list
    if (f.lists() != null) {
      f.lists().forEach((url, stored) -> {
        List<RelatedItem> items = new ArrayList<>(stored.items().size());
        for (Item i : stored.items()) {
          Post p = Objects.requireNonNullElse(i.own(), posts.get(i.url()));
          if (p == null) {
            throw new IllegalArgumentException("related list of " + url + " names " + i.url() + ", which has no entry in posts");
          }
          List<String> r = reasons.computeIfAbsent(i.reasons() == null ? List.of() : List.copyOf(i.reasons()), k -> k);
          items.add(new RelatedItem(i.url(), p.title(), p.excerpt(), p.published(), i.score(), r));
        }
        lists.put(url, new RelatedList(items, stored.fallback()));
      });
    }
    return new RelatedSet(lists, f.fingerprints() == null ? Map.of() : f.fingerprints(),
        f.nonPosts() == null ? List.of() : f.nonPosts(), f.computedMillis(), f.recomputed());
  }
}
