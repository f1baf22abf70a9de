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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Numbered, immutable index generations of one site ({@code generations/gen-000007/}: the Lucene
 * index plus {@code related.json}). A build writes a new generation beside the serving one,
 * marks it complete, then moves the {@code CURRENT} pointer atomically; a crash at any moment
 * leaves {@code CURRENT} naming a complete generation, and unfinished ones are removed at the
 * next start ({@link #removeUnfinished}). Older complete generations stay for rollback. Each
 * index records its layout version; one of another layout is never served.
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

  /** The newest complete generation older than the current one: where a rollback goes. */
  public Optional<Generation> previous() {
    Optional<Generation> cur = current();
    if (cur.isEmpty()) {
      return Optional.empty();
    }
    return list(true).stream().filter(g -> g.number() < cur.get().number())
        .max(Comparator.comparingLong(Generation::number));
  }

  /** Points {@code CURRENT} at the complete generation {@code g} (a rollback, once {@code g} has been opened). */
  public void point(Generation g) {
    if (!Files.exists(g.dir().resolve(COMPLETE))) {
      throw new IllegalStateException(g.name() + " is not complete");
    }
    try {
      writeDurably(root.resolve(CURRENT), g.name());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot point " + root.resolve(CURRENT) + " at " + g.name(), e);
    }
  }

  /** Deletes {@code g}, a generation a build gave up on; never the current one. */
  public void discard(Generation g) {
    if (current().map(c -> c.number() == g.number()).orElse(false)) {
      throw new IllegalStateException("cannot discard the serving generation " + g.name());
    }
    if (Files.exists(g.dir())) {
      delete(g.dir());
    }
  }

  /** Deletes every generation folder without {@code COMPLETE}: left by a build that crashed or was killed. */
  public List<Generation> removeUnfinished() {
    List<Generation> unfinished = list(false).stream().filter(g -> !Files.exists(g.dir().resolve(COMPLETE))).toList();
    unfinished.forEach(g -> delete(g.dir()));
    return unfinished;
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

  /**
   * The layout version ({@link IndexSchema#VERSION}) stored in {@code g}'s last commit, or
   * "none" for an index that never stored one.
   */
  public static String layout(Generation g) {
    return commitData(g).getOrDefault("schema", "none");
  }

  /** Refuses a generation written in another layout: this build could not read it correctly. */
  public static void requireReadableLayout(Generation g) {
    String layout = layout(g);
    if (!layout.equals(IndexSchema.VERSION)) {
      throw new LayoutMismatch(g, layout);
    }
  }

  /** Posts in {@code g}'s index (deleted documents an update left in older segments not counted). */
  public static int documents(Generation g) {
    try (Directory d = FSDirectory.open(g.dir())) {
      int live = 0;
      for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(d)) {
        live += s.info.maxDoc() - s.getDelCount() - s.getSoftDelCount();
      }
      return live;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index in " + g.dir(), e);
    }
  }

  private static Map<String, String> commitData(Generation g) {
    try (Directory d = FSDirectory.open(g.dir())) {
      return SegmentInfos.readLatestCommit(d).getUserData();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index in " + g.dir(), e);
    }
  }

  /** A generation of another index layout than this build reads. */
  public static final class LayoutMismatch extends IllegalStateException {
    private final Generation generation;

    LayoutMismatch(Generation g, String layout) {
      super(g.name() + ": index layout " + layout + ", this build reads " + IndexSchema.VERSION + ": run a full reindex");
      this.generation = g;
    }

    public Generation generation() {
      return generation;
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
