package io.blogsearch.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses. The crawler resolves each host itself, checks every
 * address and then connects to a checked one; tests replace the system resolver to point names
 * at local servers.
 */
@FunctionalInterface
interface HostResolver {
  /** The system resolver (hosts file, DNS), with the JDK's address cache. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** Every address of {@code host}, never empty. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
