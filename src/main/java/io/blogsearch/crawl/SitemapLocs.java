package io.blogsearch.crawl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes relative {@code <loc>} entries of a sitemap absolute against the sitemap's own URL.
 * The protocol asks for absolute URLs, but some generators write root-relative ones
 * ({@code <loc>/2024/05/post/</loc>}), which crawler-commons drops ("0 URLs").
 */
final class SitemapLocs {
  private static final Pattern RELATIVE_LOC =
      Pattern.compile("(<(?:[\\w-]+:)?loc>)\\s*(?:<!\\[CDATA\\[)?\\s*(?!https?:)([^<\\]\\s][^<\\]]*?)\\s*(?:]]>)?\\s*(</(?:[\\w-]+:)?loc>)",
          Pattern.CASE_INSENSITIVE);

  private SitemapLocs() {}

  /** The sitemap bytes with every relative loc resolved against {@code sitemapUrl}; unchanged if none. */
  static byte[] absolutise(byte[] body, String sitemapUrl) {
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
    if (head.contains("\u001f\u008b")) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    Matcher m = RELATIVE_LOC.matcher(text);
    if (!m.find()) {
      return body;
    }
    URI base = URI.create(sitemapUrl);
    StringBuilder out = new StringBuilder(text.length() + 1024);
    m.reset();
    while (m.find()) {
      String resolved;
      try {
        resolved = base.resolve(m.group(2).replace("&amp;", "&")).toString().replace("&", "&amp;");
      } catch (IllegalArgumentException e) {
        resolved = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + resolved + m.group(3)));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
