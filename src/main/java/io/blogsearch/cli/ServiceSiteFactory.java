package io.blogsearch.cli;

import io.blogsearch.admin.CrawlBudget;
import io.blogsearch.admin.GenerationWatcher;
import io.blogsearch.admin.ReindexJobs;
import io.blogsearch.admin.ServingManager;
import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.index.Generations;
import io.blogsearch.sites.ServiceSites;
import io.blogsearch.sites.Site;
import io.blogsearch.sites.SiteCredentials;
import io.blogsearch.web.ApiMetrics;
import java.util.function.UnaryOperator;

/**
 * Builds the sites of a multi-site service: each takes its writer lock when it is registered and
 * opens its index only when first asked for (a site without an index yet serves an empty one
 * until its first job publishes). All sites share the process's embedding model and crawl budget.
 */
final class ServiceSiteFactory implements ServiceSites.Factory {
  private final SemanticModel semantic;
  private final CrawlBudget crawlBudget;
  private final ApiMetrics metrics;
  private final UnaryOperator<String> env;

  ServiceSiteFactory(SemanticModel semantic, CrawlBudget crawlBudget, ApiMetrics metrics, UnaryOperator<String> env) {
    this.semantic = semantic;
    this.crawlBudget = crawlBudget;
    this.metrics = metrics;
    this.env = env;
  }

  @Override
  public Site create(SiteConfig config) {
    WriterLock lock;
    try {
      lock = SiteServices.startWriting(config, "serve", "stop it before serving this data dir again");
    } catch (CommandRefused refused) {
      throw new ServiceSites.Refused("site " + config.name() + ": " + refused.getMessage());
    }
    SemanticModel model = config.semantic().enabled() ? semantic
        : SemanticModel.off(config.semantic().model(), "semantic.enabled is false for site " + config.name());
    Site.Opener opener = () -> {
      ServingManager serving = ServingManager.openOrEmpty(new Generations(config.generationsDir()),
          SiteServices.searchOptions(config), SiteServices.semanticSettings(config, model.embedder().orElse(null)));
      ReindexJobs jobs = new ReindexJobs(config, SiteServices.searchOptions(config).stemmer(), model, serving,
          metrics.jobsOf(config.name()), crawlBudget);
      return new Site.Runtime(serving, jobs, new GenerationWatcher(serving));
    };
    return new Site(Site.Settings.of(config, SiteCredentials.of(config, env)), opener, true, lock);
  }
}
