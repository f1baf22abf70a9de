package io.blogsearch.crawl;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.HttpsURLConnection;

/**
 * Downloads one URL the careful way: redirects followed by hand and only to URLs the caller
 * allows (so a site can never send the crawler to another host or address), bounded retries with
 * exponential backoff on 5xx, 429 and network errors, a cap on the decoded body (which also
 * defuses gzip bombs), a socket read timeout and an overall deadline per response.
 *
 * <p>Every connection (each attempt, each redirect hop) first resolves the host and has the
 * {@link AddressGuard} check every address, then connects to a checked one, so DNS rebinding
 * cannot slip an internal address in between. Plain HTTP to a host name is pinned: the
 * connection goes to the checked address, used as a forward proxy, and the request carries the
 * absolute URL and the real Host header (RFC 9112 requires servers to accept that form). HTTPS
 * cannot be pinned this way (the JDK resolves the name itself, usually from the cache the check
 * just filled), so the address it connected to is checked before the TLS handshake starts.
 */
final class HttpFetcher {
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  private final SiteConfig.Http http;
  private final String userAgent;
  private final UrlNormalizer urls;
  private final AddressGuard guard;
  private final CheckedTlsSockets tls;

  HttpFetcher(SiteConfig.Http http, String userAgent, UrlNormalizer urls, AddressGuard guard) {
    this.http = http;
    this.userAgent = userAgent;
    this.urls = urls;
    this.guard = guard;
    this.tls = new CheckedTlsSockets(guard);
  }

  /**
   * Fetches {@code url}.
   *
   * @param etag ETag to send as If-None-Match, or null
   * @param lastModified date to send as If-Modified-Since, or null
   * @param maxBytes decoded-body cap
   * @param truncate keep the first {@code maxBytes} instead of failing when the body is larger
   * @param mayFollow decides whether a redirect target may be contacted; its rejection is the reason
   */
  FetchResult fetch(String url, String etag, String lastModified, long maxBytes, boolean truncate,
      Predicate<String> mayFollow) throws InterruptedException {
    Set<String> chain = new LinkedHashSet<>();
    String current = url;
    for (int hop = 0; ; hop++) {
      chain.add(current);
      FetchResult r = fetchWithRetries(url, current, hop == 0 ? etag : null, hop == 0 ? lastModified : null,
          maxBytes, truncate);
      if (r.status() < 300 || r.status() >= 400 || r.status() == 304 || r.failed()) {
        return r;
      }
      String location = r.location();
      String target = location == null ? null : urls.resolve(current, location).orElse(null);
      if (target == null) {
        return FetchResult.failure(url, current, r.status(), "redirect without a usable Location", r.attempts());
      }
      if (chain.contains(target)) {
        return FetchResult.failure(url, current, r.status(), "redirect loop via " + target, r.attempts());
      }
      if (hop + 1 > http.maxRedirects()) {
        return FetchResult.failure(url, current, r.status(), "more than " + http.maxRedirects() + " redirects", r.attempts());
      }
      if (!mayFollow.test(target)) {
        return FetchResult.failure(url, current, r.status(), "redirect to disallowed URL " + target + " not followed", r.attempts());
      }
      current = target;
    }
  }

  private FetchResult fetchWithRetries(String url, String current, String etag, String lastModified,
      long maxBytes, boolean truncate) throws InterruptedException {
    FetchResult last = null;
    for (int attempt = 1; attempt <= http.maxRetries() + 1; attempt++) {
      if (attempt > 1) {
        long backoff = http.retryBackoff().toMillis() << Math.min(attempt - 2, 10);
        Thread.sleep(Math.min(backoff, 30_000));
      }
      last = fetchOnce(url, current, etag, lastModified, maxBytes, truncate, attempt);
      boolean retry = last.failed() && last.status() == 0 && !last.failure().startsWith("body")
          && !last.failure().startsWith(BlockedAddressException.PREFIX)
          || !last.failed() && RETRYABLE.contains(last.status());
      if (!retry) {
        return last;
      }
    }
    return last;
  }

