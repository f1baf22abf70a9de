package io.blogsearch.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The process-level settings of a service that serves many sites ({@code serve --service}):
 * where it listens, the operator token, limits shared by all sites, the data root and which site
 * configs it serves. Each site's own settings (seeds, selectors, CORS origins, tokens) stay in its
 * site config. Immutable; built by {@link ServiceConfigLoader}.
 *
 * @param file the service config file, rewritten when sites are added or removed over the API
 * @param operatorToken may add and remove sites and act on every site; null disables the operator API
 * @param rates per-client request rates, with separate buckets per site
 * @param trustedProxies TCP peers whose forwarding headers name the client
 * @param bounds what the process holds at once
 * @param dataDir the data root: site {@code x} keeps its data in {@code dataDir/x}
 * @param sites which site configs are served
 */
public record ServiceConfig(Path file, Listen listen, String operatorToken, Rates rates, List<IpRange> trustedProxies,
    Bounds bounds, Path dataDir, SiteFiles sites) {
  public ServiceConfig {
    trustedProxies = List.copyOf(trustedProxies);
  }

  public record Listen(String host, int port) {}

  /**
   * @param publicPerSecond requests per second per client and site on public endpoints, burst twice that (0: no limit)
   * @param adminPerMinute requests per minute per client and site on admin endpoints, burst twice that (0: no limit)
   */
  public record Rates(double publicPerSecond, double adminPerMinute) {}

  /**
   * @param crawlConcurrency sites that may crawl at once (one crawl per site at most)
   * @param maxOpenSites sites whose index is kept open; the least recently used idle one closes beyond that
   */
  public record Bounds(int crawlConcurrency, int maxOpenSites) {}

  /**
   * Exactly one of the two is used.
   *
   * @param files site config files as written in the service config (relative to its folder), or null
   * @param dir a folder whose {@code *.yaml} files are the site configs, or null
   */
  public record SiteFiles(List<String> files, Path dir) {
    public SiteFiles {
      files = files == null ? null : List.copyOf(files);
    }
  }

  /** The same service listening elsewhere (the {@code --host}/{@code --port} options). */
  public ServiceConfig withListen(Listen other) {
    return new ServiceConfig(file, other, operatorToken, rates, trustedProxies, bounds, dataDir, sites);
  }

  /** The folder relative site files and new sites' configs are taken from. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }
}
