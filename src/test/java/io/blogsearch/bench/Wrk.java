package io.blogsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs wrk (Debian package) against a list of request paths, rotating through them. */
public final class Wrk {
  private Wrk() {}

  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/wrk"));
  }

  /** A wrk Lua script that requests {@code paths} in turn. */
  public static Path script(List<String> paths) throws IOException {
    StringBuilder lua = new StringBuilder("local paths = {\n");
    for (String p : paths) {
      lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append("}\nlocal i = math.random(#paths)\nrequest = function()\n  i = i % #paths + 1\n")
        .append("  return wrk.format(\"GET\", paths[i])\nend\n");
    Path f = Files.createTempFile("wrk-", ".lua");
    Files.writeString(f, lua, StandardCharsets.UTF_8);
    return f;
  }

  public static LoadResult run(String label, String baseUrl, Path script, int connections, int seconds)
      throws IOException, InterruptedException {
    int threads = Math.min(2, connections);
    Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
        "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return LoadResult.fromWrk(label, out);
  }
}
