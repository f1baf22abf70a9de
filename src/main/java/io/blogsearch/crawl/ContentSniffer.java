package io.blogsearch.crawl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a response holds, since servers mislabel or omit Content-Type: HTML, a sitemap/feed, or neither. */
final class ContentSniffer {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

  private ContentSniffer() {}

  /** "html", "xml" or "other", from the body's first bytes first and the Content-Type second. */
  static String kind(String contentType, byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
        .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
    boolean xmlish = head.startsWith("<?xml") || head.startsWith("<rss") || head.startsWith("<urlset")
        || head.startsWith("<sitemapindex") || head.startsWith("<feed");
    if (xmlish && !head.contains("<html")) {
      return "xml";
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<head") || head.contains("<body")) {
      return "html";
    }
    String ct = contentType.toLowerCase(Locale.ROOT);
    if (ct.contains("html")) {
      return "html";
    }
    return ct.contains("xml") || ct.contains("rss") || ct.contains("atom") ? "xml" : "other";
  }

  /** The charset a Content-Type names, if Java knows it; null lets jsoup read it from the page. */
  static String charsetOf(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1)).name();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
