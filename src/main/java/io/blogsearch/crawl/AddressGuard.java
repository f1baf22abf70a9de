package io.blogsearch.crawl;

import io.blogsearch.config.IpRange;
import io.blogsearch.config.SiteConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the crawler may connect (the guard against server-side request forgery). The host
 * allow-list says which names may be fetched; this says which addresses they may lead to: every
 * address a host resolves to must be public, or permitted explicitly — all of them by
 * {@code http.allowPrivateAddresses}, one by being written as an IP literal in
 * {@code allowedHosts}, loopback by {@code localhost} being listed there. A host with one refused
 * address is refused as a whole, so a name cannot mix a public and an internal answer.
 */
final class AddressGuard {
  static final String HOW_TO_ALLOW = "allow it with http.allowPrivateAddresses or list the address in allowedHosts";

  private final HostResolver resolver;
  private final boolean allowAll;
  private final Set<InetAddress> listed = new HashSet<>();
  private final boolean loopbackListed;

  AddressGuard(List<String> allowedHosts, boolean allowPrivateAddresses, HostResolver resolver) {
    this.resolver = resolver;
    this.allowAll = allowPrivateAddresses;
    boolean localhost = false;
    for (String entry : allowedHosts) {
      String host = hostOf(entry.toLowerCase(Locale.ROOT));
      localhost |= host.equals("localhost");
      IpRange.literal(host).ifPresent(a -> listed.add(IpRange.canonical(a)));
    }
    this.loopbackListed = localhost;
  }

  AddressGuard(SiteConfig config, HostResolver resolver) {
    this(config.allowedHosts(), config.http().allowPrivateAddresses(), resolver);
  }

  /** Whether {@code host} (as in a URI, brackets allowed) is an address literal, needing no lookup. */
  static boolean isLiteral(String host) {
    return IpRange.literal(host).isPresent();
  }

  /**
   * Every address of {@code host}, each one checked.
   *
   * @throws BlockedAddressException when one of them is not permitted
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws IOException {
    Optional<InetAddress> literal = IpRange.literal(host);
    List<InetAddress> all = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(host);
    if (all.isEmpty()) {
      throw new UnknownHostException(host);
    }
    for (InetAddress a : all) {
      if (!permits(a)) {
        throw new BlockedAddressException(BlockedAddressException.PREFIX + (literal.isPresent()
            ? host + " (" + AddressKind.of(a).label() + ") is not a public address" : host + " resolves to " + describe(a))
            + "; " + HOW_TO_ALLOW);
      }
    }
    return all;
  }

  /** Checks the peer of a connection the JDK opened itself (HTTPS, where it resolves the name again). */
  void checkPeer(String host, InetAddress peer) throws BlockedAddressException {
    if (!permits(peer)) {
      throw new BlockedAddressException(BlockedAddressException.PREFIX + host + " connected to " + describe(peer)
          + "; " + HOW_TO_ALLOW);
    }
  }

  boolean permits(InetAddress address) {
    InetAddress a = IpRange.canonical(address);
    AddressKind kind = AddressKind.of(a);
    return allowAll || kind == AddressKind.PUBLIC || listed.contains(a) || loopbackListed && kind == AddressKind.LOOPBACK;
  }

  /** "127.0.0.1 (loopback)"; an IPv6 form carrying an IPv4 address names that address too. */
  static String describe(InetAddress address) {
    InetAddress a = IpRange.canonical(address);
    String kind = AddressKind.of(a).label();
    return AddressKind.embeddedIpv4(a).map(v4 -> a.getHostAddress() + " (" + kind + ": carries " + v4.getHostAddress() + ")")
        .orElse(a.getHostAddress() + " (" + kind + ")");
  }

  /** The host of an allowedHosts entry: {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
  private static String hostOf(String entry) {
    if (entry.startsWith("[")) {
      int end = entry.indexOf(']');
      return end < 0 ? entry : entry.substring(0, end + 1);
    }
    int colon = entry.indexOf(':');
    return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
  }
}
