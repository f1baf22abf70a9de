package io.blogsearch.web;

import io.blogsearch.config.ConfigException;
import io.blogsearch.sites.ServiceSites;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteRegistry;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's endpoints (operator token only): every site's status, adding a site from its
 * config, removing one. The service config file is kept in step ({@link ServiceSites}).
 */
final class OperatorApi {
  private final ServiceSites sites;

  OperatorApi(ServiceSites sites) {
    this.sites = sites;
  }

  /** {@code GET /api/admin/sites}: each site, whether it is open, and (if open) its index and jobs. */
  void list(Context ctx) throws Exception {
    SiteRegistry registry = sites.registry();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Site site : registry.all()) {
      out.add(status(site));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sites", out);
    body.put("open", registry.openCount());
    body.put("maxOpen", registry.maxOpen());
    ctx.json(body);
  }

  private static Map<String, Object> status(Site site) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", site.key());
    m.put("open", site.isOpen());
    m.put("search", "/api/sites/" + site.key() + "/search");
    m.put("page", "/sites/" + site.key() + "/");
    site.ifOpen(r -> r.serving().with(s -> {
      m.put("documents", s.search().documentCount());
      m.put("generation", s.generation() == null ? null : s.generation().name());
      return null;
    }));
    site.ifOpen(r -> {
      if (r.jobs() != null) {
        m.put("runningJob", r.jobs().runningJob().orElse(null));
        m.put("queued", r.jobs().queue().length());
      }
      return null;
    });
    return m;
  }

  /** {@code POST /api/admin/sites} with a site config (YAML or JSON): 201 and the first job. */
  void add(Context ctx) throws Exception {
    requireEditable();
    String body = ctx.body();
    if (body == null || body.isBlank()) {
      throw new FieldError("body", "must be a site config (YAML or JSON), as in a site's .yaml file");
    }
    ServiceSites.Added added;
    try {
      added = sites.add(body);
    } catch (ConfigException e) {
      throw new FieldError(e.field().isEmpty() ? "body" : e.field(), e.reason());
    } catch (SiteRegistry.Duplicate | ServiceSites.Refused e) {
      throw new HttpError(409, "conflict", e.getMessage());
    }
    String key = added.site().key();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("site", key);
    out.put("search", "/api/sites/" + key + "/search");
    out.put("page", "/sites/" + key + "/");
    out.put("job", added.firstJob());
    ctx.header("Location", "/api/sites/" + key + "/admin/jobs/" + added.firstJob().id());
    ctx.status(201).json(out);
  }

  /** {@code DELETE /api/admin/sites/{site}}: 200 once in-flight requests finished and it is gone; its data stays. */
  void remove(Context ctx) throws Exception {
    requireEditable();
    String key = ctx.pathParam("site");
    var removed = sites.remove(key);
    if (removed.isEmpty()) {
      throw new HttpError(404, "not_found", "no site " + RequestParams.abbreviate(key));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("site", key);
    out.put("removed", true);
    out.put("dataKept", removed.get().settings().config() == null ? null
        : removed.get().settings().config().siteDir().toString());
    ctx.json(out);
  }

  private void requireEditable() {
    if (!sites.editable()) {
      throw new HttpError(409, "conflict", "this service serves one site config (--config): start it with --service"
          + " service.yaml to add and remove sites");
    }
  }
}
