package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressKindTest {
  /** An IPv6 address kept as IPv6 even when it is IPv4-mapped (the JDK's parser turns those into IPv4). */
  private static InetAddress v6(String literal) throws Exception {
    byte[] b = InetAddress.getByName("[" + literal + "]").getAddress();
    return Inet6Address.getByAddress(null, b.length == 16 ? b : mapped(b), -1);
  }

  private static byte[] mapped(byte[] v4) {
    byte[] b = new byte[16];
    b[10] = (byte) 0xff;
    b[11] = (byte) 0xff;
    System.arraycopy(v4, 0, b, 12, 4);
    return b;
  }

  @Test
  void classifiesIpv4Ranges() throws Exception {
    Map<String, AddressKind> expected = new LinkedHashMap<>();
    expected.put("8.8.8.8", AddressKind.PUBLIC);
    expected.put("93.184.216.34", AddressKind.PUBLIC);
    expected.put("10.0.0.1", AddressKind.PRIVATE);
    expected.put("10.255.255.255", AddressKind.PRIVATE);
    expected.put("172.16.0.1", AddressKind.PRIVATE);
    expected.put("172.31.255.254", AddressKind.PRIVATE);
    expected.put("172.32.0.1", AddressKind.PUBLIC);
    expected.put("172.15.255.255", AddressKind.PUBLIC);
    expected.put("192.168.1.1", AddressKind.PRIVATE);
    expected.put("127.0.0.1", AddressKind.LOOPBACK);
    expected.put("127.45.6.7", AddressKind.LOOPBACK);
    expected.put("169.254.169.254", AddressKind.LINK_LOCAL);
    expected.put("100.64.0.1", AddressKind.CARRIER_GRADE_NAT);
    expected.put("100.127.255.255", AddressKind.CARRIER_GRADE_NAT);
    expected.put("100.63.255.255", AddressKind.PUBLIC);
    expected.put("100.128.0.0", AddressKind.PUBLIC);
    expected.put("224.0.0.1", AddressKind.MULTICAST);
    expected.put("239.255.255.250", AddressKind.MULTICAST);
    expected.put("0.0.0.0", AddressKind.UNSPECIFIED);
    expected.put("0.1.2.3", AddressKind.UNSPECIFIED);
    expected.put("255.255.255.255", AddressKind.RESERVED);
    expected.put("240.0.0.1", AddressKind.RESERVED);
    expected.put("198.18.0.1", AddressKind.RESERVED);
    expected.put("192.0.2.1", AddressKind.RESERVED);
    Map<String, AddressKind> actual = new LinkedHashMap<>();
    for (String a : expected.keySet()) {
      actual.put(a, AddressKind.of(InetAddress.getByName(a)));
    }
    assertEquals(expected, actual);
  }

  @Test
  void classifiesIpv6Ranges() throws Exception {
    Map<String, AddressKind> expected = new LinkedHashMap<>();
    expected.put("2606:4700:4700::1111", AddressKind.PUBLIC);
    expected.put("2a00:1450:4001:82a::200e", AddressKind.PUBLIC);
    expected.put("::1", AddressKind.LOOPBACK);
    expected.put("::", AddressKind.UNSPECIFIED);
    expected.put("fe80::1", AddressKind.LINK_LOCAL);
    expected.put("febf:ffff::1", AddressKind.LINK_LOCAL);
    expected.put("fc00::1", AddressKind.UNIQUE_LOCAL);
    expected.put("fd12:3456:789a::1", AddressKind.UNIQUE_LOCAL);
    expected.put("fec0::1", AddressKind.PRIVATE);
    expected.put("ff02::1", AddressKind.MULTICAST);
    expected.put("2001:db8::1", AddressKind.RESERVED);
    Map<String, AddressKind> actual = new LinkedHashMap<>();
    for (String a : expected.keySet()) {
      actual.put(a, AddressKind.of(InetAddress.getByName("[" + a + "]")));
    }
    assertEquals(expected, actual);
  }

  @Test
  void judgesIpv6FormsCarryingIpv4ByTheIpv4Address() throws Exception {
    Map<String, AddressKind> expected = new LinkedHashMap<>();
    expected.put("::ffff:127.0.0.1", AddressKind.LOOPBACK);
    expected.put("::ffff:10.1.2.3", AddressKind.PRIVATE);
    expected.put("::ffff:169.254.169.254", AddressKind.LINK_LOCAL);
    expected.put("::ffff:100.64.1.1", AddressKind.CARRIER_GRADE_NAT);
    expected.put("::ffff:8.8.8.8", AddressKind.PUBLIC);
    expected.put("::127.0.0.1", AddressKind.LOOPBACK);
    expected.put("64:ff9b::10.0.0.1", AddressKind.PRIVATE);
    expected.put("64:ff9b::8.8.4.4", AddressKind.PUBLIC);
    expected.put("2002:7f00:1::", AddressKind.LOOPBACK);
    expected.put("2002:c0a8:101::1", AddressKind.PRIVATE);
    Map<String, AddressKind> actual = new LinkedHashMap<>();
    for (String a : expected.keySet()) {
      InetAddress address = v6(a);
      assertEquals(16, address.getAddress().length, a + " stays an IPv6 address");
      actual.put(a, AddressKind.of(address));
    }
    assertEquals(expected, actual);
    assertEquals(AddressKind.LOOPBACK, AddressKind.of(InetAddress.getByName("[::ffff:127.0.0.1]")), "as the JDK parses it");
  }
}
