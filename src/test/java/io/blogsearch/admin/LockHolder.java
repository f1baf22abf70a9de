package io.blogsearch.admin;

import java.nio.file.Path;

/** Child-process body for lock tests: takes a site's writer lock as {@code args[1]} and holds it until killed. */
public final class LockHolder {
  public static void main(String[] args) throws Exception {
    try (WriterLock lock = WriterLock.acquire(Path.of(args[0]), args[1])) {
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  /** Starts a JVM holding the lock of {@code siteDir} for {@code command}; returns once it holds it. */
  public static Process start(Path siteDir, String command) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), siteDir.toString(), command)
        .redirectErrorStream(true).start();
    String first = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
    if (!"ready".equals(first)) {
      child.destroyForcibly();
      throw new AssertionError("lock holder did not start: " + first);
    }
    return child;
  }
}
