package io.blogsearch.cli;

import io.blogsearch.admin.GenerationWatcher;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.extract.UrlNormalizer;
import io.blogsearch.web.ApiMetrics;
import io.blogsearch.web.ApiServer;
import io.blogsearch.web.ApiSettings;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A started search service — API, reindex jobs, serving index — with one orderly shutdown
 * (also on SIGTERM): stop the schedule and let a running job cancel safely, stop the HTTP server
 * (in-flight requests finish), then close the index.
 */
final class RunningService implements AutoCloseable {
  static final String TOKEN_ENV = "BLOGSEARCH_ADMIN_TOKEN";

  final ApiServer api;
  final ReindexJobs jobs;
  final ServingManager serving;
  final String adminToken;
  private boolean closed;
  private final GenerationWatcher watcher;

  private RunningService(ApiServer api, ReindexJobs jobs, ServingManager serving, String adminToken) {
    this.watcher = new GenerationWatcher(serving);
    this.api = api;
    this.jobs = jobs;
    this.serving = serving;
    this.adminToken = adminToken;
  }

  /**
   * @param generateToken make up a random admin token when neither the env var nor the config has one (demo)
   */
  static RunningService start(SiteConfig site, String host, int port, boolean generateToken) {
    return start(site, host, port, generateToken, null, SiteServices.semanticModel(site));
  }

  /**
   * @param demoWidgetPage a sample-blog post page that embeds the widget (demo only), or null
   * @param semantic the process's embedding model (loaded once: the demo's first build used it too)
   */
  static RunningService start(SiteConfig site, String host, int port, boolean generateToken, String demoWidgetPage,
      SemanticModel semantic) {
    ServingManager serving = SiteServices.openServing(site, semantic);
    ApiMetrics metrics = new ApiMetrics(serving);
    ReindexJobs jobs = new ReindexJobs(site, SiteServices.searchOptions(site).stemmer(), semantic, serving,
        metrics::jobFinished);
    Duration interval = site.service().recrawlInterval();
    if (interval != null) {
      jobs.schedule(interval);
    }
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      token = site.service().adminToken();
    }
    if ((token == null || token.isBlank()) && generateToken) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    ApiSettings settings = new ApiSettings(site.service().corsOrigins(), site.service().publicPerSecond(),
        site.service().adminPerMinute(), token, demoWidgetPage, site.service().trustedProxies());
    ApiServer api = new ApiServer(serving, new UrlNormalizer(site.stripQueryParams()), settings, metrics,
        new ApiServer.Admin(jobs, site), semantic.status()).start(host, port);
    RunningService service = new RunningService(api, jobs, serving, token);
    // Pick up a CURRENT pointer moved outside this server; writers that take the lock cannot.
    service.watcher.start(Duration.ofSeconds(5));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
    return service;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watcher.close();
    jobs.close();
    api.close();
    try {
      serving.close();
    } catch (IOException e) {
      // closing at shutdown: nothing left to protect
    }
  }
}
