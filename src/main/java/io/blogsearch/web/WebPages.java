package io.blogsearch.web;

import io.blogsearch.admin.ServingManager;
import io.blogsearch.search.BadRequestException;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The HTML side of the service: the visitor search page, the admin page, their static assets
 * (all served by the app, no CDN) and, in demo mode, a link to a sample-blog post showing the
 * widget. Pages get a strict Content-Security-Policy: scripts and styles only from this origin.
 */
final class WebPages {
  static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final Map<String, String> ASSETS = Map.of(
      "site.css", "text/css; charset=utf-8",
      "search.js", "application/javascript; charset=utf-8",
      "admin.js", "application/javascript; charset=utf-8");

  private final String demoWidgetPage;
  private final byte[] adminPage = resource("/web/admin.html");
  private final Map<String, byte[]> assets = new java.util.HashMap<>();

  WebPages(String demoWidgetPage) {
    this.demoWidgetPage = demoWidgetPage;
    ASSETS.keySet().forEach(name -> assets.put(name, resource("/web/" + name)));
  }

  /**
   * @param base the page's path ({@code /} or {@code /sites/{site}/})
   * @param api the site's API prefix ({@code /api} or {@code /api/sites/{site}})
   */
  void search(Context ctx, ServingManager serving, String base, String api) {
    ctx.header("Content-Security-Policy", PAGE_CSP).header("Cache-Control", "no-cache");
    SearchRequest req;
    SearchPage page;
    try {
      req = RequestParams.searchRequest(ctx);
      SearchRequest r = req;
      SearchResponse res = serving.with(s -> s.search().search(r));
      page = new SearchPage(req, res, null, base, api);
    } catch (BadRequestException e) {
      req = SearchRequest.of(ctx.queryParam("q") == null ? "" : ctx.queryParam("q").length() > 1000 ? "" : ctx.queryParam("q"));
      page = new SearchPage(req, null, e.getMessage(), base, api);
      ctx.status(400);
    }
    boolean fragment = "1".equals(ctx.queryParam("fragment"));
    ctx.contentType("text/html; charset=utf-8").result(fragment ? page.results() : page.page());
  }

  void admin(Context ctx) {
    ctx.header("Content-Security-Policy", PAGE_CSP).header("Cache-Control", "no-cache")
        .contentType("text/html; charset=utf-8").result(adminPage);
  }

  /** The admin page of one site of a service: its script calls {@code /api/sites/{site}/admin/…}. */
  void admin(Context ctx, String siteKey) {
    // site keys are [a-z0-9_-] (ConfigLoader): nothing to escape
    byte[] page = new String(adminPage, java.nio.charset.StandardCharsets.UTF_8)
        .replace("<body data-api=\"/api\">", "<body data-api=\"/api/sites/" + siteKey + "\">")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ctx.header("Content-Security-Policy", PAGE_CSP).header("Cache-Control", "no-cache")
        .contentType("text/html; charset=utf-8").result(page);
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("name");
    String type = ASSETS.get(name);
    if (type == null) {
      ApiServer.error(ctx, 404, "not_found", "no such asset");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=300").contentType(type).result(assets.get(name));
  }

  void demoWidget(Context ctx) {
    if (demoWidgetPage == null) {
      ApiServer.error(ctx, 404, "not_found", "the widget demo exists only in demo mode");
      return;
    }
    ctx.redirect(demoWidgetPage);
  }

  static byte[] resource(String name) {
    try (InputStream in = WebPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }

}
