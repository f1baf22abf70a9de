package io.blogsearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.search.BadRequestException;
import io.blogsearch.sites.ServiceSites;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteCredentials;
import io.blogsearch.sites.SiteRegistry;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web stage's façade: the JSON API over HTTP (Javalin on Jetty) for every site the registry
 * serves. Each site's routes live under {@code /api/sites/{site}/…} and its search page under
 * {@code /sites/{site}/}; with exactly one site the routes without a site key are its aliases.
 * Every error is {@code {error, message}} with the right status; stack traces go to the server
 * log only. Routes, top to bottom: CORS, rate limits and query-string checks, the endpoints, then
 * error mapping.
 */
public final class ApiServer implements AutoCloseable {
  /** How long {@link #close()} waits for in-flight requests. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final byte[] WIDGET = WebPages.resource("/web/widget.js");
  private static final String SITE_API = "/api/sites/{site}";

  /** What the admin endpoints of a single site act on. */
  public record Admin(ReindexJobs jobs, SiteConfig site) {}

  /** A handler of one open site's request. */
  @FunctionalInterface
  private interface SiteHandler {
    void handle(Context ctx, Site site, Site.Runtime runtime) throws Exception;
  }

  private final SemanticModel.Status semantic;
  private final SiteRegistry registry;
  private final ApiMetrics metrics;
  private final SiteRequests requests;
  private final Access access;
  private final SiteApi siteApi;
  private final OperatorApi operator;
  private final WebPages pages;
  private final boolean adminRoutes;
  private final Javalin app;
  private final ObjectMapper mapper;

  /** Public endpoints of one fixed index, without limits: tests and benchmarks. */
  public ApiServer(ServingManager serving, UrlNormalizer urls, List<String> corsOrigins) {
    this(serving, urls, ApiSettings.unlimited(corsOrigins), new ApiMetrics(), null);
  }

  /**
   * One site (single-site serve, tests).
   *
   * @param serving the serving index (search and related lists of one generation; a reindex swaps it)
   * @param urls normaliser for URLs callers pass in
   * @param settings CORS, rate limits, admin token
   * @param metrics the Prometheus registry served at /metrics
   * @param adminTarget the reindex jobs and site behind the admin API, or null for none
   */
  public ApiServer(ServingManager serving, UrlNormalizer urls, ApiSettings settings, ApiMetrics metrics, Admin adminTarget) {
    this(serving, urls, settings, metrics, adminTarget, adminTarget != null ? adminTarget.jobs().semantic()
        : SemanticModel.off(null, "no embedding model was given").status());
  }

  /** @param semantic whether the embedding model is loaded, shown in {@code /ready} and {@code /api/admin/status} */
  public ApiServer(ServingManager serving, UrlNormalizer urls, ApiSettings settings, ApiMetrics metrics, Admin adminTarget,
      SemanticModel.Status semantic) {
    this(single(serving, urls, settings, adminTarget), ProcessSettings.of(settings), metrics, semantic, adminTarget != null);
  }

  /**
   * Every site of a service.
   *
   * @param semantic whether the process's embedding model is loaded
   */
  public ApiServer(ServiceSites sites, ProcessSettings settings, ApiMetrics metrics, SemanticModel.Status semantic) {
    this(sites, settings, metrics, semantic, true);
  }

