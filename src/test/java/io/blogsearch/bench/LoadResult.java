package io.blogsearch.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Throughput and latency percentiles of one load run. */
public record LoadResult(String label, double qps, double p50ms, double p99ms, long requests, long errors) {
  public String row() {
    return String.format(Locale.ROOT, "%-44s %9.1f %9.2f %9.2f %9d %7d", label, qps, p50ms, p99ms, requests, errors);
  }

  public static String header() {
    return String.format(Locale.ROOT, "%-44s %9s %9s %9s %9s %7s", "run", "QPS", "p50 ms", "p99 ms", "requests", "errors");
  }

  /** From per-request latencies in nanoseconds over {@code seconds} of wall time. */
  public static LoadResult of(String label, long[] nanos, int count, double seconds, long errors) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new LoadResult(label, count / seconds, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6, count, errors);
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern PCT = Pattern.compile("\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** Parses the output of {@code wrk --latency}. */
  public static LoadResult fromWrk(String label, String out) {
    Matcher m = RPS.matcher(out);
    double qps = m.find() ? Double.parseDouble(m.group(1)) : 0;
    double p50 = 0;
    double p99 = 0;
    Matcher p = PCT.matcher(out);
    while (p.find()) {
      double v = Double.parseDouble(p.group(2)) * switch (p.group(3)) {
        case "us" -> 0.001;
        case "s" -> 1000.0;
        default -> 1.0;
      };
      if (p.group(1).equals("50")) {
        p50 = v;
      } else {
        p99 = v;
      }
    }
    Matcher t = TOTAL.matcher(out);
    long total = t.find() ? Long.parseLong(t.group(1)) : 0;
    long errors = 0;
    Matcher e = NON2XX.matcher(out);
    if (e.find()) {
      errors += Long.parseLong(e.group(1));
    }
    Matcher s = SOCKET.matcher(out);
    if (s.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(s.group(i));
      }
    }
    return new LoadResult(label, qps, p50, p99, total, errors);
  }
}
