package io.blogsearch.encoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vectors already computed, keyed by the SHA-256 of the embedded text, one file per model id:
 * a reindex embeds only new or changed texts. The file is append-only (a crash loses at most the
 * record being written: a torn tail is ignored on load) and rewritten with only the live texts
 * when stale records outnumber them.
 */
public final class EmbeddingCache {
  private static final int KEY_BYTES = 32;

  private final Path file;
  private final int dimension;
  private final Map<String, float[]> vectors = new HashMap<>();

  private EmbeddingCache(Path file, int dimension) {
    this.file = file;
    this.dimension = dimension;
  }

  /** The cache of {@code modelId} in {@code dir}, loaded. */
  public static EmbeddingCache open(Path dir, String modelId, int dimension) {
    EmbeddingCache c = new EmbeddingCache(dir.resolve(modelId.replaceAll("[^A-Za-z0-9._+-]", "_") + ".vec"), dimension);
    c.load();
    return c;
  }

  /** The key of a text. */
  public static String key(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public synchronized float[] get(String key) {
    return vectors.get(key);
  }

  public synchronized int size() {
    return vectors.size();
  }

  /** Adds vectors and appends them to the file. */
  public synchronized void putAll(Map<String, float[]> added) {
    List<Map.Entry<String, float[]>> fresh = new ArrayList<>();
    for (Map.Entry<String, float[]> e : added.entrySet()) {
      if (vectors.putIfAbsent(e.getKey(), e.getValue()) == null) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ch.write(records(fresh));
        ch.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedding cache " + file, e);
    }
  }

  /** Forgets every text but {@code live} once stale records outnumber live ones. */
  public synchronized void retainOnly(Set<String> live) {
    if (vectors.size() <= 2 * Math.max(live.size(), 1)) {
      return;
    }
    vectors.keySet().retainAll(live);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(records(vectors.entrySet()));
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite the embedding cache " + file, e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the embedding cache " + file, e);
    }
  }

  private ByteBuffer records(Collection<Map.Entry<String, float[]>> entries) {
    ByteBuffer b = ByteBuffer.allocate(entries.size() * recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (Map.Entry<String, float[]> e : entries) {
      b.put(HexFormat.of().parseHex(e.getKey()));
      for (float f : e.getValue()) {
        b.putFloat(f);
      }
    }
    return b.flip();
  }

  private int recordBytes() {
    return KEY_BYTES + dimension * Float.BYTES;
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] key = new byte[KEY_BYTES];
      while (b.remaining() >= recordBytes()) {
        b.get(key);
        float[] v = new float[dimension];
        b.asFloatBuffer().get(v);
        b.position(b.position() + dimension * Float.BYTES);
        vectors.put(HexFormat.of().formatHex(key), v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding cache " + file, e);
    }
  }
}