  private ApiServer(ServiceSites sites, ProcessSettings settings, ApiMetrics metrics, SemanticModel.Status semantic,
      boolean adminRoutes) {
    this.semantic = semantic;
    this.registry = sites.registry();
    this.metrics = metrics;
    this.adminRoutes = adminRoutes;
    this.requests = new SiteRequests(registry, settings);
    this.access = new Access(settings.operatorToken(), registry);
    this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.siteApi = new SiteApi(mapper, metrics);
    this.operator = new OperatorApi(sites);
    this.pages = new WebPages(settings.demoWidgetPage());
    metrics.watch(registry);
    this.app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.http.prefer405over404 = true;
      config.http.compressionStrategy = CompressionStrategy.GZIP;
      config.http.maxRequestSize = 64 * 1024;
      config.startup.showJavalinBanner = false;
      // Long enough for the longest query the parser accepts (1,000 characters, percent-encoded).
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(16 * 1024));
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JettyJsonErrors());
        // Graceful stop (SIGTERM, close()): refuse new connections, let in-flight requests finish
        // for up to STOP_TIMEOUT. Javalin nests its own handler inside this wrapper.
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.setHandler(new GracefulHandler());
      });
      config.requestLogger.http((ctx, ms) -> {
        LOG.info("{} {} {} {}ms {}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms), ctx.ip());
        metrics.request(requests.siteTag(ctx), ctx.method().name(), route(ctx), ctx.statusCode(), ms);
      });
      config.routes.before(requests::cors);
      config.routes.before(ApiServer::securityHeaders);
      config.routes.before(requests::rateLimit);
      config.routes.before("/api/*", ApiServer::rejectMalformedQueryString);
      config.routes.get("/assets/{name}", pages::asset);
      config.routes.get("/demo/widget", pages::demoWidget);
      config.routes.get("/admin", pages::admin);
      config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
      config.routes.get("/ready", this::ready);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      config.routes.get("/", onSite((ctx, site, r) -> pages.search(ctx, r.serving(), "/", "/api")));
      config.routes.get("/sites/{site}/", onSite((ctx, site, r) ->
          pages.search(ctx, r.serving(), "/sites/" + site.key() + "/", "/api/sites/" + site.key())));
      config.routes.get("/sites/{site}/admin", ctx -> pages.admin(ctx, site(ctx).key()));
      config.routes.get("/widget.js", ApiServer::widget);
      config.routes.get(SITE_API + "/widget.js", ctx -> {
        site(ctx);
        widget(ctx);
      });
      config.routes.get(SITE_API + "/ready", onSite((ctx, site, r) -> ctx.json(siteApi.ready(site, r))));
      for (String prefix : List.of(SITE_API, "/api")) {
        siteRoutes(config.routes, prefix);
      }
      if (adminRoutes) {
        config.routes.get("/api/admin/sites", ctx -> {
          access.operator(ctx);
          operator.list(ctx);
        });
        config.routes.post("/api/admin/sites", ctx -> {
          access.operator(ctx);
          operator.add(ctx);
        });
        config.routes.delete("/api/admin/sites/{site}", ctx -> {
          access.operator(ctx);
          operator.remove(ctx);
        });
      }
      config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
      config.routes.exception(FieldError.class, (e, ctx) ->
          ctx.status(400).json(new ApiError("bad_request", e.getMessage(), e.field)));
      config.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.code, e.getMessage()));
      config.routes.exception(Exception.class, this::unexpected);
      config.routes.error(404, ctx -> {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
          error(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
        }
      });
      config.routes.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
      config.routes.error(413, ctx -> error(ctx, 413, "payload_too_large", "request body is too large"));
    });
  }

  /** A site's public and admin routes under {@code prefix} ({@code /api/sites/{site}}, or {@code /api} for the only site). */
  private void siteRoutes(RoutesConfig routes, String prefix) {
    for (String path : List.of("/search", "/suggest", "/posts", "/related")) {
      routes.options(prefix + path, ctx -> {
        site(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
      });
    }
    routes.get(prefix + "/search", onSite(siteApi::search));
    routes.get(prefix + "/suggest", onSite(siteApi::suggest));
    routes.get(prefix + "/posts", onSite(siteApi::post));
    routes.get(prefix + "/related", onSite(siteApi::related));
    if (!adminRoutes) {
      return;
    }
    routes.post(prefix + "/admin/reindex", onAdmin(false, AdminApi::reindex));
    routes.get(prefix + "/admin/jobs", onAdmin(false, AdminApi::jobList));
    routes.get(prefix + "/admin/jobs/{id}", onAdmin(false, AdminApi::job));
    routes.post(prefix + "/admin/jobs/{id}/cancel", onAdmin(false, AdminApi::cancel));
    routes.get(prefix + "/admin/status", onAdmin(false, AdminApi::status));
    routes.post(prefix + "/admin/rollback", onAdmin(false, AdminApi::rollback));
    routes.put(prefix + "/admin/posts", onAdmin(true, AdminApi::putPosts));
    routes.delete(prefix + "/admin/posts", onAdmin(true, AdminApi::deletePost));
  }

  /** An admin endpoint of one site. */
  @FunctionalInterface
  private interface AdminHandler {
    void handle(AdminApi admin, Context ctx) throws Exception;
  }

  /** @param push whether the site's ingest token suffices (push routes) */
  private Handler onAdmin(boolean push, AdminHandler handler) {
    return ctx -> {
      Site site = site(ctx);
      // checked before the site is opened: a refused request costs nothing
      if (push) {
        access.sitePush(ctx, site);
      } else {
        access.siteAdmin(ctx, site);
      }
      within(ctx, site, (c, s, r) -> {
        if (r.jobs() == null || s.settings().config() == null) {
          throw new HttpError(404, "not_found", "site " + s.key() + " has no admin API");
        }
        handler.handle(new AdminApi(r.jobs(), r.serving(), s.settings().config(), mapper, semantic), c);
      });
    };
  }

  private Handler onSite(SiteHandler handler) {
    return ctx -> within(ctx, site(ctx), handler);
  }

  /** Runs {@code handler} holding the open site; a removed site answers 404, one that cannot open 503. */
  private void within(Context ctx, Site site, SiteHandler handler) throws Exception {
    try {
      registry.use(site, r -> {
        handler.handle(ctx, site, r);
        return null;
      });
    } catch (Site.Gone gone) {
      throw new HttpError(404, "not_found", "no site " + site.key());
    } catch (Site.Unavailable down) {
      LOG.warn("{}", down.getMessage());
      throw new HttpError(503, "unavailable", "site " + site.key() + " cannot answer right now: its index did not open");
    }
  }

  /** The site the request names ({@code {site}} in its path), or the only site; 404 JSON when there is none. */
  private Site site(Context ctx) {
    return requests.site(ctx).orElseThrow(() -> requests.noSite(ctx));
  }

  /** Starts listening; port 0 picks a free one. */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private static void widget(Context ctx) throws Exception {
    SiteApi.send(ctx, WIDGET, SiteApi.etagOf(WIDGET), "application/javascript; charset=utf-8");
    ctx.header("Cache-Control", "public, max-age=3600");
  }

  /** Ready when the service runs; with one site, when that site's index answers (its documents and generation). */
  private void ready(Context ctx) throws Exception {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    var only = registry.single();
    if (only.isPresent()) {
      try {
        out.putAll(registry.use(only.get(), r -> siteApi.ready(only.get(), r)));
      } catch (RuntimeException e) {
        error(ctx, 503, "not_ready", "the index is not open");
        return;
      }
    } else {
      out.put("status", "ready");
      out.put("sites", registry.size());
      out.put("open", registry.openCount());
    }
    out.put("semantic", semantic);
    ctx.json(out);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }

  private static String route(Context ctx) {
    try {
      return ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  /** Jetty quietly drops parameters it cannot decode; a visitor's query must not vanish unnoticed. */
  private static void rejectMalformedQueryString(Context ctx) {
    String qs = ctx.queryString();
    if (qs == null) {
      return;
    }
    for (int i = qs.indexOf('%'); i >= 0; i = qs.indexOf('%', i + 1)) {
      if (i + 2 >= qs.length() || !isHex(qs.charAt(i + 1)) || !isHex(qs.charAt(i + 2))) {
        throw new BadRequestException("malformed query string: invalid percent-encoding at position " + i);
      }
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private void unexpected(Exception e, Context ctx) {
    if (isBadQueryString(e)) {
      error(ctx, 400, "bad_request", "malformed query string (invalid percent-encoding?)");
      return;
    }
    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
    error(ctx, 500, "internal_error", "the server could not answer this request");
  }

  private static boolean isBadQueryString(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.contains("BadMessageException") || t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).contains("%")) {
        return true;
      }
    }
    return false;
  }

  static void error(Context ctx, int status, String code, String message) {
    ctx.status(status).json(new ApiError(code, message));
  }

  /** One site around an index that is already open (the single-site constructors). */
  private static ServiceSites single(ServingManager serving, UrlNormalizer urls, ApiSettings settings, Admin admin) {
    SiteConfig config = admin == null ? null : admin.site();
    String key = config == null ? "site" : config.name();
    SiteCredentials credentials = new SiteCredentials(settings.adminToken(),
        config == null ? null : config.service().ingestToken());
    Site site = Site.open(new Site.Settings(key, config, urls, settings.corsOrigins(), credentials),
        new Site.Runtime(serving, admin == null ? null : admin.jobs(), null));
    return new ServiceSites(SiteRegistry.of(site), null, c -> {
      throw new IllegalStateException("a single-site server cannot add sites");
    }, null, null);
  }

  @Override
  public void close() {
    app.stop();
  }
}
