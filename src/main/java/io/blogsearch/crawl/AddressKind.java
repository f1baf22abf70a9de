package io.blogsearch.crawl;

import io.blogsearch.config.IpRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of network an address belongs to, so the crawler connects only to public ones
 * unless told otherwise. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address inside.
 */
enum AddressKind {
  PUBLIC("public"),
  LOOPBACK("loopback"),
  PRIVATE("private"),
  LINK_LOCAL("link-local"),
  CARRIER_GRADE_NAT("carrier-grade NAT"),
  UNIQUE_LOCAL("IPv6 unique-local"),
  MULTICAST("multicast"),
  UNSPECIFIED("unspecified"),
  RESERVED("reserved");

  private static final Map<IpRange, AddressKind> IPV4 = table(
      "0.0.0.0/8", UNSPECIFIED, // "this network": 0.0.0.0 reaches the local host on Linux
      "10.0.0.0/8", PRIVATE,
      "100.64.0.0/10", CARRIER_GRADE_NAT,
      "127.0.0.0/8", LOOPBACK,
      "169.254.0.0/16", LINK_LOCAL,
      "172.16.0.0/12", PRIVATE,
      "192.0.0.0/24", RESERVED,
      "192.0.2.0/24", RESERVED,
      "192.88.99.0/24", RESERVED,
      "192.168.0.0/16", PRIVATE,
      "198.18.0.0/15", RESERVED,
      "198.51.100.0/24", RESERVED,
      "203.0.113.0/24", RESERVED,
      "224.0.0.0/4", MULTICAST,
      "240.0.0.0/4", RESERVED);
  private static final Map<IpRange, AddressKind> IPV6 = table(
      "::/128", UNSPECIFIED,
      "::1/128", LOOPBACK,
      "100::/64", RESERVED,
      "2001::/32", RESERVED, // Teredo
      "2001:db8::/32", RESERVED,
      "fc00::/7", UNIQUE_LOCAL,
      "fe80::/10", LINK_LOCAL,
      "fec0::/10", PRIVATE, // deprecated site-local
      "ff00::/8", MULTICAST);
  private static final IpRange COMPATIBLE = IpRange.parse("::/96");
  /** {@code ::} and {@code ::1} sit inside ::/96 but are themselves, not IPv4-compatible addresses. */
  private static final IpRange COMPATIBLE_EXCEPTIONS = IpRange.parse("::/127");
  private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
  private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");

  private final String label;

  AddressKind(String label) {
    this.label = label;
  }

  /** How the kind reads in a report line, e.g. "loopback". */
  String label() {
    return label;
  }

  static AddressKind of(InetAddress address) {
    Optional<InetAddress> inner = embeddedIpv4(address);
    if (inner.isPresent()) {
      return of(inner.get());
    }
    Map<IpRange, AddressKind> table = address instanceof Inet4Address ? IPV4 : IPV6;
    AddressKind kind = PUBLIC;
    int longest = -1;
    for (Map.Entry<IpRange, AddressKind> e : table.entrySet()) {
      int prefix = e.getKey().prefix();
      if (prefix > longest && e.getKey().contains(address)) {
        kind = e.getValue();
        longest = prefix;
      }
    }
    return kind;
  }

  /** The IPv4 address an IPv6 address carries and is routed to, if it is one of the forms that do. */
  static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (address instanceof Inet4Address) {
      return Optional.empty();
    }
    InetAddress mapped = IpRange.canonical(address);
    if (mapped != address) {
      return Optional.of(mapped);
    }
    byte[] b = address.getAddress();
    boolean compatible = COMPATIBLE.contains(address) && !COMPATIBLE_EXCEPTIONS.contains(address);
    if (compatible || NAT64.contains(address)) {
      return Optional.of(v4(Arrays.copyOfRange(b, 12, 16)));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return Optional.of(v4(Arrays.copyOfRange(b, 2, 6)));
    }
    return Optional.empty();
  }

  private static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<IpRange, AddressKind> table(Object... rangeThenKind) {
    Map<IpRange, AddressKind> m = new LinkedHashMap<>();
    for (int i = 0; i < rangeThenKind.length; i += 2) {
      m.put(IpRange.parse((String) rangeThenKind[i]), (AddressKind) rangeThenKind[i + 1]);
    }
    return Map.copyOf(m);
  }
}
