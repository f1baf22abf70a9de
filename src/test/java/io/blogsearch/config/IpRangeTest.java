package io.blogsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpRangeTest {
  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s.contains(":") ? "[" + s + "]" : s);
  }

  @Test
  void matchesAddressesInsideTheBlockOnly() throws Exception {
    IpRange ten = IpRange.parse("10.0.0.0/8");
    assertTrue(ten.contains(ip("10.255.1.2")));
    assertFalse(ten.contains(ip("11.0.0.1")));
    assertFalse(ten.contains(ip("::1")), "another family");
    IpRange twelve = IpRange.parse("172.16.0.0/12");
    assertTrue(twelve.contains(ip("172.31.255.255")));
    assertFalse(twelve.contains(ip("172.32.0.0")));
    IpRange v6 = IpRange.parse("2001:db8:1::/48");
    assertTrue(v6.contains(ip("2001:db8:1:ffff::9")));
    assertFalse(v6.contains(ip("2001:db8:2::1")));
    IpRange one = IpRange.parse("192.0.2.7");
    assertTrue(one.contains(ip("192.0.2.7")));
    assertFalse(one.contains(ip("192.0.2.8")));
    assertTrue(IpRange.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
  }

  @Test
  void ipv4MappedAddressesCountAsIpv4() throws Exception {
    byte[] b = new byte[16];
    b[10] = (byte) 0xff;
    b[11] = (byte) 0xff;
    b[12] = 10;
    b[15] = 9;
    InetAddress mapped = Inet6Address.getByAddress(null, b, -1);
    assertTrue(IpRange.parse("10.0.0.0/8").contains(mapped));
    assertEquals(ip("10.0.0.9"), IpRange.canonical(mapped));
  }

  @Test
  void ignoresHostBitsAndPrintsTheBlock() {
    assertEquals("10.0.0.0/8", IpRange.parse("10.1.2.3/8").toString());
    assertEquals(IpRange.parse("10.0.0.0/8"), IpRange.parse(" 10.9.9.9/8 "));
    assertEquals(128, IpRange.parse("::1").prefix());
  }

  @Test
  void acceptsOnlyAddressLiteralsNeverLookingNamesUp() throws Exception {
    assertEquals(Optional.of(ip("127.0.0.1")), IpRange.literal("127.0.0.1"));
    assertEquals(Optional.of(ip("::1")), IpRange.literal("[::1]"));
    assertEquals(Optional.empty(), IpRange.literal("localhost"));
    assertEquals(Optional.empty(), IpRange.literal("blog.example.com"));
    assertEquals(Optional.empty(), IpRange.literal("010.0.0.1"), "leading zeros are ambiguous");
    assertEquals(Optional.empty(), IpRange.literal("256.1.1.1"));
    assertEquals(Optional.empty(), IpRange.literal("1.2.3"));
    assertEquals(Optional.empty(), IpRange.literal("fe:::1"));
    for (String bad : new String[] {"proxy.example", "10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/", ""}) {
      assertThrows(IllegalArgumentException.class, () -> IpRange.parse(bad), bad);
    }
  }
}
