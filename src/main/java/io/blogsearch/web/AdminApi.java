package io.blogsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.admin.JobStatus;
import io.blogsearch.admin.Pushes;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.index.Generations;
import io.blogsearch.search.BadRequestException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin endpoints of one site (the caller checked its token, see {@link Access}): start or
 * queue, watch, list and cancel reindex jobs, index status, rollback, and push ingestion
 * (PUT/DELETE posts). Made for each request from the open site it acts on.
 */
final class AdminApi {
  private static final int MAX_URLS = 1000;
  /** A push body may exceed the API's 64 KB limit (posts carry their HTML): up to this many bytes. */
  static final int MAX_PUSH_BODY = 32 * 1024 * 1024;

  private final ReindexJobs jobs;
  private final ServingManager serving;
  private final SiteConfig site;
  private final UrlNormalizer urls;
  private final ObjectMapper json;
  private final SemanticModel.Status semantic;
  private final Pushes pushes;
  private final PushValidator pushed;

  AdminApi(ReindexJobs jobs, ServingManager serving, SiteConfig site, ObjectMapper json, SemanticModel.Status semantic) {
    this.jobs = jobs;
    this.semantic = semantic;
    this.serving = serving;
    this.site = site;
    this.urls = new UrlNormalizer(site.stripQueryParams());
    this.json = json;
    this.pushes = new Pushes(jobs, url -> serving.with(s -> s.search().post(url)).isPresent(),
        url -> serving.with(s -> s.postHash(url)));
    this.pushed = new PushValidator(site);
  }

  void reindex(Context ctx) throws Exception {
    CrawlPlan plan = plan(ctx.body());
    try {
      // the job that will carry this request: started, newly queued, or a queued one it merged into
      JobStatus job = jobs.submit(plan, "api", allowShrink(ctx.body()));
      ctx.header("Location", jobsPath(ctx) + job.id());
      ctx.status(202).json(job);
    } catch (ReindexJobs.Stopped stopped) {
      ApiServer.error(ctx, 503, "unavailable", stopped.getMessage());
    }
  }

  /** {@code PUT /api/admin/posts}: stores the pushed posts that changed and queues one job for them. */
  void putPosts(Context ctx) throws Exception {
    JsonNode body;
    try {
      body = json.readTree(pushBody(ctx));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new FieldError("body", "not valid JSON (expected {\"posts\": [...]})");
    }
    Pushes.Outcome outcome = submitted(() -> pushes.put(pushed.posts(body)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("posts", outcome.posts());
    answer(ctx, out, outcome);
  }

  /** {@code DELETE /api/admin/posts?url=}: a deletion that holds until the page changes (see PushStore). */
  void deletePost(Context ctx) throws Exception {
    String url = pushed.siteUrl(ctx.queryParam("url"), "url");
    var outcome = submitted(() -> pushes.delete(url));
    if (outcome.isEmpty()) {
      ApiServer.error(ctx, 404, "not_found", "no post with URL " + RequestParams.abbreviateUrl(url) + " in the index");
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("url", url);
    out.put("status", outcome.get().posts().get(0).status());
    answer(ctx, out, outcome.get());
  }

  /** 202 with the job (and its Location) when one carries the change, else 200. */
  private static void answer(Context ctx, Map<String, Object> out, Pushes.Outcome outcome) {
    if (outcome.job().isPresent()) {
      JobStatus job = outcome.job().get();
      out.put("job", job);
      ctx.header("Location", jobsPath(ctx) + job.id());
      ctx.status(202);
    }
    ctx.json(out);
  }

  private static <T> T submitted(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (ReindexJobs.Stopped stopped) {
      throw new HttpError(503, "unavailable", stopped.getMessage() + " (the change is stored; the next job applies it)");
    }
  }

  /** The request body, read up to {@link #MAX_PUSH_BODY} (past the API's usual 64 KB); 413 beyond. */
  private static byte[] pushBody(Context ctx) throws Exception {
    String tooLarge = "request body is too large (at most " + MAX_PUSH_BODY / (1024 * 1024)
        + " MB: send fewer posts per request)";
    if (ctx.req().getContentLengthLong() > MAX_PUSH_BODY) {
      throw new HttpError(413, "payload_too_large", tooLarge);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        if (out.size() > MAX_PUSH_BODY) {
          throw new HttpError(413, "payload_too_large", tooLarge);
        }
      }
    }
    return out.toByteArray();
  }

  /** Where this site's jobs are: {@code /api/admin/jobs/} or {@code /api/sites/{site}/admin/jobs/}, as the request came. */
  static String jobsPath(Context ctx) {
    String path = ctx.path();
    return path.substring(0, path.indexOf("/admin/") + "/admin/".length()) + "jobs/";
  }

  /** Whether a (validated) reindex body asks to publish even an index that shrinks. */
  private boolean allowShrink(String body) throws Exception {
    return body != null && !body.isBlank() && json.readTree(body).path("allowShrink").asBoolean(false);
  }

  private CrawlPlan plan(String body) throws Exception {
    if (body == null || body.isBlank()) {
      return CrawlPlan.incremental();
    }
    JsonNode n;
    try {
      n = json.readTree(body);
    } catch (Exception e) {
      throw new BadRequestException("body must be JSON like {\"mode\": \"full\"}");
    }
    if (n == null || !n.isObject()) {
      throw new BadRequestException("body must be a JSON object");
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("mode", "urls", "allowShrink").contains(f)) {
        throw new BadRequestException("unknown field " + RequestParams.abbreviate(f) + " (expected mode, urls, allowShrink)");
      }
    }
    JsonNode shrink = n.get("allowShrink");
    if (shrink != null && !shrink.isBoolean()) {
      throw new BadRequestException("allowShrink must be true or false");
    }
    JsonNode list = n.get("urls");
    if (list != null && !list.isNull()) {
      if (!list.isArray() || list.isEmpty() || list.size() > MAX_URLS) {
        throw new BadRequestException("urls must be a list of 1 to " + MAX_URLS + " post URLs");
      }
      List<String> out = new ArrayList<>();
      Set<String> hosts = Set.copyOf(site.allowedHosts());
      for (JsonNode u : list) {
        String url = u.isTextual() ? urls.normalize(u.asText()).orElse(null) : null;
        if (url == null || !hosts.contains(io.blogsearch.config.ConfigLoader.hostEntryOf(java.net.URI.create(url)))) {
          throw new BadRequestException("urls must be http(s) URLs on the site's allowed hosts (got "
              + RequestParams.abbreviate(u.asText()) + ")");
        }
        out.add(url);
      }
      return CrawlPlan.urls(out);
    }
    String mode = n.path("mode").asText("incremental").toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "full" -> CrawlPlan.full();
      case "incremental" -> CrawlPlan.incremental();
      default -> throw new BadRequestException("mode must be full or incremental (got " + RequestParams.abbreviate(mode) + ")");
    };
  }

