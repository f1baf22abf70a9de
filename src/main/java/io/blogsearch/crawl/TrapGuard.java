package io.blogsearch.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Recognises, before fetching, URLs that cannot be new posts, so block themes, calendars and
 * endless archives cannot turn a crawl into thousands of requests. Three rules:
 *
 * <ol>
 *   <li>fixed WordPress paths that never hold a post: per-post and per-term feeds (the site
 *       feed and the sitemaps list every post), AMP and oEmbed copies, trackback endpoints, the
 *       REST API;
 *   <li>learned per path: once two query-string variants of one path canonicalised to the same
 *       URL, further variants of that path are not fetched;
 *   <li>a budget per URL pattern (digits and query values generalised, so {@code /2024/03/} and
 *       {@code /page/7/} are patterns): a pattern that produced {@code budget} pages and never a
 *       post is not fetched further.
 * </ol>
 *
 * Each rule's drops are counted and become one {@link Outcome#TRAP} line per pattern in the
 * report. Thread-safe: workers share one guard per crawl.
 */
final class TrapGuard {
  private static final Pattern FIXED = Pattern.compile(
      "^/.+/feed(/(rss2?|atom|rdf))?/?$|.*/(amp|embed|trackback)/?$|^/wp-json(/.*)?$");
  private static final Pattern DIGITS = Pattern.compile("^\\d+$");

  private final int budget;
  private final Map<String, Variants> variantsByPath = new ConcurrentHashMap<>();
  private final Map<String, PatternCount> byPattern = new ConcurrentHashMap<>();
  private final Map<String, Integer> dropped = new LinkedHashMap<>();

  /** @param budget pages of one URL pattern fetched without finding a post before the pattern is dropped */
  TrapGuard(int budget) {
    this.budget = budget;
  }

  /** Why {@code url} should not be fetched (the rule, which names its pattern), or empty. */
  Optional<String> refusal(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (FIXED.matcher(path).matches()) {
      return Optional.of("never a post: " + fixedKind(path) + " (" + uri.getScheme() + "://" + uri.getRawAuthority() + ")");
    }
    if (uri.getRawQuery() != null) {
      Variants v = variantsByPath.get(pathKey(uri));
      if (v != null && v.learned() != null) {
        return Optional.of("query variants of " + pathKey(uri) + " canonicalise to " + v.learned());
      }
    }
    String pattern = generalise(uri, true);
    PatternCount c = byPattern.get(pattern);
    if (c != null && c.exhausted(budget)) {
      return Optional.of("budget of " + budget + " pages without a post: " + pattern);
    }
    return Optional.empty();
  }

  /** Counts one URL dropped by {@code rule}. */
  synchronized void dropped(String rule) {
    dropped.merge(rule, 1, Integer::sum);
  }

  /** Learns from one fetched page: where it canonicalised to, and whether it held a post. */
  void fetched(String url, String canonical, boolean post) {
    URI uri = URI.create(url);
    if (uri.getRawQuery() != null && !canonical.equals(url)) {
      variantsByPath.computeIfAbsent(pathKey(uri), k -> new Variants()).add(canonical);
    }
    String pattern = generalise(uri, true);
    if (!pattern.equals(generalise(uri, false)) || uri.getRawQuery() != null) {
      byPattern.computeIfAbsent(pattern, k -> new PatternCount()).add(post);
    }
  }

  /** One report line per rule that dropped URLs. */
  synchronized List<UrlOutcome> reportLines() {
    List<UrlOutcome> out = new ArrayList<>();
    dropped.forEach((rule, n) -> out.add(new UrlOutcome(rule, Outcome.TRAP, 0, n + (n == 1 ? " URL" : " URLs")
        + " not fetched: " + rule)));
    return out;
  }

  /** Total URLs dropped so far. */
  synchronized int droppedCount() {
    return dropped.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static String fixedKind(String path) {
    if (path.startsWith("/wp-json")) {
      return "REST API /wp-json/…";
    }
    if (path.matches(".*/feed(/(rss2?|atom|rdf))?/?$")) {
      return "per-post and per-term feeds …/feed/";
    }
    return "AMP, embed and trackback copies …/" + path.replaceAll(".*/(amp|embed|trackback)/?$", "$1") + "/";
  }

  private static String pathKey(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "/" : uri.getRawPath());
  }

  /** The URL with numeric path segments and (if asked) query values replaced by placeholders. */
  static String generalise(URI uri, boolean numbers) {
    StringBuilder sb = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority());
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      sb.append('/').append(numbers && DIGITS.matcher(segments[i]).matches() ? "{n}" : segments[i]);
    }
    if (uri.getRawQuery() != null) {
      Set<String> keys = new TreeSet<>();
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        keys.add((eq < 0 ? pair : pair.substring(0, eq)) + (numbers ? "={v}" : eq < 0 ? "" : pair.substring(eq)));
      }
      sb.append('?').append(String.join("&", keys));
    }
    return sb.toString();
  }

  /** Where query variants of one path canonicalised to. */
  private static final class Variants {
    private final Map<String, Integer> byCanonical = new LinkedHashMap<>();
    private String learned;

    synchronized void add(String canonical) {
      if (byCanonical.merge(canonical, 1, Integer::sum) >= 2) {
        learned = canonical;
      }
    }

    synchronized String learned() {
      return learned;
    }
  }

  /** Pages fetched for one pattern and whether any was a post. */
  private static final class PatternCount {
    private int pages;
    private boolean sawPost;

    synchronized void add(boolean post) {
      pages++;
      sawPost |= post;
    }

    synchronized boolean exhausted(int budget) {
      return !sawPost && pages >= budget;
    }
  }
}
