package io.blogsearch.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the crawler needs to know about one site: where to start, where it may go, how
 * politely, and how to read its pages. Immutable; built by {@link ConfigLoader} from YAML.
 *
 * @param name short site name; crawl state lives under {@code dataDir/name}
 * @param seeds start URLs
 * @param allowedHosts {@code host} or {@code host:port} entries the crawler may contact (a bare
 *     host means the scheme's default port); by default the seeds' hosts
 * @param include URL regexes a page must match (empty: every URL in scope)
 * @param exclude URL regexes never fetched
 * @param sitemaps extra sitemap or feed URLs to read besides those robots.txt announces
 * @param stripQueryParams query parameters dropped during URL normalisation (tracking and the like)
 * @param limits crawl bounds
 * @param politeness per-host manners
 * @param http network timeouts and retries
 * @param crawl what incremental crawls request again
 * @param selectors how to read post pages
 * @param service search service settings
 * @param related related-posts rules
 * @param dataDir root folder for crawl state and index
 */
public record SiteConfig(
    String name,
    List<URI> seeds,
    List<String> allowedHosts,
    List<Pattern> include,
    List<Pattern> exclude,
    List<URI> sitemaps,
    Set<String> stripQueryParams,
    Limits limits,
    Politeness politeness,
    Http http,
    Crawl crawl,
    Selectors selectors,
    Service service,
    Related related,
    Semantic semantic,
    Path dataDir) {

  public SiteConfig {
    seeds = List.copyOf(seeds);
    allowedHosts = List.copyOf(allowedHosts);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    sitemaps = List.copyOf(sitemaps);
    stripQueryParams = Set.copyOf(stripQueryParams);
  }

  /**
   * Bounds that stop a crawl however the site behaves.
   *
   * @param trapBudget pages of one URL pattern (digits and query values generalised) fetched
   *     without finding a post before the pattern is no longer fetched
   * @param degradedErrorShare a crawl where more than this share (0–1) of fetched pages failed is
   *     reported as degraded
   */
  public record Limits(int maxPages, int maxDepth, long maxBodyBytes, Duration maxDuration, int trapBudget,
      double degradedErrorShare) {}

  /**
   * Per-host manners. The effective gap between requests to a host is the larger of {@code delay}
   * and the robots.txt crawl-delay, the latter capped at {@code maxCrawlDelay}.
   */
  public record Politeness(
      int concurrencyPerHost,
      Duration delay,
      Duration maxCrawlDelay,
      String userAgent,
      boolean respectRobots,
      boolean followNofollowLinks) {}

  /**
   * Network behaviour. {@code readTimeout} bounds silence on the socket, {@code fetchTimeout} the
   * whole download of one response, so a server that drips bytes cannot hold a worker forever.
   * {@code allowPrivateAddresses} lets the crawler connect to loopback, private, link-local and
   * other non-public addresses (intranet blogs); without it only addresses written in
   * {@code allowedHosts} (or loopback, when {@code localhost} is listed) are contacted.
   */
  public record Http(
      Duration connectTimeout,
      Duration readTimeout,
      Duration fetchTimeout,
      int maxRetries,
      Duration retryBackoff,
      int maxRedirects,
      boolean allowPrivateAddresses) {}

  /**
   * What incremental crawls request again.
   *
   * @param revalidateAfter a URL the sitemaps vouch for (unchanged lastmod) is requested anyway once
   *     its last validation is older than this: edits that leave lastmod alone (a new comment)
   *     are found within this time. Zero validates every URL on every incremental crawl.
   */
  public record Crawl(Duration revalidateAfter) {
    public static Crawl defaults() {
      return new Crawl(Duration.ofDays(7));
    }
  }

  /**
   * The search service.
   *
   * @param synonyms synonyms file (Solr format), or null for none
   * @param corsOrigins origins allowed to call the API from browsers ({@code *} for any)
   * @param queryTimeout per-query time limit
   * @param adminToken the admin API token, or null (the env var BLOGSEARCH_ADMIN_TOKEN wins)
   * @param publicPerSecond requests per second per client on public endpoints, burst twice that (0: no limit)
   * @param adminPerMinute requests per minute per client on admin endpoints, burst twice that (0: no limit)
   * @param recrawlInterval run an incremental reindex this often, or null for never
   * @param trustedProxies TCP peers whose {@code X-Forwarded-For} / {@code Forwarded} headers name the client
   * @param ingestToken a token that may only push posts (PUT/DELETE /posts), or null
   */
  public record Service(Path synonyms, List<String> corsOrigins, Duration queryTimeout, String adminToken,
      double publicPerSecond, double adminPerMinute, Duration recrawlInterval, List<IpRange> trustedProxies,
      String ingestToken) {
    public Service {
      corsOrigins = List.copyOf(corsOrigins);
      trustedProxies = List.copyOf(trustedProxies);
    }
  }

  /**
   * Editorial rules for related posts.
   *
   * @param threshold items scoring below this (0–1) are not shown
   * @param excludeUrls posts never recommended
   * @param excludeCategories posts in these categories are never recommended
   * @param olderOnly recommend only posts published before the one being read
   * @param pins per post URL, posts always listed first, in order
   * @param semanticWeight share of meaning (the posts' vectors) against words in the content score,
   *     0–1 (0: words only, as an index without vectors); used only when the index has vectors
   */
  public record Related(double threshold, List<String> excludeUrls, List<String> excludeCategories,
      boolean olderOnly, Map<String, List<String>> pins, double semanticWeight) {
    /** Tuned on the Handbook and the sample blog (README, Related posts). */
    public static final double DEFAULT_SEMANTIC_WEIGHT = 0.7;

    public Related {
      excludeUrls = List.copyOf(excludeUrls);
      excludeCategories = List.copyOf(excludeCategories);
      pins = Map.copyOf(pins);
    }

    public static Related defaults() {
      return new Related(0.15, List.of(), List.of(), false, Map.of(), DEFAULT_SEMANTIC_WEIGHT);
    }
  }

  /**
   * Meaning-based retrieval: posts embedded at index time, used by related lists and search.
   *
   * @param enabled false: keyword only, no model is loaded
   * @param model the embedding model ({@code bge-small-en-v1.5-q})
   * @param searchMode the default mode of a search: keyword, hybrid or semantic
   * @param rrfK the k of reciprocal-rank fusion (score 1/(k + rank))
   */
  public record Semantic(boolean enabled, String model, String searchMode, int rrfK) {
    public static final List<String> MODELS = List.of("bge-small-en-v1.5-q");
    public static final List<String> SEARCH_MODES = List.of("keyword", "hybrid", "semantic");

    public static Semantic defaults() {
      // keyword by default: hybrid ranks better (BENCHMARKS.md) but embedding a new query costs
      // more than the latency bar allows (hybrid ≥ ½ keyword QPS, p99 ≤ 2×, with cache misses)
      return new Semantic(true, "bge-small-en-v1.5-q", "keyword", 60);
    }
  }

  /** The folder holding this site's embedding cache (see {@code EmbeddingCache}). */
  public Path embeddingsDir() {
    return dataDir.resolve(name).resolve("embeddings");
  }

  /** The folder holding this site's index generations (see {@code Generations}). */
  public Path generationsDir() {
    return dataDir.resolve(name).resolve("generations");
  }

  /** The folder holding this site's job history. */
  public Path siteDir() {
    return dataDir.resolve(name);
  }

  /** The folder holding this site's crawl output. */
  public Path crawlDir() {
    return dataDir.resolve(name).resolve("crawl");
  }

  /** Posts and deletions pushed through the admin API ({@code PUT/DELETE /api/admin/posts}). */
  public Path pushDir() {
    return dataDir.resolve(name).resolve("push");
  }

  /**
   * The same site moved to another base URL: seeds and extra sitemaps keep their paths, and the
   * allowed hosts become the new base's host. Used by {@code demo}, whose blog port is chosen at
   * run time.
   */
  public SiteConfig rebasedOnto(URI base) {
    List<URI> newSeeds = new ArrayList<>();
    for (URI seed : seeds) {
      newSeeds.add(base.resolve(seed.getRawPath() == null || seed.getRawPath().isEmpty() ? "/" : seed.getRawPath()));
    }
    List<URI> newSitemaps = new ArrayList<>();
    for (URI sitemap : sitemaps) {
      newSitemaps.add(base.resolve(sitemap.getRawPath()));
    }
    return new SiteConfig(name, newSeeds, List.of(base.getHost() + ":" + base.getPort()), include, exclude,
        newSitemaps, stripQueryParams, limits, politeness, http, crawl, selectors, service, related, semantic, dataDir);
  }

  /** The same config with another data folder (tests and the {@code --data-dir} option). */
  public SiteConfig withDataDir(Path dir) {
    return new SiteConfig(name, seeds, allowedHosts, include, exclude, sitemaps, stripQueryParams,
        limits, politeness, http, crawl, selectors, service, related, semantic, dir);
  }

  /** The same config with other politeness settings. */
  public SiteConfig withPoliteness(Politeness p) {
    return new SiteConfig(name, seeds, allowedHosts, include, exclude, sitemaps, stripQueryParams,
        limits, p, http, crawl, selectors, service, related, semantic, dataDir);
  }

  /** The same config with other recrawl settings. */
  public SiteConfig withCrawl(Crawl c) {
    return new SiteConfig(name, seeds, allowedHosts, include, exclude, sitemaps, stripQueryParams,
        limits, politeness, http, c, selectors, service, related, semantic, dataDir);
  }

  /** The same config with other service settings. */
  public SiteConfig withService(Service s) {
    return new SiteConfig(name, seeds, allowedHosts, include, exclude, sitemaps, stripQueryParams,
        limits, politeness, http, crawl, selectors, s, related, semantic, dataDir);
  }
}