  void job(Context ctx) {
    jobs.get(ctx.pathParam("id")).ifPresentOrElse(ctx::json,
        () -> ApiServer.error(ctx, 404, "not_found", "no job " + RequestParams.abbreviate(ctx.pathParam("id"))));
  }

  void jobList(Context ctx) {
    ctx.json(Map.of("jobs", jobs.all()));
  }

  void cancel(Context ctx) {
    String id = ctx.pathParam("id");
    if (jobs.cancel(id)) {
      ctx.status(202).json(jobs.get(id).orElseThrow());
    } else if (jobs.get(id).isPresent()) {
      ApiServer.error(ctx, 409, "conflict", "job " + id + " is neither running nor queued");
    } else {
      ApiServer.error(ctx, 404, "not_found", "no job " + RequestParams.abbreviate(id));
    }
  }

  void status(Context ctx) {
    Generations generations = new Generations(site.generationsDir());
    Map<String, Object> out = new LinkedHashMap<>();
    serving.with(s -> {
      out.put("documents", s.search().documentCount());
      out.put("generation", s.generation() == null ? null : s.generation().name());
      out.put("relatedLists", s.related().size());
      return null;
    });
    out.put("semantic", semantic);
    out.put("generations", generations.list(true).stream().map(Generations.Generation::name).toList());
    CrawlReport last = new CrawlStore(site.crawlDir()).loadReport();
    if (last != null) {
      Map<String, Object> crawl = new LinkedHashMap<>();
      crawl.put("startedAt", last.startedAt());
      crawl.put("finishedAt", last.finishedAt());
      crawl.put("complete", last.complete());
      crawl.put("degraded", last.degraded());
      crawl.put("stopReason", last.stopReason());
      crawl.put("fatalError", last.fatalError());
      crawl.put("requests", last.requests());
      crawl.put("articles", last.articles());
      crawl.put("counts", last.counts());
      out.put("lastCrawl", crawl);
    }
    int deletions = jobs.pushes().deletions();
    out.put("pushes", Map.of("posts", jobs.pushes().size() - deletions, "deletions", deletions));
    out.put("runningJob", jobs.runningJob().orElse(null));
    out.put("queue", jobs.queue());
    ctx.json(out);
  }

  void rollback(Context ctx) {
    try {
      var previous = jobs.rollback();
      if (previous.isEmpty()) {
        ApiServer.error(ctx, 409, "conflict", "there is no earlier complete generation to roll back to");
        return;
      }
      ctx.json(Map.of("generation", previous.get().name()));
    } catch (ReindexJobs.Busy busy) {
      ApiServer.error(ctx, 409, "conflict", "cannot roll back while a reindex runs or waits (its publish would undo it): "
          + busy.getMessage());
    } catch (Generations.LayoutMismatch old) {
      ApiServer.error(ctx, 409, "conflict", "cannot roll back to " + old.getMessage());
    } catch (RuntimeException broken) {
      // the previous generation did not open or answer: nothing changed, say why
      ApiServer.error(ctx, 409, "conflict", "cannot roll back: " + broken.getMessage() + "; the current generation keeps serving");
    }
  }
}
