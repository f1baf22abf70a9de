package io.blogsearch.web;

import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteRegistry;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which site a request is for, and the per-site parts of every request: CORS with the site's own
 * origins, and rate limits with a bucket per site and client (one site's flood does not use up
 * another's allowance). A path names its site ({@code /api/sites/{site}/…}, {@code /sites/{site}/});
 * other paths are the only site's when there is exactly one.
 */
final class SiteRequests {
  private static final Pattern SITE_PATH = Pattern.compile("^/(?:api/)?sites/([^/]+)(?:/.*)?$");

  private final SiteRegistry registry;
  private final RateLimiter publicLimit;
  private final RateLimiter adminLimit;
  private final ClientAddress clients;

  SiteRequests(SiteRegistry registry, ProcessSettings settings) {
    this.registry = registry;
    this.publicLimit = new RateLimiter(settings.publicPerSecond(), 1_000_000_000L);
    this.adminLimit = new RateLimiter(settings.adminPerMinute(), 60_000_000_000L);
    this.clients = new ClientAddress(settings.trustedProxies());
  }

  /** The site key a path names, or null when it names none. */
  static String keyInPath(String path) {
    Matcher m = SITE_PATH.matcher(path);
    return m.matches() && !path.startsWith("/api/admin/") ? m.group(1) : null;
  }

  /** The site the request is for: the one its path names, else the only one. */
  Optional<Site> site(Context ctx) {
    String key = keyInPath(ctx.path());
    return key != null ? registry.find(key) : registry.single();
  }

  /** The 404 for a request whose site does not exist (or that names none while several are served). */
  HttpError noSite(Context ctx) {
    String key = keyInPath(ctx.path());
    if (key != null) {
      return new HttpError(404, "not_found", "no site " + RequestParams.abbreviate(key));
    }
    String rest = ctx.path().startsWith("/api/") ? ctx.path().substring(4) : ctx.path();
    return new HttpError(404, "not_found", "this service serves " + registry.size() + " sites: name one, as in "
        + (ctx.path().startsWith("/api/") ? "/api/sites/{site}" + rest : "/sites/{site}/"));
  }

  /** The {@code site} tag of the request's metrics: a served site's key, never an arbitrary path segment. */
  String siteTag(Context ctx) {
    return site(ctx).map(Site::key).orElse(ApiMetrics.NO_SITE);
  }

  void cors(Context ctx) {
    String origin = ctx.header("Origin");
    List<String> allowed = origin == null ? List.of() : site(ctx).map(s -> s.settings().corsOrigins()).orElse(List.of());
    if (origin != null && (allowed.contains("*") || allowed.contains(origin))) {
      ctx.header("Access-Control-Allow-Origin", allowed.contains("*") ? "*" : origin);
      ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
      ctx.header("Access-Control-Max-Age", "600");
    }
    ctx.header("Vary", "Origin, Accept-Encoding");
  }

  void rateLimit(Context ctx) {
    String path = ctx.path();
    boolean isAdmin = path.startsWith("/api/admin/") || path.contains("/admin/") && keyInPath(path) != null;
    boolean isSitePage = keyInPath(path) != null && path.startsWith("/sites/");
    if (!isAdmin && !path.startsWith("/api/") && !path.equals("/widget.js") && !path.equals("/") && !isSitePage) {
      return;
    }
    RateLimiter limiter = isAdmin ? adminLimit : publicLimit;
    if (limiter.unlimited()) {
      return;
    }
    String client = clients.of(ctx.ip(), headers(ctx, "Forwarded"), headers(ctx, "X-Forwarded-For"));
    RateLimiter.Decision d = limiter.acquire(siteTag(ctx) + ' ' + client);
    if (!d.allowed()) {
      ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
      throw new HttpError(429, "too_many_requests", "rate limit exceeded; slow down and retry");
    }
  }

  private static List<String> headers(Context ctx, String name) {
    return Collections.list(ctx.req().getHeaders(name));
  }
}
