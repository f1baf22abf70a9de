package io.blogsearch.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host, fetched once per crawl and parsed by crawler-commons. Follows RFC 9309:
 * a 4xx robots.txt allows everything, a 5xx or unreachable one disallows the whole host (the
 * reason is reported), only the first 512 KiB are read.
 */
final class RobotsRules {
  static final long MAX_ROBOTS_BYTES = 512 * 1024;

  /** The rules of one host and how they were obtained. */
  record HostRules(BaseRobotRules rules, String origin, String problem) {
    boolean allowed(String url) {
      return rules.isAllowed(url);
    }

    /** Crawl-delay, or zero when robots.txt sets none. */
    Duration crawlDelay() {
      long ms = rules.getCrawlDelay();
      return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    List<String> sitemaps() {
      return rules.getSitemaps();
    }
  }

  /** Fetches robots.txt for the caller (through its throttle and scope); returns the result. */
  interface RobotsFetch {
    FetchResult fetch(String robotsUrl) throws InterruptedException;
  }

  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, HostRules> byOrigin = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final String robotName;
  private final boolean respect;

  RobotsRules(String userAgent, boolean respect) {
    this.robotName = userAgent.split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    this.respect = respect;
  }

  /** The rules for the URL's host, fetching robots.txt on first use. */
  HostRules forUrl(String url, RobotsFetch fetch) throws InterruptedException {
    String origin = originOf(url);
    HostRules known = byOrigin.get(origin);
    if (known != null) {
      return known;
    }
    synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
      known = byOrigin.get(origin);
      if (known != null) {
        return known;
      }
      HostRules rules = load(origin, fetch);
      byOrigin.put(origin, rules);
      return rules;
    }
  }

  private HostRules load(String origin, RobotsFetch fetch) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    FetchResult r = fetch.fetch(robotsUrl);
    if (!respect) {
      return new HostRules(parser.failedFetch(404), origin, null);
    }
    if (r.failed() && r.status() == 0) {
      return new HostRules(parser.failedFetch(503), origin, "robots.txt unreachable (" + r.failure() + "): host not crawled");
    }
    if (r.failed()) {
      return new HostRules(parser.failedFetch(404), origin, "robots.txt unusable (" + r.failure() + "): treated as allow-all");
    }
    if (r.status() >= 500) {
      return new HostRules(parser.failedFetch(r.status()), origin, "robots.txt answered HTTP " + r.status() + ": host not crawled");
    }
    if (r.status() >= 400) {
      return new HostRules(parser.failedFetch(r.status()), origin, null);
    }
    BaseRobotRules rules = parser.parseContent(robotsUrl, r.body(), "text/plain", List.of(robotName));
    return new HostRules(rules, origin, null);
  }

  static String originOf(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
  }
}
