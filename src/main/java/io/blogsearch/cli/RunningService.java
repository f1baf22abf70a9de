package io.blogsearch.cli;

import io.blogsearch.admin.CrawlBudget;
import io.blogsearch.admin.GenerationWatcher;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.config.ServiceConfig;
import io.blogsearch.config.ServiceConfigFile;
import io.blogsearch.config.ServiceConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.sites.ServiceSites;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteCredentials;
import io.blogsearch.sites.SiteRegistry;
import io.blogsearch.web.ApiMetrics;
import io.blogsearch.web.ApiServer;
import io.blogsearch.web.ProcessSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A started search service — API, sites with their reindex jobs and serving indexes — with one
 * orderly shutdown (also on SIGTERM): stop the schedules and let running jobs cancel safely, stop
 * the HTTP server (in-flight requests finish), then close the indexes.
 */
final class RunningService implements AutoCloseable {
  static final String TOKEN_ENV = "BLOGSEARCH_ADMIN_TOKEN";
  private static final Duration WATCH_EVERY = Duration.ofSeconds(5);

  final ApiServer api;
  final SiteRegistry registry;
  /** The single site's admin token (single-site serve and demo), or null. */
  final String adminToken;
  private boolean closed;

  private RunningService(ApiServer api, SiteRegistry registry, String adminToken) {
    this.api = api;
    this.registry = registry;
    this.adminToken = adminToken;
  }

  /**
   * @param generateToken make up a random admin token when neither the env var nor the config has one (demo)
   */
  static RunningService start(SiteConfig site, String host, int port, boolean generateToken) {
    return start(site, host, port, generateToken, null, SiteServices.semanticModel(site));
  }

  /**
   * One site, opened now (the caller holds its writer lock); its index must exist.
   *
   * @param demoWidgetPage a sample-blog post page that embeds the widget (demo only), or null
   * @param semantic the process's embedding model (loaded once: the demo's first build used it too)
   */
  static RunningService start(SiteConfig site, String host, int port, boolean generateToken, String demoWidgetPage,
      SemanticModel semantic) {
    ServingManager serving = SiteServices.openServing(site, semantic);
    ApiMetrics metrics = new ApiMetrics();
    ReindexJobs jobs = new ReindexJobs(site, SiteServices.searchOptions(site).stemmer(), semantic, serving,
        metrics.jobsOf(site.name()));
    SiteCredentials fromConfig = SiteCredentials.of(site, System::getenv);
    String token = System.getenv(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      token = fromConfig.adminToken();
    }
    if ((token == null || token.isBlank()) && generateToken) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    Site only = Site.open(Site.Settings.of(site, new SiteCredentials(token, fromConfig.ingestToken())),
        new Site.Runtime(serving, jobs, new GenerationWatcher(serving)));
    SiteRegistry registry = SiteRegistry.of(only);
    if (site.service().recrawlInterval() != null) {
      registry.schedule(only, site.service().recrawlInterval());
    }
    ServiceSites sites = new ServiceSites(registry, null, c -> {
      throw new IllegalStateException("a single-site service cannot add sites");
    }, site.dataDir(), null);
    ProcessSettings settings = new ProcessSettings(site.service().publicPerSecond(), site.service().adminPerMinute(),
        null, demoWidgetPage, site.service().trustedProxies());
    return started(registry, new ApiServer(sites, settings, metrics, semantic.status()), host, port, token);
  }

  /** Every site of a service config; each opens when first asked for. */
  static RunningService start(ServiceConfigLoader.Loaded loaded) {
    ServiceConfig service = loaded.service();
    SemanticModel semantic = loaded.sites().stream().map(ServiceConfigLoader.SiteFile::site)
        .filter(s -> s.semantic().enabled()).findFirst()
        .map(s -> SemanticModel.load(s.semantic(), service.dataDir().resolve("native")))
        .orElse(SemanticModel.off(null, "no site enables semantic search"));
    ApiMetrics metrics = new ApiMetrics();
    SiteRegistry registry = new SiteRegistry(service.bounds().maxOpenSites());
    ServiceSites sites = new ServiceSites(registry, new ServiceConfigFile(service),
        new ServiceSiteFactory(semantic, new CrawlBudget(service.bounds().crawlConcurrency()), metrics, System::getenv),
        service.dataDir(), service.baseDir());
    try {
      for (ServiceConfigLoader.SiteFile f : loaded.sites()) {
        try {
          sites.register(f.site(), f.file());
        } catch (ServiceSites.Refused refused) {
          throw new CommandRefused(refused.getMessage());
        }
      }
      ProcessSettings settings = new ProcessSettings(service.rates().publicPerSecond(), service.rates().adminPerMinute(),
          service.operatorToken(), null, service.trustedProxies());
      return started(registry, new ApiServer(sites, settings, metrics, semantic.status()), service.listen().host(),
          service.listen().port(), null);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  private static RunningService started(SiteRegistry registry, ApiServer api, String host, int port, String token) {
    try {
      api.start(host, port);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    RunningService service = new RunningService(api, registry, token);
    // Pick up a CURRENT pointer moved outside this server; writers that take the lock cannot.
    registry.watchGenerations(WATCH_EVERY);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
    return service;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // stop the schedules and cancel running jobs safely, stop the HTTP server (in-flight
    // requests finish), then close the indexes
    registry.stopJobs();
    api.close();
    registry.close();
  }
}
