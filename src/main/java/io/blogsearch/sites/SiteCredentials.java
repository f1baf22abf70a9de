package io.blogsearch.sites;

import io.blogsearch.config.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A site's tokens: the admin token works on its admin routes, the ingest token only on push
 * (PUT/DELETE posts). Neither works on any other site. Compared in constant time, never logged.
 *
 * @param adminToken null when the site has none (its admin API refuses everyone but the operator)
 * @param ingestToken null when the site has none (push needs the admin token then)
 */
public record SiteCredentials(String adminToken, String ingestToken) {
  public SiteCredentials {
    adminToken = blankToNull(adminToken);
    ingestToken = blankToNull(ingestToken);
  }

  public static final SiteCredentials NONE = new SiteCredentials(null, null);

  /**
   * The site's tokens: env {@code BLOGSEARCH_ADMIN_TOKEN_<NAME>} / {@code BLOGSEARCH_INGEST_TOKEN_<NAME>}
   * (name upper-cased, '-' as '_') win over {@code service.adminToken} / {@code service.ingestToken}.
   */
  public static SiteCredentials of(SiteConfig site, UnaryOperator<String> env) {
    String suffix = envSuffix(site.name());
    String admin = blankToNull(env.apply("BLOGSEARCH_ADMIN_TOKEN_" + suffix));
    String ingest = blankToNull(env.apply("BLOGSEARCH_INGEST_TOKEN_" + suffix));
    return new SiteCredentials(admin != null ? admin : site.service().adminToken(),
        ingest != null ? ingest : site.service().ingestToken());
  }

  /** {@code people-blog} → {@code PEOPLE_BLOG}. */
  public static String envSuffix(String siteName) {
    return siteName.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public boolean admits(String given) {
    return matches(adminToken, given);
  }

  public boolean admitsPush(String given) {
    return matches(adminToken, given) || matches(ingestToken, given);
  }

  /** Constant-time comparison; a missing token matches nothing. */
  public static boolean matches(String expected, String given) {
    return expected != null && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "SiteCredentials[admin " + (adminToken == null ? "none" : "set") + ", ingest "
        + (ingestToken == null ? "none" : "set") + "]";
  }
}
