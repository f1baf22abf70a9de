package io.blogsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A full disk during a build: the service's data dir on a small tmpfs, filled up to a few hundred
 * KiB before a full reindex. The job must fail with a clear reason, search must keep answering
 * from the serving generation and nothing partial may be left behind. Needs root (mount).
 */
final class FullDisk {
  private FullDisk() {}

  static void run(Path work) throws Exception {
    Path mnt = Files.createDirectories(work.resolve("mnt"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt.toString())
        .redirectErrorStream(true).start();
    String mountOut = new String(mount.getInputStream().readAllBytes()).strip();
    if (mount.waitFor() != 0) {
      System.out.println("== full disk: not measured: cannot mount a tmpfs here (" + mountOut + ")");
      return;
    }
    try (ServiceProcess service = new ServiceProcess(mnt.resolve("data"))) {
      List<String> before = FaultsBenchmark.postUrls(service);
      System.out.println("== full disk during a full reindex (data dir on a 64 MiB tmpfs, filled up to the space left)");
      Path filler = mnt.resolve("filler");
      // The space left decides which step hits the full disk: the crawl output, the index or the related lists.
      long crawl = size(service.dataDir.resolve("faults/crawl"));
      long index = size(service.dataDir.resolve("faults/generations"));
      System.out.printf(Locale.ROOT, "  crawl output %d KiB, index generations %d KiB%n", crawl / 1024, index / 1024);
      // The space left decides which step meets the full disk; a scan finds the crawl save, the
      // index build and the related lists in turn.
      for (long left = 256 * 1024; left <= 1600 * 1024; left += left < 768 * 1024 ? 512 * 1024 : 96 * 1024) {
        long free = Files.getFileStore(mnt).getUsableSpace();
        fill(filler, free - left);
        String job = FaultsBenchmark.runJob(service, "{\"mode\":\"full\"}");
        int searchStatus = FaultsBenchmark.get(service.base() + "/api/search?q=feedback").statusCode();
        List<String> after = FaultsBenchmark.postUrls(service);
        List<String> partial = leftovers(service.dataDir);
        Files.delete(filler);
        System.out.printf(Locale.ROOT, "  %d KiB left: job %s%n", left / 1024, job);
        System.out.printf(Locale.ROOT, "    search during and after: HTTP %d, %d posts listed (%d before); partial files or "
            + "unfinished generations left: %s%n", searchStatus, after.size(), before.size(),
            partial.isEmpty() ? "none" : partial);
      }
      // The disk filled the moment the job leaves its crawl, so the index build meets it.
      String job = FaultsBenchmark.runJobFillingAt(service, "{\"mode\":\"full\"}", "index", () -> {
        try {
          fill(filler, Files.getFileStore(mnt).getUsableSpace() - 8 * 1024);
        } catch (IOException e) {
          // the disk is full: that is the point
        }
      });
      List<String> partial = leftovers(service.dataDir);
      int searchStatus = FaultsBenchmark.get(service.base() + "/api/search?q=feedback").statusCode();
      int listed = FaultsBenchmark.postUrls(service).size();
      Files.deleteIfExists(filler);
      System.out.printf(Locale.ROOT, "  filled when the job entered its index phase: job %s%n", job);
      System.out.printf(Locale.ROOT, "    search during and after: HTTP %d, %d posts listed (%d before); partial files or "
          + "unfinished generations left: %s%n", searchStatus, listed, before.size(), partial.isEmpty() ? "none" : partial);
      System.out.println("  after freeing space: " + FaultsBenchmark.runJob(service, "{\"mode\":\"full\"}"));
    } finally {
      new ProcessBuilder("umount", "-l", mnt.toString()).inheritIO().start().waitFor();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void fill(Path file, long bytes) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, bytes - written));
      }
    }
  }

  /** Temporary files and generation folders without COMPLETE under the data dir. */
  private static List<String> leftovers(Path dataDir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dataDir)) {
      for (Path p : all.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp")) {
          out.add(dataDir.relativize(p).toString());
        } else if (name.matches("gen-\\d+") && Files.isDirectory(p) && !Files.exists(p.resolve("COMPLETE"))) {
          out.add(dataDir.relativize(p) + "/ (unfinished)");
        }
      }
    }
    return out;
  }
}
