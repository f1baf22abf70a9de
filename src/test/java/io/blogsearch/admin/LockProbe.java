package io.blogsearch.admin;

import java.nio.file.Path;

/** Child-process body for lock tests: tries a site's writer lock once and prints "acquired" or "held <why>". */
public final class LockProbe {
  public static void main(String[] args) {
    try {
      WriterLock.acquire(Path.of(args[0]), "probe").close();
      System.out.println("acquired");
    } catch (WriterLock.Held h) {
      System.out.println("held " + h.getMessage());
    }
  }

  /** What a fresh process gets when it tries the lock of {@code siteDir}. */
  static String run(Path siteDir) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), siteDir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out;
  }
}
