package io.blogsearch.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare
 * address is a block of one. Parsing never touches DNS: only address literals are accepted.
 */
public final class IpRange {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final byte[] network;
  private final int prefix;

  private IpRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code address} or {@code address/prefix}; host bits past the prefix are ignored.
   *
   * @throws IllegalArgumentException when the text is not an address literal or the prefix is out of range
   */
  public static IpRange parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    InetAddress a = literal(address).orElseThrow(() -> new IllegalArgumentException("not an IP address: \"" + address + "\""));
    byte[] bytes = a.getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
        throw new IllegalArgumentException("prefix length must be 0 to " + bits + " (got \"" + p + "\")");
      }
      prefix = Integer.parseInt(p);
    }
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    return new IpRange(bytes, prefix);
  }

  /** The prefix length: how many leading bits an address must share with the block. */
  public int prefix() {
    return prefix;
  }

  /** Whether {@code address} lies in this block (IPv4-mapped IPv6 addresses count as their IPv4 address). */
  public boolean contains(InetAddress address) {
    byte[] b = canonical(address).getAddress();
    if (b.length != network.length) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      int mask = (0xff << (8 - keep)) & 0xff;
      if ((b[i] & mask) != (network[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The address an IPv4 or IPv6 literal stands for ({@code 10.0.0.1}, {@code ::1}, {@code [::1]}),
   * or empty for anything else, host names included, without a DNS lookup. IPv4 parts with
   * leading zeros are not literals here (other parsers read them as octal).
   */
  public static Optional<InetAddress> literal(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    Matcher m = IPV4.matcher(t);
    if (m.matches()) {
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        String part = m.group(i + 1);
        int v = Integer.parseInt(part);
        if (v > 255 || part.length() > 1 && part.startsWith("0")) {
          return Optional.empty();
        }
        bytes[i] = (byte) v;
      }
      return Optional.of(byAddress(bytes));
    }
    if (!IPV6.matcher(t).matches()) {
      return Optional.empty();
    }
    try {
      // Brackets make the JDK parse it as an IPv6 literal or fail, never look it up.
      return Optional.of(InetAddress.getByName("[" + t + "]"));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address; any other unchanged. */
  public static InetAddress canonical(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = b[i] == 0;
      }
      if (mapped) {
        return byAddress(Arrays.copyOfRange(b, 12, 16));
      }
    }
    return address;
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    return byAddress(network.clone()).getHostAddress() + "/" + prefix;
  }
}
