package io.blogsearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.related.RelatedService;
import io.blogsearch.search.BadRequestException;
import io.blogsearch.search.SearchResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web stage's façade: the JSON API over HTTP (Javalin on Jetty). Every error is
 * {@code {error, message}} with the right status; stack traces go to the server log only. GETs
 * are gzipped and carry an ETag (a repeat with If-None-Match gets 304) and a short Cache-Control.
 * Routes, top to bottom: CORS and query-string checks, the endpoints, then error mapping.
 */
public final class ApiServer implements AutoCloseable {
  /** How long {@link #close()} waits for in-flight requests. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int MAX_SUGGESTIONS = 10;
  private static final byte[] WIDGET = WebPages.resource("/web/widget.js");

  private final SemanticModel.Status semantic;
  private final ServingManager serving;
  private final UrlNormalizer urls;
  private final Set<String> corsOrigins;
  private final ApiMetrics metrics;
  private final RateLimiter publicLimit;
  private final RateLimiter adminLimit;
  private final ClientAddress clients;
  private final AdminApi admin;
  private final WebPages pages;
  private final Javalin app;
  private final ObjectMapper mapper;

  /** What the admin endpoints act on. */
  public record Admin(ReindexJobs jobs, SiteConfig site) {}

  /** Public endpoints only, without limits: tests and benchmarks. */
  public ApiServer(ServingManager serving, UrlNormalizer urls, List<String> corsOrigins) {
    this(serving, urls, ApiSettings.unlimited(corsOrigins), new ApiMetrics(serving), null);
  }

  /**
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
    this.semantic = semantic;
    this.serving = serving;
    this.urls = urls;
    this.corsOrigins = Set.copyOf(settings.corsOrigins());
    this.metrics = metrics;
    this.publicLimit = new RateLimiter(settings.publicPerSecond(), 1_000_000_000L);
    this.adminLimit = new RateLimiter(settings.adminPerMinute(), 60_000_000_000L);
    this.clients = new ClientAddress(settings.trustedProxies());
    this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.pages = new WebPages(serving, settings.demoWidgetPage());
    this.admin = adminTarget == null ? null
        : new AdminApi(adminTarget.jobs(), serving, adminTarget.site(), settings.adminToken(), mapper, semantic);
    if (adminTarget != null) {
      metrics.watchQueue(adminTarget.jobs());
    }
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
        metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms);
      });
      config.routes.before(this::cors);
      config.routes.before(ApiServer::securityHeaders);
      config.routes.before(this::rateLimit);
      config.routes.before("/api/*", ApiServer::rejectMalformedQueryString);
      for (String path : List.of("/api/search", "/api/suggest", "/api/posts", "/api/related")) {
        config.routes.options(path, ctx -> ctx.status(HttpStatus.NO_CONTENT));
      }
      config.routes.get("/", pages::search);
      config.routes.get("/admin", pages::admin);
      config.routes.get("/assets/{name}", pages::asset);
      config.routes.get("/demo/widget", pages::demoWidget);
      config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
      config.routes.get("/ready", this::ready);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      if (admin != null) {
        config.routes.before("/api/admin/*", admin::authorize);
        config.routes.post("/api/admin/reindex", admin::reindex);
        config.routes.get("/api/admin/jobs", admin::jobList);
        config.routes.get("/api/admin/jobs/{id}", admin::job);
        config.routes.post("/api/admin/jobs/{id}/cancel", admin::cancel);
        config.routes.get("/api/admin/status", admin::status);
        config.routes.post("/api/admin/rollback", admin::rollback);
        config.routes.put("/api/admin/posts", admin::putPosts);
        config.routes.delete("/api/admin/posts", admin::deletePost);
      }
      config.routes.get("/api/search", this::search);
      config.routes.get("/api/suggest", this::suggest);
      config.routes.get("/api/posts", this::post);
      config.routes.get("/api/related", this::related);
      config.routes.get("/widget.js", ctx -> {
        send(ctx, WIDGET, etagOf(WIDGET), "application/javascript; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=3600");
      });
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

  /** Starts listening; port 0 picks a free one. */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private void search(Context ctx) throws Exception {
    var request = RequestParams.searchRequest(ctx);
    SearchResponse r = serving.with(s -> s.search().search(request));
    metrics.searched();
    // tookMs varies between identical answers; the validator must not.
    SearchResponse stable = new SearchResponse(r.total(), 0, r.hits(), r.facets(), r.didYouMean(), r.relaxed(), r.partial(),
        r.message(), r.mode(), r.fallback());
    cacheable(ctx, r, "W/" + etagOf(mapper.writeValueAsBytes(stable)));
  }

