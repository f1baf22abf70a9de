package io.blogsearch.extract;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of one URL into one, so the crawler fetches each page once and every
 * stage agrees on a post's identity: lower-case scheme and host, no default port, no fragment,
 * dot segments resolved, percent-encoding in one case, tracking parameters dropped, the rest
 * sorted. Only http(s) URLs survive.
 */
public final class UrlNormalizer {
  /** Scheme and "//", the authority, and the rest of an absolute or scheme-relative URL. */
  private static final Pattern AUTHORITY =
      Pattern.compile("^((?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//)([^/?#]*)(.*)$", Pattern.DOTALL);
  /**
   * Parameters that never select different content, dropped whatever the config says: WordPress's
   * Query Loop pagination ({@code query-0-page}) and its cache buster ({@code cst}), which multiply
   * every page into a crawl trap, replies, logins, previews, nonces and cron, share and AMP
   * switches, Jetpack's related-post tracking, and analytics and click ids.
   */
  private static final Pattern NON_CONTENT_PARAM = Pattern.compile(
      "query-\\d+-page|cst|replytocom|redirect_to|reauth|preview|preview_id|preview_nonce|_wpnonce|"
          + "doing_wp_cron|nocache|like_comment|share|amp|nb|shared|relatedposts_(hit|origin|position)|"
          + "utm_.*|_ga|_gl|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|ref_src");
  private final Set<String> stripParams;

  /** @param stripParams lower-case query parameter names to drop (besides the built-in WordPress and tracking ones) */
  public UrlNormalizer(Set<String> stripParams) {
    this.stripParams = Set.copyOf(stripParams);
  }

  /** Normalises an absolute URL; empty if it is not a usable http(s) URL. */
  public Optional<String> normalize(String absoluteUrl) {
    return resolve(null, absoluteUrl);
  }

  /** Resolves {@code href} against {@code base} (may be null) and normalises the result. */
  public Optional<String> resolve(String base, String href) {
    if (href == null) {
      return Optional.empty();
    }
    String trimmed = href.strip();
    if (trimmed.isEmpty() || trimmed.length() > 4096) {
      return Optional.empty();
    }
    try {
      if (base != null && trimmed.startsWith("?")) {
        // RFC 3986 5.2.2: a query-only reference keeps the whole base path (java.net.URI drops its last segment)
        trimmed = base.replaceFirst("[?#].*$", "") + trimmed;
      }
      URI uri = new URI(escapeIllegal(asciiHost(trimmed)));
      if (base != null) {
        URI baseUri = new URI(escapeIllegal(asciiHost(base)));
        uri = baseUri.resolve(uri);
      }
      return Optional.ofNullable(normalizeUri(uri));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String normalizeUri(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
      return null;
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return null;
    }
    host = IDN.toASCII(host.endsWith(".") ? host.substring(0, host.length() - 1) : host).toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    path = removeDotSegments(normalizePercent(path));
    String query = normalizeQuery(uri.getRawQuery());
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private String normalizeQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (stripParams.contains(name) || NON_CONTENT_PARAM.matcher(name).matches()) {
        continue;
      }
      kept.add(normalizePercent(pair));
    }
    if (kept.isEmpty()) {
      return null;
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    String normalized = URI.create("http://h" + path).normalize().getRawPath();
    return normalized.replaceAll("^(/\\.\\.)+", "");
  }

  /** Upper-cases percent escapes and decodes those of unreserved characters. */
  private static String normalizePercent(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (Character.isLetterOrDigit(v) && v < 128 || v == '-' || v == '.' || v == '_' || v == '~') {
          out.append((char) v);
        } else {
          out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Percent-encodes characters that browsers tolerate in hrefs but {@link URI} rejects. */
  private static String escapeIllegal(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean badPercent = c == '%' && !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)));
      boolean illegal = c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || badPercent;
      if (illegal && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (illegal) {
          int cp = Character.isHighSurrogate(c) && i + 1 < s.length() ? s.codePointAt(i) : c;
          if (cp > 0xffff) {
            i++;
          }
          for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xff));
          }
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** Converts a non-ASCII (IDN) host to punycode; {@link URI} would reject it once percent-encoded. */
  private static String asciiHost(String s) {
    Matcher m = AUTHORITY.matcher(s);
    if (!m.matches() || m.group(2).chars().allMatch(c -> c < 0x80)) {
      return s;
    }
    String authority = m.group(2);
    int at = authority.lastIndexOf('@');
    String hostPort = authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    String port = colon < 0 ? "" : hostPort.substring(colon);
    return m.group(1) + authority.substring(0, at + 1) + IDN.toASCII(host) + port + m.group(3);
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
