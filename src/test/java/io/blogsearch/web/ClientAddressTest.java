package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blogsearch.config.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindProxies = new ClientAddress(List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("fd00::/8")));

  private String xff(String peer, String... values) {
    return behindProxies.of(peer, List.of(), List.of(values));
  }

  private String forwarded(String peer, String... values) {
    return behindProxies.of(peer, List.of(values), List.of());
  }

  @Test
  void untrustedPeersAreTheClientWhateverTheyClaim() {
    assertEquals("192.0.2.9", xff("192.0.2.9", "203.0.113.5"));
    assertEquals("192.0.2.9", forwarded("192.0.2.9", "for=203.0.113.5"));
    assertEquals("0:0:0:0:0:0:0:1", xff("0:0:0:0:0:0:0:1", "203.0.113.5"));
    assertEquals("10.1.1.1", new ClientAddress(List.of()).of("10.1.1.1", List.of(), List.of("203.0.113.5")),
        "no trusted proxies: headers never count");
  }

  @Test
  void takesTheRightmostHopThatIsNotATrustedProxy() {
    assertEquals("203.0.113.5", xff("10.0.0.2", "203.0.113.5"));
    assertEquals("203.0.113.5", xff("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.3"));
    assertEquals("203.0.113.5", xff("10.0.0.2", "1.2.3.4", "203.0.113.5,10.0.0.3"), "repeated headers read in order");
    assertEquals("203.0.113.5", xff("10.0.0.2", "203.0.113.5:41234"));
    assertEquals("2001:db8:0:0:0:0:0:17", xff("10.0.0.2", "[2001:db8::17]:4711"));
    assertEquals("2001:db8:0:0:0:0:0:17", xff("fd00::1", "2001:db8::17"));
    assertEquals("10.0.0.7", xff("10.0.0.2", "10.0.0.7, 10.0.0.3"), "all hops trusted: the leftmost");
    assertEquals("10.0.0.3", xff("10.0.0.2", "unknown, 10.0.0.3"), "an unreadable hop stops at the last address read");
    assertEquals("10.0.0.2", xff("10.0.0.2", "garbage"));
  }

  @Test
  void readsForwardedForValues() {
    assertEquals("192.0.2.60", forwarded("10.0.0.2", "for=192.0.2.60;proto=http;by=203.0.113.43"));
    assertEquals("2001:db8:cafe:0:0:0:0:17", forwarded("10.0.0.2", "for=192.0.2.43, For=\"[2001:db8:cafe::17]:4711\""));
    assertEquals("192.0.2.43", forwarded("10.0.0.2", "for=192.0.2.43, for=10.0.0.9"));
    assertEquals("10.0.0.2", forwarded("10.0.0.2", "for=_hidden"), "obfuscated identifier: the proxy itself");
    assertEquals("10.0.0.2", forwarded("10.0.0.2", "proto=https"), "no for=: the proxy itself");
  }

  @Test
  void bothHeadersMustAgree() {
    assertEquals("203.0.113.5", behindProxies.of("10.0.0.2", List.of("for=203.0.113.5"), List.of("203.0.113.5")));
    assertEquals("10.0.0.2", behindProxies.of("10.0.0.2", List.of("for=198.51.100.1"), List.of("203.0.113.5")));
  }
}
