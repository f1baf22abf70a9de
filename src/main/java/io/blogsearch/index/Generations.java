package io.blogsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Numbered, immutable index generations of one site ({@code generations/gen-000007/}: the Lucene
 * index plus {@code related.json}). A build writes a new generation beside the serving one,
 * marks it complete, then moves the {@code CURRENT} pointer atomically; a crash at any moment
 * leaves {@code CURRENT} naming a complete generation, and unfinished ones are removed at the
 * next start. Older complete generations stay for rollback.
 */
public final class Generations {
  private static final Pattern NAME = Pattern.compile("gen-(\\d{6,})");
  private static final String COMPLETE = "COMPLETE";
  private static final String CURRENT = "CURRENT";

  /** One generation folder. */
  public record Generation(long number, Path dir) {
    public String name() {
      return dir.getFileName().toString();
    }
  }

  private final Path root;

  /** @param root the site's {@code generations} folder */
  public Generations(Path root) {
    this.root = root;
  }

  /** The serving generation, if any build ever completed. */
  public Optional<Generation> current() {
    Path pointer = root.resolve(CURRENT);
    try {
      if (!Files.exists(pointer)) {
        return Optional.empty();
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      Matcher m = NAME.matcher(name);
      Path dir = root.resolve(name);
      if (!m.matches() || !Files.exists(dir.resolve(COMPLETE))) {
        return Optional.empty();
      }
      return Optional.of(new Generation(Long.parseLong(m.group(1)), dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** A new, empty generation folder numbered after every existing one. */
  public Generation create() {
    try {
      Files.createDirectories(root);
      long next = list(false).stream().mapToLong(Generation::number).max().orElse(0) + 1;
      Path dir = root.resolve(String.format("gen-%06d", next));
      Files.createDirectory(dir);
      return new Generation(next, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a generation in " + root, e);
    }
  }

  /** Marks {@code g} complete and makes it the serving generation. */
  public void publish(Generation g, String summary) {
    try {
      writeDurably(g.dir().resolve(COMPLETE), summary);
      writeDurably(root.resolve(CURRENT), g.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + g.dir(), e);
    }
  }

  /** Points {@code CURRENT} at the newest complete generation older than the current one. */
  public Optional<Generation> rollback() {
    Optional<Generation> cur = current();
    if (cur.isEmpty()) {
      return Optional.empty();
    }
    Optional<Generation> previous = list(true).stream().filter(g -> g.number() < cur.get().number())
        .max(Comparator.comparingLong(Generation::number));
    previous.ifPresent(g -> {
      try {
        writeDurably(root.resolve(CURRENT), g.name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return previous;
  }

  /**
   * Deletes unfinished generations and all but the newest {@code keep} complete ones older than
   * the current (which is never deleted). Safe only when no build is running.
   */
  public void cleanup(int keep) {
    Optional<Generation> cur = current();
    long current = cur.map(Generation::number).orElse(-1L);
    List<Generation> older = list(true).stream().filter(g -> g.number() < current)
        .sorted(Comparator.comparingLong(Generation::number).reversed()).toList();
    for (Generation g : list(false)) {
      boolean complete = Files.exists(g.dir().resolve(COMPLETE));
      boolean keepIt = g.number() == current || complete && older.indexOf(g) >= 0 && older.indexOf(g) < keep;
      if (!keepIt) {
        delete(g.dir());
      }
    }
  }

  /** Generations on disk, oldest first; only complete ones if asked. */
  public List<Generation> list(boolean completeOnly) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(d -> {
        Matcher m = NAME.matcher(d.getFileName().toString());
        return m.matches() ? new Generation(Long.parseLong(m.group(1)), d) : null;
      }).filter(g -> g != null && (!completeOnly || Files.exists(g.dir().resolve(COMPLETE))))
          .sorted(Comparator.comparingLong(Generation::number)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeDurably(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // some file systems cannot fsync a directory; the rename is still atomic
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
