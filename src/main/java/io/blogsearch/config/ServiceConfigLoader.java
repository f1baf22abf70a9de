package io.blogsearch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads a service config ({@code serve --service service.yaml}) and every site config it names,
 * validating all of them before anything starts: an error names the field, and for a site file
 * also which entry of {@code sites} it is ({@code sites[1] (sites/people.yaml) seeds}).
 */
public final class ServiceConfigLoader {
  /** Env var that wins over {@code operatorToken}. */
  public static final String OPERATOR_TOKEN_ENV = "BLOGSEARCH_OPERATOR_TOKEN";

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final UnaryOperator<String> env;

  /** @param env environment lookup ({@code System::getenv}) */
  public ServiceConfigLoader(UnaryOperator<String> env) {
    this.env = env;
  }

  /** A site config and the file it came from. */
  public record SiteFile(Path file, SiteConfig site) {}

  /** The service config and its sites, in the order they are listed (a {@code sitesDir} by file name). */
  public record Loaded(ServiceConfig service, List<SiteFile> sites) {
    public Loaded {
      sites = List.copyOf(sites);
    }
  }

  /**
   * @param dataDirOverride the {@code --data-dir} option, or null to use the config's
   */
  public Loaded load(Path file, Path dataDirOverride) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "service config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read service config file " + file + ": " + e.getMessage());
    }
    ServiceConfig service = parse(file, text, dataDirOverride);
    return new Loaded(service, loadSites(service));
  }

  ServiceConfig parse(Path file, String text, Path dataDirOverride) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException("", "service config is empty");
    }
    YamlNode top = new YamlNode("", root);
    top.allowOnly("host", "port", "operatorToken", "sites", "sitesDir", "publicRequestsPerSecond",
        "adminRequestsPerMinute", "trustedProxies", "crawlConcurrency", "maxOpenSites", "dataDir");
    int port = top.field("port").nonNegativeInt(7070);
    if (port > 65535) {
      throw new ConfigException("port", "must be at most 65535 (got " + port + ")");
    }
    String host = top.field("host").string("127.0.0.1");
    if (host.isBlank()) {
      throw new ConfigException("host", "must not be blank");
    }
    String token = env.apply(OPERATOR_TOKEN_ENV);
    if (token == null || token.isBlank()) {
      token = top.field("operatorToken").string(null);
    }
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.length() < 16) {
      throw new ConfigException("operatorToken", "must be at least 16 characters (it guards every site)");
    }
    ServiceConfig.Rates rates = new ServiceConfig.Rates(top.field("publicRequestsPerSecond").nonNegativeInt(500),
        top.field("adminRequestsPerMinute").nonNegativeInt(600));
    ServiceConfig.Bounds bounds = new ServiceConfig.Bounds(top.field("crawlConcurrency").positiveInt(2),
        top.field("maxOpenSites").positiveInt(32));
    Path dataDir = dataDirOverride != null ? dataDirOverride : Path.of(top.field("dataDir").string("index-data"));
    YamlNode list = top.field("sites");
    YamlNode dir = top.field("sitesDir");
    if (list.present() == dir.present()) {
      throw new ConfigException(list.present() ? "sitesDir" : "sites",
          list.present() ? "give either sites or sitesDir, not both" : "is required: a list of site config files, or sitesDir");
    }
    ServiceConfig.SiteFiles sites;
    if (list.present()) {
      sites = new ServiceConfig.SiteFiles(list.list(n -> {
        String s = n.string(null);
        if (s == null || s.isBlank()) {
          throw new ConfigException(n.path(), "must be a site config file name");
        }
        return s;
      }), null);
    } else {
      sites = new ServiceConfig.SiteFiles(null, Path.of(dir.string(null)));
    }
    return new ServiceConfig(file, new ServiceConfig.Listen(host, port), token, rates,
        top.field("trustedProxies").list(YamlNode::ipRange), bounds, dataDir, sites);
  }

  private List<SiteFile> loadSites(ServiceConfig service) {
    List<String> labels = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    if (service.sites().files() != null) {
      List<String> entries = service.sites().files();
      for (int i = 0; i < entries.size(); i++) {
        labels.add("sites[" + i + "]");
        files.add(service.baseDir().resolve(entries.get(i)).normalize());
      }
    } else {
      Path dir = service.baseDir().resolve(service.sites().dir()).normalize();
      if (!Files.isDirectory(dir)) {
        throw new ConfigException("sitesDir", "folder not found: " + dir);
      }
      try (Stream<Path> listing = Files.list(dir)) {
        listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(p -> {
          labels.add("sitesDir");
          files.add(p);
        });
      } catch (IOException e) {
        throw new ConfigException("sitesDir", "cannot list " + dir + ": " + e.getMessage());
      }
    }
    List<SiteFile> out = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      String label = labels.get(i) + " (" + service.baseDir().relativize(f.toAbsolutePath()) + ")";
      SiteConfig site;
      try {
        site = new ConfigLoader().load(f).withDataDir(service.dataDir());
      } catch (ConfigException e) {
        throw new ConfigException(e.field().isEmpty() ? label : label + " " + e.field(), e.reason());
      }
      Path other = names.putIfAbsent(site.name(), f);
      if (other != null) {
        throw new ConfigException(label + " name", "site " + site.name() + " is already defined in " + other);
      }
      out.add(new SiteFile(f, site));
    }
    return out;
  }
}
