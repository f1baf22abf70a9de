package io.blogsearch.web;

import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteCredentials;
import io.blogsearch.sites.SiteRegistry;
import io.javalin.http.Context;

/**
 * Who may do what: a site's admin token works on that site's admin routes, its ingest token only
 * on its push routes, the operator token on every site and on the operator routes. A valid token
 * of one site is refused elsewhere: 401 on another site, 403 on operator routes. Tokens come in
 * {@code Authorization: Bearer …} (or {@code X-Admin-Token}) and are never logged.
 */
final class Access {
  private final String operatorToken;
  private final SiteRegistry sites;

  /** @param operatorToken null: no operator (single-site serve) */
  Access(String operatorToken, SiteRegistry sites) {
    this.operatorToken = operatorToken == null || operatorToken.isBlank() ? null : operatorToken;
    this.sites = sites;
  }

  boolean hasOperator() {
    return operatorToken != null;
  }

  /** 401 unless the request carries the site's admin token or the operator token. */
  void siteAdmin(Context ctx, Site site) {
    String given = given(ctx);
    SiteCredentials c = site.settings().credentials();
    if (c.admits(given) || SiteCredentials.matches(operatorToken, given)) {
      return;
    }
    refuse(ctx, c.adminToken() == null && operatorToken == null);
  }

  /** 401 unless the request carries the site's ingest or admin token, or the operator token. */
  void sitePush(Context ctx, Site site) {
    String given = given(ctx);
    SiteCredentials c = site.settings().credentials();
    if (c.admitsPush(given) || SiteCredentials.matches(operatorToken, given)) {
      return;
    }
    refuse(ctx, c.adminToken() == null && c.ingestToken() == null && operatorToken == null);
  }

  /** 401 without the operator token; 403 when the token is a site's (it is valid, but not here). */
  void operator(Context ctx) {
    String given = given(ctx);
    if (SiteCredentials.matches(operatorToken, given)) {
      return;
    }
    if (given != null && sites.all().stream().anyMatch(s -> s.settings().credentials().admitsPush(given))) {
      throw new HttpError(403, "forbidden", "a site's token cannot manage the service: use the operator token");
    }
    if (operatorToken == null) {
      throw new HttpError(401, "unauthorized",
          "the operator API is disabled: no operator token is configured (BLOGSEARCH_OPERATOR_TOKEN)");
    }
    ctx.header("WWW-Authenticate", "Bearer");
    throw new HttpError(401, "unauthorized", "a valid operator token is required");
  }

  private static void refuse(Context ctx, boolean disabled) {
    if (disabled) {
      throw new HttpError(401, "unauthorized", "the admin API is disabled: no admin token is configured (BLOGSEARCH_ADMIN_TOKEN)");
    }
    ctx.header("WWW-Authenticate", "Bearer");
    throw new HttpError(401, "unauthorized", "a valid admin token is required");
  }

  private static String given(Context ctx) {
    String given = ctx.header("Authorization");
    if (given != null && given.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return given.substring(7).strip();
    }
    return ctx.header("X-Admin-Token");
  }
}
