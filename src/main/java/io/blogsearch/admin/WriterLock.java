package io.blogsearch.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per site data folder: an OS file lock on {@code <dataDir>/<site>/writer.lock},
 * held by whichever process crawls, indexes, rolls back or serves (a server runs jobs). The
 * file names the holder (pid and command) so a refused writer can say who it is. The OS drops
 * the lock when the holder exits, even after {@code kill -9}. The holding process must never
 * open the lock file otherwise: on POSIX, closing any channel to it drops the lock.
 */
public final class WriterLock implements AutoCloseable {
  public static final String FILE = "writer.lock";

  /** Thrown when another process (or another command in this one) holds the lock. */
  public static final class Held extends RuntimeException {
    private final String pid;
    private final String command;

    Held(Path file, String pid, String command) {
      super("pid " + pid + " (" + command + ") holds " + file);
      this.pid = pid;
      this.command = command;
    }

    /** The holder's process id, or "unknown". */
    public String pid() {
      return pid;
    }

    /** The holder's command (serve, demo, crawl, index, rollback), or "unknown". */
    public String command() {
      return command;
    }

    /** Whether the holder is a running server, which takes reindex and rollback requests over its admin API. */
    public boolean isServer() {
      return command.equals("serve") || command.equals("demo");
    }
  }

  /**
   * Locks this JVM holds, by lock file, with the command holding each. The OS lock belongs to the
   * process, and on POSIX closing any other channel to the file drops it, so a second acquire in
   * this process must not even open the file: hence this one piece of process-wide state.
   */
  private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code siteDir} for {@code command}.
   *
   * @throws Held naming the holder when another writer has it
   */
  public static WriterLock acquire(Path siteDir, String command) {
    Path file;
    try {
      Files.createDirectories(siteDir);
      file = siteDir.toRealPath().resolve(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + siteDir, e);
    }
    String holderHere = HELD_HERE.putIfAbsent(file, command);
    if (holderHere != null) {
      throw new Held(file, String.valueOf(ProcessHandle.current().pid()), holderHere);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        HELD_HERE.remove(file);
        throw holder(file);
      }
      String about = "pid=" + ProcessHandle.current().pid() + "\ncommand=" + command + "\nsince=" + Instant.now() + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(about.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new WriterLock(file, channel, lock);
    } catch (IOException | RuntimeException e) {
      if (!(e instanceof Held)) {
        closeQuietly(channel);
        HELD_HERE.remove(file);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException("cannot lock " + file, (IOException) e);
    }
  }

  private static Held holder(Path file) {
    String pid = "unknown";
    String command = "unknown";
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = line.substring(4).strip();
        } else if (line.startsWith("command=")) {
          command = line.substring(8).strip();
        }
      }
    } catch (IOException unreadable) {
      // the lock itself is what counts; who holds it is only for the message
    }
    return new Held(file, pid, command);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  /** Releases the lock; the file stays (truncating it could race a new holder's write). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      HELD_HERE.remove(file);
    }
  }
}
