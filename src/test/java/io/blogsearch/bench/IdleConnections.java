package io.blogsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Search latency with 1,000 idle connections and 50 slow-loris clients (one header byte every
 * 500 ms) held open, beside the same 8-connection search load on a quiet server.
 */
final class IdleConnections {
  private IdleConnections() {}

  static void run(ServiceProcess service, List<String> postUrls) throws Exception {
    LoadClients clients = new LoadClients(service.base(), postUrls, n -> true);
    clients.run(8, new AtomicBoolean(), 5, true); // warm-up: JIT and caches
    List<LoadClients.Result> quiet = new ArrayList<>();
    List<LoadClients.Result> loaded = new ArrayList<>();
    int stillOpen = 0;
    int dropped = 0;
    for (int round = 0; round < 3; round++) {
      quiet.add(clients.run(8, new AtomicBoolean(), 10, true));
      List<Socket> idle = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", service.port), 5000);
        idle.add(s);
      }
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> loris = new ArrayList<>();
      int[] closed = new int[1];
      for (int i = 0; i < 50; i++) {
        Thread t = new Thread(() -> slowLoris(service.port, stop, closed));
        t.setDaemon(true);
        t.start();
        loris.add(t);
      }
      Thread.sleep(1000);
      loaded.add(clients.run(8, new AtomicBoolean(), 10, true));
      stop.set(true);
      for (Socket s : idle) {
        try {
          s.getOutputStream().write(' ');
          stillOpen++;
        } catch (IOException e) {
          // closed by the server's idle timeout
        }
        s.close();
      }
      for (Thread t : loris) {
        t.join(2000);
      }
      dropped += closed[0];
    }
    System.out.printf(Locale.ROOT, "== 1,000 idle connections + 50 slow-loris clients beside 8 search connections "
        + "(3 rounds of 10 s quiet, 10 s loaded; medians)%n");
    print("quiet ", quiet);
    print("loaded", loaded);
    System.out.printf(Locale.ROOT, "  loaded/quiet: p99 %.2f, QPS %.2f%n", median(loaded, LoadClients.Result::p99)
        / median(quiet, LoadClients.Result::p99), median(loaded, LoadClients.Result::qps) / median(quiet, LoadClients.Result::qps));
    System.out.printf(Locale.ROOT, "  idle connections still open after their round: %d of 3,000; slow-loris connections "
        + "the server closed: %d of 150%n", stillOpen, dropped);
  }

  private static void print(String label, List<LoadClients.Result> runs) {
    System.out.printf(Locale.ROOT, "  %s: %.0f QPS, p50 %.2f ms, p99 %.2f ms, %d failed (runs: %s)%n", label,
        median(runs, LoadClients.Result::qps), median(runs, LoadClients.Result::p50), median(runs, LoadClients.Result::p99),
        runs.stream().mapToInt(LoadClients.Result::failed).sum(),
        runs.stream().map(r -> String.format(Locale.ROOT, "%.0f QPS p99 %.1f", r.qps(), r.p99())).toList());
  }

  private static double median(List<LoadClients.Result> runs, java.util.function.ToDoubleFunction<LoadClients.Result> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v[v.length / 2];
  }

  private static void slowLoris(int port, AtomicBoolean stop, int[] dropped) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/search?q=team HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      int i = 0;
      while (!stop.get()) {
        out.write(("X-" + (i++ % 10) + ":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(500);
      }
    } catch (IOException e) {
      synchronized (dropped) {
        dropped[0]++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
