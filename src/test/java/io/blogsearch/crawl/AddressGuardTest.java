package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
  private static final HostResolver NAMES = host -> {
    Map<String, List<String>> table = Map.of(
        "blog.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
        "blog.internal", List.of("127.0.0.1"),
        "intranet.corp", List.of("10.20.30.40"),
        "metadata.cloud", List.of("169.254.169.254"),
        "mixed.example", List.of("93.184.216.34", "192.168.0.10"),
        "mapped.example", List.of("::ffff:7f00:1"),
        "localhost", List.of("127.0.0.1", "::1"));
    List<String> addresses = table.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> out = new java.util.ArrayList<>();
    for (String a : addresses) {
      out.add(InetAddress.getByName(a.contains(":") ? "[" + a + "]" : a));
    }
    return out;
  };

  private static String refusal(AddressGuard guard, String host) {
    return assertThrows(BlockedAddressException.class, () -> guard.resolve(host)).getMessage();
  }

  @Test
  void refusesNamesResolvingToNonPublicAddressesWithTheWayToAllowThem() {
    AddressGuard guard = new AddressGuard(List.of("blog.internal", "intranet.corp"), false, NAMES);
    assertEquals("blocked: blog.internal resolves to 127.0.0.1 (loopback); allow it with http.allowPrivateAddresses"
        + " or list the address in allowedHosts", refusal(guard, "blog.internal"));
    assertEquals("blocked: intranet.corp resolves to 10.20.30.40 (private); " + AddressGuard.HOW_TO_ALLOW,
        refusal(guard, "intranet.corp"));
    assertEquals("blocked: metadata.cloud resolves to 169.254.169.254 (link-local); " + AddressGuard.HOW_TO_ALLOW,
        refusal(guard, "metadata.cloud"));
    assertEquals("blocked: mixed.example resolves to 192.168.0.10 (private); " + AddressGuard.HOW_TO_ALLOW,
        refusal(guard, "mixed.example"), "one internal answer among public ones refuses the host");
    assertEquals("blocked: mapped.example resolves to 127.0.0.1 (loopback); " + AddressGuard.HOW_TO_ALLOW,
        refusal(guard, "mapped.example"));
    assertEquals("blocked: 10.0.0.7 (private) is not a public address; " + AddressGuard.HOW_TO_ALLOW, refusal(guard, "10.0.0.7"));
    assertEquals("blocked: [fd00::1] (IPv6 unique-local) is not a public address; " + AddressGuard.HOW_TO_ALLOW, refusal(guard, "[fd00::1]"));
  }

  @Test
  void publicAddressesPass() throws Exception {
    AddressGuard guard = new AddressGuard(List.of("blog.example.com"), false, NAMES);
    assertEquals(2, guard.resolve("blog.example.com").size());
    assertEquals(List.of(InetAddress.getByName("8.8.8.8")), guard.resolve("8.8.8.8"));
    assertThrows(UnknownHostException.class, () -> guard.resolve("nowhere.example"));
  }

  @Test
  void addressesWrittenInAllowedHostsAndLocalhostArePermitted() throws Exception {
    AddressGuard literal = new AddressGuard(List.of("127.0.0.1:8088", "[fd00::5]:8080", "10.1.1.1"), false, NAMES);
    assertEquals(List.of(InetAddress.getByName("127.0.0.1")), literal.resolve("127.0.0.1"));
    assertEquals(1, literal.resolve("blog.internal").size(), "a name resolving to a listed address");
    assertEquals(1, literal.resolve("[fd00::5]").size());
    assertEquals(1, literal.resolve("10.1.1.1").size());
    assertTrue(refusal(literal, "127.0.0.2").startsWith("blocked: 127.0.0.2 (loopback) is not a public address"), "only that address");
    assertTrue(refusal(literal, "intranet.corp").startsWith("blocked: intranet.corp resolves to 10.20.30.40"));

    AddressGuard localhost = new AddressGuard(List.of("localhost:8080"), false, NAMES);
    assertEquals(2, localhost.resolve("localhost").size());
    assertEquals(1, localhost.resolve("127.0.0.2").size(), "localhost permits loopback");
    assertTrue(refusal(localhost, "intranet.corp").startsWith("blocked: "), "but nothing else");
  }

  @Test
  void allowPrivateAddressesPermitsEverything() throws Exception {
    AddressGuard guard = new AddressGuard(List.of("blog.internal"), true, NAMES);
    for (String host : List.of("blog.internal", "intranet.corp", "metadata.cloud", "mixed.example", "10.0.0.7", "[::1]")) {
      assertFalse(guard.resolve(host).isEmpty(), host);
    }
  }

  @Test
  void checksThePeerOfAConnectionTheJdkOpened() throws Exception {
    AddressGuard guard = new AddressGuard(List.of("blog.example.com"), false, NAMES);
    guard.checkPeer("blog.example.com", InetAddress.getByName("93.184.216.34"));
    assertEquals("blocked: blog.example.com connected to 127.0.0.1 (loopback); " + AddressGuard.HOW_TO_ALLOW,
        assertThrows(BlockedAddressException.class,
            () -> guard.checkPeer("blog.example.com", InetAddress.getByName("127.0.0.1"))).getMessage());
  }
}
