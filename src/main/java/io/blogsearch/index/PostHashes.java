package io.blogsearch.index;

import io.blogsearch.extract.Article;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A content hash of every post in an index, saved beside it as {@value #FILE} ({@code <hash> <url>}
 * per line, sorted by URL): the next build compares the crawl output's posts with these to
 * index only what changed, and to publish nothing when nothing did. The hash covers every field
 * of the {@link Article}, so any change the index could show counts.
 */
public final class PostHashes {
  public static final String FILE = "posts.sha";

  private PostHashes() {}

  /** Hash per post URL. */
  public static Map<String, String> of(Collection<Article> articles) {
    MessageDigest digest = sha256();
    Map<String, String> out = new TreeMap<>();
    for (Article a : articles) {
      out.put(a.url(), of(a, digest));
    }
    return out;
  }

  private static String of(Article a, MessageDigest d) {
    d.reset();
    put(d, a.url());
    put(d, a.title());
    put(d, a.body());
    put(d, a.excerpt());
    put(d, a.author());
    put(d, String.valueOf(a.published()));
    put(d, String.valueOf(a.modified()));
    put(d, a.categories());
    put(d, a.tags());
    for (Article.Comment c : a.comments()) {
      put(d, List.of(c.id(), c.parentId(), c.author(), String.valueOf(c.date()), c.text(), c.type()));
    }
    put(d, "\u0001");
    for (Article.RelatedLink l : a.relatedLinks()) {
      put(d, List.of(l.url(), l.title(), l.source()));
    }
    return HexFormat.of().formatHex(d.digest(), 0, 16);
  }

  /** Each value followed by a separator no crawled text holds, so "ab"+"c" never hashes like "a"+"bc". */
  private static void put(MessageDigest d, String s) {
    d.update(s.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
  }

  private static void put(MessageDigest d, List<String> values) {
    d.update((byte) values.size());
    values.forEach(v -> put(d, v));
  }

  /** The hashes saved in {@code indexDir}, or empty for an index built before they were kept. */
  public static Optional<Map<String, String>> load(Path indexDir) {
    Path file = indexDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, String> out = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0) {
          out.put(line.substring(space + 1), line.substring(0, space));
        }
      }
      return Optional.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes {@code hashes} into {@code indexDir}, replacing any older file atomically. */
  public static void save(Map<String, String> hashes, Path indexDir) {
    Path tmp = indexDir.resolve(FILE + ".tmp");
    try {
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
          w.write(e.getValue());
          w.write(' ');
          w.write(e.getKey());
          w.write('\n');
        }
      }
      Files.move(tmp, indexDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + indexDir.resolve(FILE), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
