package io.blogsearch.web;

import io.blogsearch.config.IpRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which client a request comes from, as the rate limits count it. The TCP peer, unless it is one
 * of the configured trusted proxies: then the rightmost hop of {@code X-Forwarded-For} or
 * {@code Forwarded: for=} that is not itself a trusted proxy (hops further left were written by
 * the client and can be forged; the rightmost were appended by proxies we trust). A request
 * carrying both headers with different answers is counted under the proxy's own address, so a
 * header the proxy passes through untouched cannot mint a fresh client per request.
 */
final class ClientAddress {
  /** Hops looked at from the right; a longer chain of trusted addresses is cut there. */
  private static final int MAX_HOPS = 32;

  private final List<IpRange> trusted;

  ClientAddress(List<IpRange> trustedProxies) {
    this.trusted = List.copyOf(trustedProxies);
  }

  /**
   * The client key for a request.
   *
   * @param peer the TCP peer's address as the server reports it
   * @param forwarded the {@code Forwarded} header values, in order
   * @param xForwardedFor the {@code X-Forwarded-For} header values, in order
   */
  String of(String peer, List<String> forwarded, List<String> xForwardedFor) {
    Optional<InetAddress> peerAddress = IpRange.literal(peer);
    if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
      return peerAddress.map(a -> IpRange.canonical(a).getHostAddress()).orElse(peer);
    }
    InetAddress proxy = IpRange.canonical(peerAddress.get());
    Optional<InetAddress> byForwarded = forwarded.isEmpty() ? Optional.empty()
        : Optional.of(rightmostUntrusted(forwardedHops(forwarded), proxy));
    Optional<InetAddress> byXff = xForwardedFor.isEmpty() ? Optional.empty()
        : Optional.of(rightmostUntrusted(xffHops(xForwardedFor), proxy));
    InetAddress client;
    if (byForwarded.isPresent() && byXff.isPresent()) {
      client = byForwarded.get().equals(byXff.get()) ? byXff.get() : proxy;
    } else {
      client = byForwarded.or(() -> byXff).orElse(proxy);
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress a) {
    for (IpRange r : trusted) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Walks the hops right to left past trusted proxies. An unreadable hop ("unknown", an
   * obfuscated name) stops the walk at the last address read; if every hop is trusted the
   * leftmost is the client.
   */
  private InetAddress rightmostUntrusted(List<String> hops, InetAddress proxy) {
    InetAddress last = proxy;
    for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
      Optional<InetAddress> hop = parseHop(hops.get(i));
      if (hop.isEmpty()) {
        return last;
      }
      last = IpRange.canonical(hop.get());
      if (!isTrusted(last)) {
        return last;
      }
    }
    return last;
  }

  private static List<String> xffHops(List<String> values) {
    List<String> hops = new ArrayList<>();
    for (String v : values) {
      for (String hop : v.split(",")) {
        hops.add(hop.strip());
      }
    }
    return hops;
  }

  /** The {@code for=} values of RFC 7239 elements ({@code for=192.0.2.1;proto=https, for="[2001:db8::1]:443"}). */
  private static List<String> forwardedHops(List<String> values) {
    List<String> hops = new ArrayList<>();
    for (String v : values) {
      for (String element : v.split(",")) {
        String forValue = "";
        for (String pair : element.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
            forValue = pair.substring(eq + 1).strip();
          }
        }
        hops.add(forValue);
      }
    }
    return hops;
  }

  /** An address from one hop: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [v6]:port}, {@code v6}, quoted or not. */
  static Optional<InetAddress> parseHop(String hop) {
    String h = hop.strip();
    if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
      h = h.substring(1, h.length() - 1).strip();
    }
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? Optional.empty() : IpRange.literal(h.substring(0, end + 1));
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && colon == h.lastIndexOf(':') && h.indexOf('.') >= 0) {
      h = h.substring(0, colon);
    }
    return IpRange.literal(h);
  }
}
