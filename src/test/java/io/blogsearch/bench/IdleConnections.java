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
    LoadClients.Result quiet = clients.run(8, new AtomicBoolean(), 15, true);
    List<Socket> idle = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", service.port), 5000);
      idle.add(s);
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> loris = new ArrayList<>();
    int[] dropped = new int[1];
    for (int i = 0; i < 50; i++) {
      Thread t = new Thread(() -> slowLoris(service.port, stop, dropped));
      t.setDaemon(true);
      t.start();
      loris.add(t);
    }
    Thread.sleep(1000);
    LoadClients.Result loaded = clients.run(8, new AtomicBoolean(), 15, true);
    stop.set(true);
    int stillOpen = 0;
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
    System.out.printf(Locale.ROOT, "== 1,000 idle connections + 50 slow-loris clients beside 8 search connections "
        + "(15 s each)%n");
    System.out.printf(Locale.ROOT, "  quiet:  %.0f QPS, p50 %.2f ms, p99 %.2f ms, %d failed%n", quiet.qps(), quiet.p50(),
        quiet.p99(), quiet.failed());
    System.out.printf(Locale.ROOT, "  loaded: %.0f QPS, p50 %.2f ms, p99 %.2f ms, %d failed → p99 ratio %.2f, QPS ratio %.2f%n",
        loaded.qps(), loaded.p50(), loaded.p99(), loaded.failed(), loaded.p99() / quiet.p99(), loaded.qps() / quiet.qps());
    System.out.printf(Locale.ROOT, "  idle connections still open at the end: %d of 1000; slow-loris connections the "
        + "server closed: %d of 50%n", stillOpen, dropped[0]);
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
