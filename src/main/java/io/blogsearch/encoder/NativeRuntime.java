package io.blogsearch.encoder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Where the native libraries of the model runtime go. DJL's tokenizer unpacks its library into
 * {@code DJL_CACHE_DIR} (environment or system property; {@code ~/.djl.ai} otherwise); ONNX
 * Runtime unpacks into a fresh {@code onnxruntime-java*} folder in the temp dir, deletes the
 * files once loaded but leaves the folder.
 */
public final class NativeRuntime {
  private static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

  private NativeRuntime() {}

  /** Points DJL's cache at {@code dir} unless the environment or a system property already chose one. */
  public static void useCacheDir(Path dir) {
    if (System.getenv(DJL_CACHE_DIR) == null && System.getProperty(DJL_CACHE_DIR) == null) {
      System.setProperty(DJL_CACHE_DIR, dir.toAbsolutePath().toString());
    }
  }

  /**
   * Runs {@code load}; the folders ONNX Runtime made in the temp dir meanwhile are removed when the
   * process exits (not at once: another process starting now may be unpacking into its own).
   */
  static <T> T withTempCleanup(Callable<T> load) throws Exception {
    Set<Path> before = ortTempDirs();
    try {
      return load.call();
    } finally {
      for (Path p : ortTempDirs()) {
        if (!before.contains(p)) {
          p.toFile().deleteOnExit(); // a folder still holding files stays
        }
      }
    }
  }

  private static Set<Path> ortTempDirs() {
    Set<Path> dirs = new HashSet<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "onnxruntime-java*")) {
      s.forEach(dirs::add);
    } catch (IOException unreadable) {
      // nothing to clean that we could see
    }
    return dirs;
  }
}
