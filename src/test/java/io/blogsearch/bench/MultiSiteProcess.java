package io.blogsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code blogsearch serve --service} in a child JVM over a scenario folder (its {@code sites/}
 * configs and {@code data/}), and what the operating system and the JVM say it holds: heap after
 * a full GC (jcmd), resident memory, open file descriptors (and how many are files under the data
 * dir), threads, and how many sites the service has open.
 */
final class MultiSiteProcess implements AutoCloseable {
  static final String OPERATOR = "sites-bench-operator-token";

  /** One reading of the process's resources. */
  record Resources(double heapMiB, double rssMiB, int fds, int dataFds, int mappedFiles, int threads, int openSites) {}

  final int port;
  private final Path scenario;
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  MultiSiteProcess(Path scenario, List<String> sites, int maxOpenSites, String heap) throws Exception {
    this.scenario = scenario;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringBuilder yaml = new StringBuilder("""
        port: %d
        host: 127.0.0.1
        publicRequestsPerSecond: 0
        adminRequestsPerMinute: 0
        maxOpenSites: %d
        dataDir: %s
        sites:
        """.formatted(port, maxOpenSites, scenario.resolve("data").toAbsolutePath()));
    sites.forEach(s -> yaml.append("  - sites/").append(s).append(".yaml\n"));
    Path config = scenario.resolve("service.yaml");
    Files.writeString(config, yaml);
    // the fat jar when the script built it: the test classpath would add a descriptor per jar
    String classpath = System.getProperty("bench.serviceJar", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
        "io.blogsearch.cli.Main", "serve", "--service", config.toAbsolutePath().toString())
        .directory(scenario.toFile()).redirectErrorStream(true);
    pb.environment().put("BLOGSEARCH_OPERATOR_TOKEN", OPERATOR);
    process = pb.start();
    awaitStarted();
  }

  private void awaitStarted() throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl-C") && System.nanoTime() < deadline) {
      output.add(line);
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

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
  private static final Pattern THREADS = Pattern.compile("Threads:\\s+(\\d+)");

  Resources resources() throws Exception {
    long pid = process.pid();
    jcmd(pid, "GC.run");
    Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    Matcher rss = VM_RSS.matcher(status);
    Matcher threads = THREADS.matcher(status);
    if (!heap.find() || !rss.find() || !threads.find()) {
      throw new IllegalStateException("cannot read the service's heap, RSS or threads");
    }
    int fds = 0;
    int dataFds = 0;
    Path data = scenario.resolve("data").toRealPath();
    try (Stream<Path> links = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      for (Path link : links.toList()) {
        fds++;
        try {
          if (Files.readSymbolicLink(link).startsWith(data)) {
            dataFds++;
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor closed between the listing and the read
        }
      }
    }
    long mapped;
    try (Stream<String> maps = Files.lines(Path.of("/proc/" + pid + "/maps"))) {
      String prefix = data.toString() + "/";
      mapped = maps.map(l -> l.indexOf(prefix) < 0 ? null : l.substring(l.indexOf(prefix)))
          .filter(java.util.Objects::nonNull).distinct().count();
    }
    return new Resources(Long.parseLong(heap.group(1)) / 1024.0, Long.parseLong(rss.group(1)) / 1024.0, fds, dataFds,
        (int) mapped, Integer.parseInt(threads.group(1)), openSites());
  }

  /** Searches every site once and fails unless each finds something: no site may serve an empty index. */
  void checkEverySiteServes(List<String> sites) throws Exception {
    for (String site : sites) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/sites/" + site
          + "/search?q=feedback")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || new ObjectMapper().readTree(r.body()).path("total").asInt() == 0) {
        throw new IllegalStateException("site " + site + " does not serve its copy: " + r.statusCode() + " " + r.body());
      }
    }
  }

  private int openSites() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/sites"))
        .header("Authorization", "Bearer " + OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /api/admin/sites: " + r.statusCode() + " " + r.body());
    }
    return new ObjectMapper().readTree(r.body()).path("open").asInt(-1);
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
