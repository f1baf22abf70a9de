package io.blogsearch.web;

import java.util.List;

/**
 * Operational settings of the API.
 *
 * @param corsOrigins origins allowed to call the API from browsers ({@code *} for any)
 * @param publicPerSecond requests per second per client address on public endpoints (0: no limit)
 * @param adminPerMinute requests per minute per client address on admin endpoints (0: no limit)
 * @param adminToken the admin token, or null to disable the admin API
 * @param demoWidgetPage in demo mode, a sample-blog post page that embeds the widget ({@code /demo/widget} redirects there)
 */
public record ApiSettings(List<String> corsOrigins, double publicPerSecond, double adminPerMinute, String adminToken,
    String demoWidgetPage) {
  public ApiSettings {
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** No limits and no admin API: tests and benchmarks of the public endpoints. */
  public static ApiSettings unlimited(List<String> corsOrigins) {
    return new ApiSettings(corsOrigins, 0, 0, null, null);
  }
}
