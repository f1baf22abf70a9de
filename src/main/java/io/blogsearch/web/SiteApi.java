package io.blogsearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.related.RelatedLookup;
import io.blogsearch.related.RelatedService;
import io.blogsearch.search.BadRequestException;
import io.blogsearch.search.SearchResponse;
import io.blogsearch.sites.Site;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The public endpoints of one site — search, suggestions, posts, related lists — answered from
 * the site's serving index. GETs carry an ETag (a repeat with If-None-Match gets 304) and a
 * short Cache-Control.
 */
final class SiteApi {
  private static final int MAX_SUGGESTIONS = 10;

  private final ObjectMapper mapper;
  private final ApiMetrics metrics;

  SiteApi(ObjectMapper mapper, ApiMetrics metrics) {
    this.mapper = mapper;
    this.metrics = metrics;
  }

  void search(Context ctx, Site site, Site.Runtime r) throws Exception {
    var request = RequestParams.searchRequest(ctx);
    SearchResponse res = r.serving().with(s -> s.search().search(request));
    metrics.searched(site.key());
    // tookMs varies between identical answers; the validator must not.
    SearchResponse stable = new SearchResponse(res.total(), 0, res.hits(), res.facets(), res.didYouMean(), res.relaxed(),
        res.partial(), res.message(), res.mode(), res.fallback());
    send(ctx, mapper.writeValueAsBytes(res), "W/" + etagOf(mapper.writeValueAsBytes(stable)), "application/json");
  }

  void suggest(Context ctx, Site site, Site.Runtime r) throws Exception {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    int limit = RequestParams.intParam(ctx, "limit", 8);
    if (limit < 1 || limit > MAX_SUGGESTIONS) {
      throw new BadRequestException("limit must be between 1 and " + MAX_SUGGESTIONS + " (got " + limit + ")");
    }
    cacheable(ctx, Map.of("suggestions", r.serving().with(s -> s.search().suggest(q, limit))));
  }

  /** The stored post by {@code url}, or by {@code id} (the id search hits and related items carry). */
  void post(Context ctx, Site site, Site.Runtime r) throws Exception {
    String id = ctx.queryParam("id");
    if (ctx.queryParam("url") == null && id != null && !id.isBlank()) {
      var post = r.serving().with(s -> s.search().postById(id.strip()));
      if (post.isEmpty()) {
        ApiServer.error(ctx, 404, "not_found", "no post with id " + RequestParams.abbreviate(id) + " in the index");
        return;
      }
      cacheable(ctx, post.get());
      return;
    }
    String url = url(ctx, site);
    var post = r.serving().with(s -> s.search().post(url));
    if (post.isEmpty()) {
      ApiServer.error(ctx, 404, "not_found", "no post with URL " + RequestParams.abbreviateUrl(url) + " in the index");
      return;
    }
    cacheable(ctx, post.get());
  }

  void related(Context ctx, Site site, Site.Runtime r) throws Exception {
    String id = ctx.queryParam("id");
    String url;
    if (ctx.queryParam("url") == null && id != null && !id.isBlank()) {
      url = r.serving().with(s -> s.related().urlOf(id.strip())).orElse(null);
      if (url == null) {
        ApiServer.error(ctx, 404, "not_found", "no post with id " + RequestParams.abbreviate(id) + " in the index");
        return;
      }
    } else {
      url = url(ctx, site);
    }
    int limit = RequestParams.intParam(ctx, "limit", 5);
    if (limit < 1 || limit > RelatedService.MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + RelatedService.MAX_LIMIT + " (got " + limit + ")");
    }
    String target = url;
    RelatedLookup.Answer answer = r.serving().with(s -> s.related().lookup(target, limit));
    metrics.relatedServed(site.key());
    if (answer instanceof RelatedLookup.Found found) {
      cacheable(ctx, Map.of("url", url, "items", found.list().items(), "fallback", found.list().fallback()));
    } else if (answer instanceof RelatedLookup.NotAPost) {
      ApiServer.error(ctx, 404, "not_a_post", RequestParams.abbreviateUrl(url) + " is a page of the site, but not a post");
    } else {
      ApiServer.error(ctx, 404, "not_found", "no post with URL " + RequestParams.abbreviateUrl(url) + " in the index");
    }
  }

  /** The site's readiness: its index answers (a site not open yet is opened by asking). */
  Map<String, Object> ready(Site site, Site.Runtime r) {
    return r.serving().with(s -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("status", "ready");
      m.put("documents", s.search().documentCount());
      m.put("generation", s.generation() == null ? null : s.generation().name());
      return m;
    });
  }

  private static String url(Context ctx, Site site) {
    String raw = RequestParams.required(ctx, "url");
    return site.settings().urls().normalize(raw).orElseThrow(() -> new BadRequestException("url must be an absolute http(s) URL"));
  }

  /**
   * Sends {@code body} as JSON with a strong ETag of its bytes and a short Cache-Control; a
   * request whose If-None-Match carries that ETag gets 304 without a body.
   */
  private void cacheable(Context ctx, Object body) throws Exception {
    byte[] json = mapper.writeValueAsBytes(body);
    send(ctx, json, etagOf(json), "application/json");
  }

  static String etagOf(byte[] bytes) throws Exception {
    return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
  }

  static void send(Context ctx, byte[] body, String etag, String contentType) {
    ctx.header("ETag", etag).header("Cache-Control", "public, max-age=60");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(body);
  }
}
