package io.blogsearch.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway real WordPress (Debian's packages) started by scripts/wordpress/start.sh on a free
 * loopback port, with MariaDB on a socket and all state in a temporary folder. When it cannot
 * start, the test is skipped with the start log, except under {@code CI=true}, where it fails
 * with the log: CI never passes by skipping.
 */
public final class WordPressSite implements AutoCloseable {
  private static final String SCRIPTS = "scripts/wordpress/";
  private final Path state;
  private final int port;

  private WordPressSite(Path state, int port) {
    this.state = state;
    this.port = port;
  }

  /**
   * Starts WordPress with {@code content}: a sample-blog .json export, a WXR .xml file, or
   * {@code none} for an empty blog.
   */
  public static WordPressSite start(String content, String theme) throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    if (!Files.exists(Path.of("/usr/share/wordpress/wp-load.php"))) {
      missing.add("wordpress");
    }
    for (String command : List.of("mariadbd", "apache2", "php")) {
      if (!onPath(command)) {
        missing.add(command);
      }
    }
    if (!missing.isEmpty()) {
      unavailable("WordPress cannot start here: " + String.join(", ", missing)
          + " not installed (run scripts/wordpress/install-packages.sh)");
    }
    Path dir = Files.createTempDirectory("wordpress-state");
    // Apache's workers run as www-data and must read the config and wp-content under this folder.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    WordPressSite site = new WordPressSite(dir.resolve("wp"), port);
    long t0 = System.nanoTime();
    Run run = run(List.of("bash", SCRIPTS + "start.sh", site.state.toString(), String.valueOf(port), content, theme), 300);
    if (run.exitCode() != 0) {
      String logs = site.logs();
      site.close();
      unavailable("WordPress could not be started here (start.sh exit " + run.exitCode() + "):\n" + run.output() + logs);
    }
    System.out.printf("WordPress set up in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, run.output().strip());
    return site;
  }

  /** Skips the test with {@code why}, or fails it under {@code CI=true}. */
  public static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true, so this test must run: " + why);
    }
    Assumptions.abort(why + "; skipped");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Runs scripts/wordpress/SCRIPT against this WordPress (the port is the first argument); stdout, or fails with stderr. */
  public String php(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("php", SCRIPTS + script, String.valueOf(port)));
    command.addAll(List.of(args));
    Run run = run(command, 120);
    if (run.exitCode() != 0) {
      throw new AssertionError(script + " exited " + run.exitCode() + ": " + run.output().strip());
    }
    return run.output();
  }

  public void switchTheme(String theme) throws IOException, InterruptedException {
    Run run = run(List.of("php", SCRIPTS + "switch-theme.php", theme, String.valueOf(port)), 60);
    Assertions.assertEquals("theme " + theme, run.output().strip());
    Assertions.assertEquals(0, run.exitCode());
  }

  /** The instance's wp-content folder (themes, plugins, mu-plugins, uploads). */
  public Path contentDir() {
    return state.resolve("wp-content");
  }

  /** Apache's error log, where PHP warnings and notices of page requests are written. */
  public Path errorLog() {
    return state.resolve("logs/apache-error.log");
  }

  /** Writes the sample blog as the .json export {@link #start} imports (posts, comments, similar-posts meta). */
  public static void writeSampleExport(Path file) throws IOException {
    DateTimeFormatter sql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    List<Map<String, Object>> posts = new ArrayList<>();
    for (SamplePost p : SampleBlog.load().posts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", p.slug());
      m.put("title", p.title());
      m.put("author", p.author());
      m.put("date", sql.format(p.published()));
      m.put("modified", p.modified() == null ? null : sql.format(p.modified()));
      m.put("categories", p.categories());
      m.put("tags", p.tags());
      m.put("content", p.bodyHtml());
      m.put("similar", p.similar());
      List<Map<String, Object>> comments = new ArrayList<>();
      for (SamplePost.SampleComment c : p.comments()) {
        comments.add(Map.of("id", c.id(), "parent", c.parent(), "author", c.author(), "date", sql.format(c.date()), "text", c.text()));
      }
      m.put("comments", comments);
      posts.add(m);
    }
    new ObjectMapper().writeValue(file.toFile(), Map.of("posts", posts));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(List.of("bash", SCRIPTS + "stop.sh", state.toString()), 60);
  }

  private String logs() throws IOException {
    Path dir = state.resolve("logs");
    if (!Files.isDirectory(dir)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        out.append("\n--- ").append(f.getFileName()).append(" (end) ---\n").append(text.substring(Math.max(0, text.length() - 3000)));
      }
    }
    return out.toString();
  }

  private record Run(int exitCode, String output) {}

  /** Runs a command; stdout, then stderr, as one text (stdout only when it succeeds and stderr is empty). */
  private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path err = Files.createTempFile("wordpress-cmd", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, out + "\n" + String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      return new Run(p.exitValue(), p.exitValue() == 0 ? out : out + stderr);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", command));
  }
}
