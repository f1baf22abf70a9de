package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTPS cannot be pinned to the checked address (the JDK resolves the name again), so the
 * address the connection reached is checked before TLS starts. Simulated rebinding: the
 * crawler's resolver answers a public address, the system resolver then gives loopback, where
 * a plain TCP server records what arrives.
 */
class HttpsPeerCheckTest {
  private static final HostResolver LOOKS_PUBLIC = host -> List.of(InetAddress.getByName("93.184.216.34"));

  private InetAddress localhost;
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Integer> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    localhost = InetAddress.getByName("localhost");
    assumeTrue(localhost.isLoopbackAddress(), "needs localhost to resolve to loopback on this machine");
    server = new ServerSocket();
    server.bind(new InetSocketAddress(localhost, 0));
    Thread acceptor = new Thread(this::accept, "tls-peer-test");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    try {
      while (true) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
          s.setSoTimeout(2000);
          InputStream in = s.getInputStream();
          for (int b; (b = in.read()) != -1; ) {
            received.add(b);
          }
        } catch (SocketTimeoutException e) {
          // the client kept the connection open without sending more
        }
      }
    } catch (IOException closed) {
      // server closed: test over
    }
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private FetchResult fetch(boolean allowPrivate) throws InterruptedException {
    String url = "https://localhost:" + server.getLocalPort() + "/";
    SiteConfig cfg = new ConfigLoader().parse("name: tls\nseeds: [" + url + "]\nhttp: {maxRetries: 0, readTimeout: 2s}\n");
    HttpFetcher fetcher = new HttpFetcher(cfg.http(), "test-bot/1", new UrlNormalizer(Set.of()),
        new AddressGuard(List.of("localhost.example"), allowPrivate, LOOKS_PUBLIC));
    return fetcher.fetch(url, null, null, 1000, false, u -> true);
  }

  @Test
  void aConnectionThatReachedAnInternalAddressGetsNoByte() throws Exception {
    FetchResult r = fetch(false);

    assertEquals("blocked: localhost connected to " + localhost.getHostAddress() + " (loopback); "
        + AddressGuard.HOW_TO_ALLOW, r.failure());
    assertEquals(1, r.attempts(), "not retried");
    Thread.sleep(300);
    assertTrue(connections.get() >= 1, "the JDK connected by its own lookup before the check");
    assertEquals(List.of(), received, "not even a TLS hello was sent");
  }

  @Test
  void aPermittedPeerGetsTheTlsHandshake() throws Exception {
    FetchResult r = fetch(true);

    assertFalse(r.failure().startsWith("blocked"), r.failure());
    Thread.sleep(300);
    assertFalse(received.isEmpty(), "the client hello arrived");
    assertEquals(0x16, received.get(0), "a TLS handshake record");
  }
}
