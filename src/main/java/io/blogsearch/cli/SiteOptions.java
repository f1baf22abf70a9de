package io.blogsearch.cli;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} and {@code --data-dir} options every site command shares (a picocli mixin). */
final class SiteOptions {
  @Option(names = "--config", description = "Site config YAML (default: ${DEFAULT-VALUE}).", defaultValue = "crawler-config/demo.yaml")
  Path config;

  @Option(names = "--data-dir", description = "Override the config's dataDir.")
  Path dataDir;

  /** The validated site config, with the data folder override applied. */
  SiteConfig load() {
    SiteConfig site = new ConfigLoader().load(config);
    return dataDir == null ? site : site.withDataDir(dataDir);
  }
}
