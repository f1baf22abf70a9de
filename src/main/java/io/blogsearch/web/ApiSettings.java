package io.blogsearch.web;

import io.blogsearch.config.IpRange;
import java.util.List;

/**
 * Operational settings of the API.
 *
 * @param corsOrigins origins allowed to call the API from browsers ({@code *} for any)
 * @param publicPerSecond requests per second per client on public endpoints, burst twice that (0: no limit)
 * @param adminPerMinute requests per minute per client on admin endpoints, burst twice that (0: no limit)
 * @param adminToken the admin token, or null to disable the admin API
 * @param demoWidgetPage in demo mode, a sample-blog post page that embeds the widget ({@code /demo/widget} redirects there)
 * @param trustedProxies peers whose forwarding headers name the client (see {@link ClientAddress})
 */
public record ApiSettings(List<String> corsOrigins, double publicPerSecond, double adminPerMinute, String adminToken,
    String demoWidgetPage, List<IpRange> trustedProxies) {
  public ApiSettings {
    corsOrigins = List.copyOf(corsOrigins);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** Settings without trusted proxies: every client is its TCP peer. */
  public ApiSettings(List<String> corsOrigins, double publicPerSecond, double adminPerMinute, String adminToken,
      String demoWidgetPage) {
    this(corsOrigins, publicPerSecond, adminPerMinute, adminToken, demoWidgetPage, List.of());
  }

  /** No limits and no admin API: tests and benchmarks of the public endpoints. */
  public static ApiSettings unlimited(List<String> corsOrigins) {
    return new ApiSettings(corsOrigins, 0, 0, null, null);
  }
}
