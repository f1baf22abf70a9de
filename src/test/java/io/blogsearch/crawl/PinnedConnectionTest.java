package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Plain HTTP goes to the address that was checked and nowhere else: when that address does not
 * answer, the JDK does not fall back to its own lookup of the name, and every attempt resolves
 * and checks again.
 */
class PinnedConnectionTest {
  @Test
  void connectsOnlyToTheCheckedAddressNeverToTheSystemsAnswer() throws Exception {
    InetAddress localhost = InetAddress.getByName("localhost");
    assumeTrue(localhost.isLoopbackAddress() && localhost.getAddress().length == 4,
        "needs localhost to resolve to an IPv4 loopback address on this machine");
    HttpServer server = HttpServer.create(new InetSocketAddress(localhost, 0), 8);
    List<String> requests = new CopyOnWriteArrayList<>();
    server.createContext("/", ex -> {
      requests.add(ex.getRequestURI().toString());
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      AtomicInteger lookups = new AtomicInteger();
      // The checked answer: another loopback address, where nothing listens on that port.
      HostResolver elsewhere = host -> {
        lookups.incrementAndGet();
        return List.of(InetAddress.getByName("127.0.0.3"));
      };
      String url = "http://localhost:" + port + "/page";
      SiteConfig cfg = new ConfigLoader().parse("name: pin\nseeds: [" + url + "]\n"
          + "http: {maxRetries: 2, retryBackoff: 1ms, connectTimeout: 2s, allowPrivateAddresses: true}\n");
      HttpFetcher fetcher = new HttpFetcher(cfg.http(), "test-bot/1", new UrlNormalizer(Set.of()),
          new AddressGuard(cfg, elsewhere));

      FetchResult r = fetcher.fetch(url, null, null, 1000, false, u -> true);

      assertTrue(r.failure().startsWith("ConnectException"), r.failure());
      assertEquals(3, r.attempts());
      assertEquals(3, lookups.get(), "each attempt resolved and checked the name again");
      assertEquals(List.of(), requests, "the system's answer for the name was never used");
    } finally {
      server.stop(0);
    }
  }
}