  private void suggest(Context ctx) throws Exception {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    int limit = RequestParams.intParam(ctx, "limit", 8);
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new BadRequestException("limit must be between 1 and " + MAX_SUGGESTIONS + " (got " + limit + ")");
    }
    cacheable(ctx, Map.of("suggestions", serving.with(s -> s.search().suggest(q, limit))));
  }

  /** The stored post by {@code url}, or by {@code id} (the id search hits and related items carry). */
  private void post(Context ctx) throws Exception {
    String id = ctx.queryParam("id");
    if (ctx.queryParam("url") == null && id != null && !id.isBlank()) {
      var post = serving.with(s -> s.search().postById(id.strip()));
      if (post.isEmpty()) {
        error(ctx, 404, "not_found", "no post with id " + RequestParams.abbreviate(id) + " in the index");
        return;
      }
      cacheable(ctx, post.get());
      return;
    }
    String raw = RequestParams.required(ctx, "url");
    String url = urls.normalize(raw).orElseThrow(() -> new BadRequestException("url must be an absolute http(s) URL"));
    var post = serving.with(s -> s.search().post(url));
    if (post.isEmpty()) {
      error(ctx, 404, "not_found", "no post with URL " + RequestParams.abbreviateUrl(url) + " in the index");
      return;
    }
    cacheable(ctx, post.get());
  }

  private void related(Context ctx) throws Exception {
    String id = ctx.queryParam("id");
    String url;
    if (ctx.queryParam("url") == null && id != null && !id.isBlank()) {
      url = serving.with(s -> s.related().urlOf(id.strip())).orElse(null);
      if (url == null) {
        error(ctx, 404, "not_found", "no post with id " + RequestParams.abbreviate(id) + " in the index");
        return;
      }
    } else {
      String raw = RequestParams.required(ctx, "url");
      url = urls.normalize(raw).orElseThrow(() -> new BadRequestException("url must be an absolute http(s) URL"));
    }
    int limit = RequestParams.intParam(ctx, "limit", 5);
    if (limit < 1 || limit > RelatedService.MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + RelatedService.MAX_LIMIT + " (got " + limit + ")");
    }
    RelatedService.Answer answer = serving.with(s -> s.related().lookup(url, limit));
    metrics.relatedServed();
    if (answer instanceof RelatedService.Found found) {
      cacheable(ctx, Map.of("url", url, "items", found.list().items(), "fallback", found.list().fallback()));
    } else if (answer instanceof RelatedService.NotAPost) {
      error(ctx, 404, "not_a_post", RequestParams.abbreviateUrl(url) + " is a page of the site, but not a post");
    } else {
      error(ctx, 404, "not_found", "no post with URL " + RequestParams.abbreviateUrl(url) + " in the index");
    }
  }

  private void ready(Context ctx) {
    try {
      Map<String, Object> out = serving.with(s -> {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", "ready");
        m.put("documents", s.search().documentCount());
        m.put("generation", s.generation() == null ? null : s.generation().name());
        m.put("semantic", semantic);
        return m;
      });
      ctx.json(out);
    } catch (RuntimeException e) {
      error(ctx, 503, "not_ready", "the index is not open");
    }
  }

  private void rateLimit(Context ctx) {
    boolean isAdmin = ctx.path().startsWith("/api/admin/");
    if (!isAdmin && !ctx.path().startsWith("/api/") && !ctx.path().equals("/widget.js") && !ctx.path().equals("/")) {
      return;
    }
    RateLimiter limiter = isAdmin ? adminLimit : publicLimit;
    if (limiter.unlimited()) {
      return;
    }
    String client = clients.of(ctx.ip(), headers(ctx, "Forwarded"), headers(ctx, "X-Forwarded-For"));
    RateLimiter.Decision d = limiter.acquire(client);
    if (!d.allowed()) {
      ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
      throw new HttpError(429, "too_many_requests", "rate limit exceeded; slow down and retry");
    }
  }

  private static List<String> headers(Context ctx, String name) {
    return Collections.list(ctx.req().getHeaders(name));
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

  private void cors(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin))) {
      ctx.header("Access-Control-Allow-Origin", corsOrigins.contains("*") ? "*" : origin);
      ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
      ctx.header("Access-Control-Max-Age", "600");
    }
    ctx.header("Vary", "Origin, Accept-Encoding");
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

  /**
   * Sends {@code body} as JSON with a strong ETag of its bytes and a short Cache-Control; a
   * request whose If-None-Match carries that ETag gets 304 without a body.
   */
  private void cacheable(Context ctx, Object body) throws Exception {
    byte[] json = mapper.writeValueAsBytes(body);
    send(ctx, json, etagOf(json), "application/json");
  }

  private void cacheable(Context ctx, Object body, String etag) throws Exception {
    send(ctx, mapper.writeValueAsBytes(body), etag, "application/json");
  }

  private static String etagOf(byte[] json) throws Exception {
    return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 12) + "\"";
  }

  private static void send(Context ctx, byte[] body, String etag, String contentType) {
    ctx.header("ETag", etag).header("Cache-Control", "public, max-age=60");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(body);
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

  @Override
  public void close() {
    app.stop();
  }
}
