package io.blogsearch.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS for HTTPS fetches that first checks where the connection went. HttpsURLConnection resolves
 * the host name again and connects by itself; because this factory offers no unconnected sockets,
 * the JDK opens a plain TCP connection and asks it to layer TLS over that socket, and the peer
 * address is checked then: a refused address gets no byte, not even the TLS hello. Every way of
 * connecting by name is refused, so no connection bypasses the check.
 */
final class CheckedTlsSockets extends SSLSocketFactory {
  private final SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
  private final AddressGuard guard;

  CheckedTlsSockets(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
    try {
      guard.checkPeer(host, connected.getInetAddress());
    } catch (BlockedAddressException e) {
      connected.close();
      throw e;
    }
    return tls.createSocket(connected, host, port, autoClose);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw unchecked();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    throw unchecked();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw unchecked();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    throw unchecked();
  }

  private static SocketException unchecked() {
    return new SocketException("connections must be opened by the caller and layered (address check)");
  }
}
