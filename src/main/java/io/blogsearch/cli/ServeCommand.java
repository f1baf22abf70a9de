package io.blogsearch.cli;

import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.ServiceConfig;
import io.blogsearch.config.ServiceConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.sites.Site;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: serves the search API over an existing index. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the search API for a site's index, or for every site of a service config (--service).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--service", description = "Service config YAML naming many sites (instead of --config);"
      + " its port and host apply unless --port/--host are given.")
  Path service;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
  int port;

  @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
  String host;

  @Override
  public Integer call() throws Exception {
    if (service != null) {
      return serveService();
    }
    SiteConfig site = siteOptions.load();
    try (WriterLock lock = SiteServices.startWriting(site, "serve", "stop it before serving this data dir again");
        RunningService service = RunningService.start(site, host, port, false)) {
      printUrls("http://" + host + ":" + service.api.port(), SiteServices.examplePost(site));
      System.out.println(service.adminToken == null
          ? "  Admin API        disabled (set " + RunningService.TOKEN_ENV + " or service.adminToken)"
          : "  Admin API        http://" + host + ":" + service.api.port() + "/api/admin/status (token from "
              + (System.getenv(RunningService.TOKEN_ENV) != null ? RunningService.TOKEN_ENV : "the config") + ")");
      System.out.println("Press Ctrl-C to stop.");
      new CountDownLatch(1).await();
    }
    return 0;
  }

  private int serveService() throws Exception {
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--config")) {
      throw new CommandRefused("give --config (one site) or --service (many sites), not both");
    }
    ServiceConfigLoader.Loaded loaded = new ServiceConfigLoader(System::getenv).load(service, siteOptions.dataDir);
    if (parsed.hasMatchedOption("--port") || parsed.hasMatchedOption("--host")) {
      var listen = loaded.service().listen();
      loaded = new ServiceConfigLoader.Loaded(loaded.service().withListen(new ServiceConfig.Listen(
          parsed.hasMatchedOption("--host") ? host : listen.host(), parsed.hasMatchedOption("--port") ? port : listen.port())),
          loaded.sites());
    }
    try (RunningService running = RunningService.start(loaded)) {
      String base = "http://" + loaded.service().listen().host() + ":" + running.api.port();
      System.out.println("Serving " + running.registry.size() + " sites (at most " + running.registry.maxOpen()
          + " open at once) from " + loaded.service().dataDir());
      for (Site site : running.registry.all()) {
        System.out.println("  " + site.key() + ": search page " + base + "/sites/" + site.key() + "/  API " + base
            + "/api/sites/" + site.key() + "/search?q=feedback");
      }
      System.out.println("  Operator API     " + base + "/api/admin/sites"
          + (loaded.service().operatorToken() == null ? "  (disabled: set " + ServiceConfigLoader.OPERATOR_TOKEN_ENV
              + " or operatorToken)" : ""));
      System.out.println("  Health, ready    " + base + "/health  " + base + "/ready");
      System.out.println("Press Ctrl-C to stop.");
      new CountDownLatch(1).await();
    }
    return 0;
  }

  static void printUrls(String base, String examplePost) {
    System.out.println("  Search API       " + base + "/api/search?q=feedback");
    System.out.println("  Autocomplete     " + base + "/api/suggest?q=deleg");
    System.out.println("  Related posts    " + base + "/api/related?url="
        + (examplePost == null ? "<post URL>" : java.net.URLEncoder.encode(examplePost, java.nio.charset.StandardCharsets.UTF_8)));
    System.out.println("  Widget script    " + base + "/widget.js");
    System.out.println("  Health, ready    " + base + "/health  " + base + "/ready");
    System.out.println("  Metrics          " + base + "/metrics");
  }
}