  private FetchResult fetchOnce(String url, String current, String etag, String lastModified,
      long maxBytes, boolean truncate, int attempt) {
    HttpURLConnection conn = null;
    try {
      conn = open(URI.create(current));
      conn.setInstanceFollowRedirects(false);
      conn.setConnectTimeout((int) http.connectTimeout().toMillis());
      conn.setReadTimeout((int) http.readTimeout().toMillis());
      conn.setRequestProperty("User-Agent", userAgent);
      conn.setRequestProperty("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
      conn.setRequestProperty("Accept-Encoding", "gzip");
      if (etag != null) {
        conn.setRequestProperty("If-None-Match", etag);
      }
      if (lastModified != null) {
        conn.setRequestProperty("If-Modified-Since", lastModified);
      }
      int status = conn.getResponseCode();
      if (status >= 300 && status < 400 && status != 304) {
        return new FetchResult(url, current, status, "", new byte[0], null, null, "",
            conn.getHeaderField("Location"), null, attempt);
      }
      String contentType = conn.getContentType() == null ? "" : conn.getContentType();
      String robotsTag = conn.getHeaderField("X-Robots-Tag") == null ? "" : conn.getHeaderField("X-Robots-Tag");
      if (status != 200 && status != 203) {
        return new FetchResult(url, current, status, contentType, new byte[0], conn.getHeaderField("ETag"),
            conn.getHeaderField("Last-Modified"), robotsTag, null, null, attempt);
      }
      long declared = conn.getContentLengthLong();
      String encoding = conn.getContentEncoding() == null ? "" : conn.getContentEncoding().toLowerCase(Locale.ROOT);
      if (declared > maxBytes && !truncate && encoding.isEmpty()) {
        return FetchResult.failure(url, current, status, "body of " + declared + " bytes exceeds the limit of " + maxBytes, attempt);
      }
      byte[] body = readCapped(conn.getInputStream(), encoding, maxBytes, truncate);
      if (body == null) {
        return FetchResult.failure(url, current, status, "body exceeds the limit of " + maxBytes + " bytes", attempt);
      }
      return new FetchResult(url, current, status, contentType, body, conn.getHeaderField("ETag"),
          conn.getHeaderField("Last-Modified"), robotsTag, null, null, attempt);
    } catch (DeadlineException e) {
      return FetchResult.failure(url, current, 0, "body download exceeded " + http.fetchTimeout().toSeconds() + "s", attempt);
    } catch (SocketTimeoutException e) {
      return FetchResult.failure(url, current, 0, "timeout: " + e.getMessage(), attempt);
    } catch (BlockedAddressException e) {
      return FetchResult.failure(url, current, 0, e.getMessage(), attempt);
    } catch (IOException | IllegalArgumentException e) {
      if (String.valueOf(e.getMessage()).startsWith(BlockedAddressException.PREFIX)) {
        // HttpURLConnection may hand the refusal on wrapped or re-created
        return FetchResult.failure(url, current, 0, e.getMessage(), attempt);
      }
      return FetchResult.failure(url, current, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), attempt);
    } finally {
      if (conn != null) {
        conn.disconnect();
      }
    }
  }

  /** A connection to a checked address of the URL's host (see the class comment); nothing is sent yet. */
  private HttpURLConnection open(URI uri) throws IOException {
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL without a host: " + uri);
    }
    List<InetAddress> checked = guard.resolve(uri.getHost());
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    Proxy route = Proxy.NO_PROXY;
    if (!https && !AddressGuard.isLiteral(uri.getHost())) {
      int port = uri.getPort() == -1 ? 80 : uri.getPort();
      route = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(checked.get(0), port));
    }
    HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection(route);
    if (conn instanceof HttpsURLConnection secure) {
      secure.setSSLSocketFactory(tls);
    }
    return conn;
  }

  /** Reads and decodes the body; null when it exceeds {@code maxBytes} and truncation is off. */
  private byte[] readCapped(InputStream raw, String encoding, long maxBytes, boolean truncate) throws IOException {
    long deadline = System.nanoTime() + http.fetchTimeout().toNanos();
    try (InputStream in = switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(raw);
      case "deflate" -> new InflaterInputStream(raw);
      default -> raw;
    }) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) {
        if (System.nanoTime() > deadline) {
          throw new DeadlineException();
        }
        if (out.size() + n > maxBytes) {
          if (!truncate) {
            return null;
          }
          out.write(buf, 0, (int) (maxBytes - out.size()));
          return out.toByteArray();
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** The overall per-response deadline passed while the body was still arriving. */
  private static final class DeadlineException extends IOException {}
}
