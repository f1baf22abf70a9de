package io.blogsearch.crawl;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the crawler may go: the allowed hosts (with their ports), then the include and exclude
 * URL patterns. Every URL is checked here before it is queued and every redirect before it is
 * followed, so no page can lead the crawler elsewhere.
 */
final class CrawlScope {
  /** Why a URL is out of scope, or {@link #IN} when it is not. */
  enum Verdict { IN, OTHER_HOST, EXCLUDED }

  private final Set<String> hosts;
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  CrawlScope(SiteConfig config) {
    this.hosts = Set.copyOf(config.allowedHosts());
    this.include = config.include();
    this.exclude = config.exclude();
  }

  Verdict check(String url) {
    if (!hostAllowed(url)) {
      return Verdict.OTHER_HOST;
    }
    for (Pattern p : exclude) {
      if (p.matcher(url).find()) {
        return Verdict.EXCLUDED;
      }
    }
    if (include.isEmpty()) {
      return Verdict.IN;
    }
    for (Pattern p : include) {
      if (p.matcher(url).find()) {
        return Verdict.IN;
      }
    }
    return Verdict.EXCLUDED;
  }

  /** Whether the URL's host and port are allowed (patterns aside): the rule for robots, sitemaps and redirects. */
  boolean hostAllowed(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() != null && hosts.contains(ConfigLoader.hostEntryOf(uri));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
