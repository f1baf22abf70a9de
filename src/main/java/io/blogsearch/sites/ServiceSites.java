package io.blogsearch.sites;

import io.blogsearch.admin.JobStatus;
import io.blogsearch.config.ConfigException;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.ServiceConfigFile;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sites coming and going while the service runs (the operator API): a new site's config is
 * validated, its data folder created, its config written and listed in the service config, and
 * its first crawl queued; a removed site stops being listed, then leaves the registry once its
 * in-flight requests finish. Its data stays on disk (adding it again picks it up).
 */
public final class ServiceSites {
  /** Builds a site (not yet open) from its config. */
  @FunctionalInterface
  public interface Factory {
    Site create(SiteConfig config);
  }

  /** The site cannot be served as asked (another process writes its data folder); nothing changed. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** A site just added, and its first job. */
  public record Added(Site site, Path configFile, JobStatus firstJob) {}

  private final SiteRegistry registry;
  private final ServiceConfigFile file;
  private final Factory factory;
  private final Path dataDir;
  private final Path baseDir;
  private final Map<String, Path> files = new HashMap<>();

  /**
   * @param file the service config to keep in step, or null when sites cannot be added (single-site serve)
   * @param dataDir the data root new sites keep their data under
   * @param baseDir relative file names in a new site's config are taken from here
   */
  public ServiceSites(SiteRegistry registry, ServiceConfigFile file, Factory factory, Path dataDir, Path baseDir) {
    this.registry = registry;
    this.file = file;
    this.factory = factory;
    this.dataDir = dataDir;
    this.baseDir = baseDir;
  }

  public SiteRegistry registry() {
    return registry;
  }

  /** Whether sites can be added and removed (the service has a config file to keep in step). */
  public boolean editable() {
    return file != null;
  }

  /**
   * Serves a site loaded at start-up from {@code configFile}.
   *
   * @throws Refused when another process writes the site's data folder
   */
  public synchronized Site register(SiteConfig config, Path configFile) {
    return serve(factory.create(config), config, configFile);
  }

  private Site serve(Site site, SiteConfig config, Path configFile) {
    registry.add(site);
    files.put(site.key(), configFile);
    if (config.service().recrawlInterval() != null) {
      registry.schedule(site, config.service().recrawlInterval());
    }
    return site;
  }

  /**
   * Adds a site from its config text (YAML or JSON) and queues its first (full) crawl.
   *
   * @throws ConfigException naming the field when the config is invalid
   * @throws SiteRegistry.Duplicate when a site of that name exists
   * @throws Refused when another process writes the site's data folder
   */
  public synchronized Added add(String configText) throws Exception {
    if (file == null) {
      throw new IllegalStateException("this service was started without a service config; sites cannot be added");
    }
    SiteConfig parsed = new ConfigLoader().parse(configText, baseDir);
    if (!parsed.dataDir().equals(Path.of("index-data"))) {
      throw new ConfigException("dataDir", "is set by the service (its data root), not per site");
    }
    SiteConfig config = parsed.withDataDir(dataDir);
    if (registry.find(config.name()).isPresent()) {
      throw new SiteRegistry.Duplicate(config.name());
    }
    try {
      Files.createDirectories(config.siteDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + config.siteDir() + ": " + e.getMessage(), e);
    }
    Site site = factory.create(config); // takes the site's writer lock first: a refusal changes nothing
    Path written;
    try {
      written = file.add(config.name(), configText);
    } catch (RuntimeException e) {
      site.close();
      throw e;
    }
    serve(site, config, written);
    JobStatus job = registry.use(site, r -> r.jobs().submit(CrawlPlan.full(), "site-added"));
    return new Added(site, written, job);
  }

  /**
   * Stops serving a site: unlisted from the service config first, then out of the registry once
   * its in-flight requests finish.
   */
  public Optional<Site> remove(String key) throws InterruptedException {
    Path configFile;
    synchronized (this) {
      if (file == null) {
        throw new IllegalStateException("this service was started without a service config; sites cannot be removed");
      }
      if (registry.find(key).isEmpty()) {
        return Optional.empty();
      }
      configFile = files.remove(key);
      if (configFile != null) {
        file.remove(configFile);
      }
    }
    return registry.remove(key);
  }
}
