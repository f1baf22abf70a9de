package io.blogsearch.cli;

import io.blogsearch.admin.WriterLock;
import io.blogsearch.config.SiteConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: serves the search API over an existing index. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the search API for a site's index.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}).", defaultValue = "7070")
  int port;

  @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
  String host;

  @Override
  public Integer call() throws Exception {
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
