package io.blogsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real service in a child JVM: {@code blogsearch demo} on a data dir of the caller's choice
 * (sample blog, crawl, index, serve), with a known admin token and no public rate limit, so a
 * benchmark can hurt it from outside as a client would.
 */
final class ServiceProcess implements AutoCloseable {
  static final String TOKEN = "faults-bench-token";

  final int port;
  final Path dataDir;
  private final Process process;
  private final List<String> output = new ArrayList<>();

  ServiceProcess(Path dataDir) throws Exception {
    this.dataDir = dataDir;
    Files.createDirectories(dataDir);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dataDir.resolve("faults.yaml");
    Files.writeString(config, """
        name: faults
        seeds: [http://127.0.0.1:7071/]
        limits: {maxPages: 2000, maxDuration: 5m}
        politeness: {concurrencyPerHost: 4, delay: 0ms}
        http: {retryBackoff: 10ms}
        service: {publicRequestsPerSecond: 0, adminRequestsPerMinute: 0}
        """);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), "io.blogsearch.cli.Main", "demo", "--port", String.valueOf(port),
        "--blog-port", "0", "--config", config.toString(), "--data-dir", dataDir.toString()).redirectErrorStream(true);
    pb.environment().put("BLOGSEARCH_ADMIN_TOKEN", TOKEN);
    process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while ((line = out.readLine()) != null) {
      output.add(line);
      if (line.startsWith("Press Ctrl-C")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    if (line == null || !line.startsWith("Press Ctrl-C")) {
      process.destroyForcibly();
      throw new IllegalStateException("the service did not start:\n" + String.join("\n", output));
    }
    ServiceOutput.drainInBackground(out);
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
