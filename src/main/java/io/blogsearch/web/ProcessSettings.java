package io.blogsearch.web;

import io.blogsearch.config.IpRange;
import java.util.List;

/**
 * The API's process-level settings (each site's CORS origins and tokens are its own).
 *
 * @param publicPerSecond requests per second per client and site on public endpoints, burst twice that (0: no limit)
 * @param adminPerMinute requests per minute per client and site on admin endpoints, burst twice that (0: no limit)
 * @param operatorToken may manage sites and act on every site; null: no operator API
 * @param demoWidgetPage in demo mode, a sample-blog post page that embeds the widget, or null
 * @param trustedProxies peers whose forwarding headers name the client (see {@link ClientAddress})
 */
public record ProcessSettings(double publicPerSecond, double adminPerMinute, String operatorToken, String demoWidgetPage,
    List<IpRange> trustedProxies) {
  public ProcessSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The process-level part of a single site's settings. */
  static ProcessSettings of(ApiSettings single) {
    return new ProcessSettings(single.publicPerSecond(), single.adminPerMinute(), null, single.demoWidgetPage(),
        single.trustedProxies());
  }
}
