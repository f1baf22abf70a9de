package io.blogsearch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a site config from YAML and validates every field, so a typo fails at start-up with the
 * field's name instead of surfacing as odd crawl behaviour. Unknown keys are errors too.
 */
public final class ConfigLoader {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Loads and validates the config file at {@code path}. */
  public SiteConfig load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + path);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + path + ": " + e.getMessage());
    }
    Path dir = path.toAbsolutePath().getParent();
    return parse(text, Path.of("").toAbsolutePath().relativize(dir));
  }

  /** Parses and validates YAML text; relative file names in it are taken from the working folder. */
  public SiteConfig parse(String text) {
    return parse(text, Path.of(""));
  }

  /** Parses and validates YAML text whose relative file names are relative to {@code baseDir}. */
  public SiteConfig parse(String text, Path baseDir) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException("", "config is empty");
    }
    Node top = new Node("", root);
    top.allowOnly("name", "seeds", "allowedHosts", "include", "exclude", "sitemaps",
        "stripQueryParams", "limits", "politeness", "http", "crawl", "selectors", "service", "related", "semantic", "dataDir");

    String name = top.field("name").string(null);
    if (name == null) {
      throw new ConfigException("name", "is required");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException("name", "must be lowercase letters, digits, '-' or '_' (got \"" + name + "\")");
    }
    List<URI> seeds = top.field("seeds").list(Node::httpUrl);
    if (seeds.isEmpty()) {
      throw new ConfigException("seeds", "needs at least one http(s) URL");
    }
    List<String> allowedHosts = top.field("allowedHosts").list(Node::hostEntry);
    if (allowedHosts.isEmpty()) {
      allowedHosts = seeds.stream().map(ConfigLoader::hostEntryOf).distinct().toList();
    }
    List<Pattern> include = top.field("include").list(Node::regex);
    List<Pattern> exclude = top.field("exclude").list(Node::regex);
    List<URI> sitemaps = top.field("sitemaps").list(Node::httpUrl);
    // Site-specific extras; tracking and WordPress non-content parameters are always dropped by UrlNormalizer.
    Set<String> strip = new LinkedHashSet<>();
    Node stripNode = top.field("stripQueryParams");
    if (stripNode.present()) {
      strip = new LinkedHashSet<>(stripNode.list(n -> n.string(null).toLowerCase(Locale.ROOT)));
    }

    Node l = top.field("limits");
    l.allowOnly("maxPages", "maxDepth", "maxBodyBytes", "maxDuration", "trapBudget", "degradedErrorShare");
    SiteConfig.Limits limits = new SiteConfig.Limits(
        l.field("maxPages").positiveInt(10_000),
        l.field("maxDepth").nonNegativeInt(20),
        l.field("maxBodyBytes").positiveInt(5 * 1024 * 1024),
        l.field("maxDuration").duration(Duration.ofHours(2)),
        l.field("trapBudget").positiveInt(100),
        l.field("degradedErrorShare").fraction(0.2));

    Node p = top.field("politeness");
    p.allowOnly("concurrencyPerHost", "delay", "maxCrawlDelay", "userAgent", "respectRobots", "followNofollowLinks");
    SiteConfig.Politeness politeness = new SiteConfig.Politeness(
        p.field("concurrencyPerHost").positiveInt(2),
        p.field("delay").duration(Duration.ofMillis(500)),
        p.field("maxCrawlDelay").duration(Duration.ofSeconds(30)),
        p.field("userAgent").string("blogsearch-bot/0.1 (+https://github.com/blogsearch/blogsearch)"),
        p.field("respectRobots").bool(true),
        p.field("followNofollowLinks").bool(false));
    if (politeness.concurrencyPerHost() > 64) {
      throw new ConfigException("politeness.concurrencyPerHost", "must be at most 64");
    }
    if (politeness.userAgent().isBlank()) {
      throw new ConfigException("politeness.userAgent", "must not be blank");
    }

    Node h = top.field("http");
    h.allowOnly("connectTimeout", "readTimeout", "fetchTimeout", "maxRetries", "retryBackoff", "maxRedirects",
        "allowPrivateAddresses");
    SiteConfig.Http http = new SiteConfig.Http(
        h.field("connectTimeout").positiveDuration(Duration.ofSeconds(5)),
        h.field("readTimeout").positiveDuration(Duration.ofSeconds(15)),
        h.field("fetchTimeout").positiveDuration(Duration.ofSeconds(60)),
        h.field("maxRetries").nonNegativeInt(2),
        h.field("retryBackoff").duration(Duration.ofMillis(500)),
        h.field("maxRedirects").nonNegativeInt(5),
        h.field("allowPrivateAddresses").bool(false));

    Node c = top.field("crawl");
    c.allowOnly("revalidateAfter");
    SiteConfig.Crawl crawl = new SiteConfig.Crawl(
        c.field("revalidateAfter").duration(SiteConfig.Crawl.defaults().revalidateAfter()));

    Node s = top.field("selectors");
    s.allowOnly("post", "title", "content", "author", "published", "modified", "categories", "tags",
        "comment", "commentAuthor", "commentContent", "commentDate", "relatedLinks", "remove", "postTypes");
    Selectors d = Selectors.wordpressDefaults();
    Selectors selectors = new Selectors(
        s.field("post").selector(d.post()),
        s.field("title").selector(d.title()),
        s.field("content").selector(d.content()),
        s.field("author").selector(d.author()),
        s.field("published").selector(d.published()),
        s.field("modified").selector(d.modified()),
        s.field("categories").selector(d.categories()),
        s.field("tags").selector(d.tags()),
        s.field("comment").selector(d.comment()),
        s.field("commentAuthor").selector(d.commentAuthor()),
        s.field("commentContent").selector(d.commentContent()),
        s.field("commentDate").selector(d.commentDate()),
        s.field("relatedLinks").list(n -> n.selector(null)),
        s.field("remove").list(n -> n.selector(null)),
        s.field("postTypes").list(Node::postType));

    if (s.field("postTypes").present() && s.field("postTypes").node().isEmpty()) {
      throw new ConfigException("selectors.postTypes", "needs at least one post type (the default is [post])");
    }

    Node v = top.field("service");
    v.allowOnly("synonyms", "corsOrigins", "queryTimeout", "adminToken", "publicRequestsPerSecond",
        "adminRequestsPerMinute", "recrawlInterval", "trustedProxies");
    String synonyms = v.field("synonyms").string("synonyms.txt");
    Path synonymsFile = synonyms.isBlank() ? null : baseDir.resolve(synonyms).normalize();
    if (synonymsFile != null && !Files.isRegularFile(synonymsFile)) {
      if (v.field("synonyms").present()) {
        throw new ConfigException("service.synonyms", "file not found: " + synonymsFile);
      }
      synonymsFile = null;
    }
    SiteConfig.Service service = new SiteConfig.Service(synonymsFile,
        v.field("corsOrigins").list(n -> n.string(null)),
        v.field("queryTimeout").positiveDuration(Duration.ofSeconds(2)),
        v.field("adminToken").string(null),
        v.field("publicRequestsPerSecond").nonNegativeInt(500),
        v.field("adminRequestsPerMinute").nonNegativeInt(600),
        v.field("recrawlInterval").present() ? v.field("recrawlInterval").positiveDuration(null) : null,
        v.field("trustedProxies").list(Node::ipRange));

    Node rel = top.field("related");
    rel.allowOnly("threshold", "excludeUrls", "excludeCategories", "olderOnly", "pins", "semanticWeight");
    Map<String, List<String>> pins = new LinkedHashMap<>();
    Node pinNode = rel.field("pins");
    if (pinNode.present()) {
      if (!pinNode.node().isObject()) {
        throw new ConfigException("related.pins", "must map a post URL to a list of post URLs");
      }
      for (Iterator<String> it = pinNode.node().fieldNames(); it.hasNext(); ) {
        String post = it.next();
        pins.put(post, pinNode.field(post).list(n -> n.httpUrl().toString()));
      }
    }
    double threshold = rel.field("threshold").fraction(SiteConfig.Related.defaults().threshold());
    SiteConfig.Related related = new SiteConfig.Related(threshold,
        rel.field("excludeUrls").list(n -> n.httpUrl().toString()),
        rel.field("excludeCategories").list(n -> n.string(null)),
        rel.field("olderOnly").bool(false), pins,
        rel.field("semanticWeight").fraction(SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT));

    Path dataDir = Path.of(top.field("dataDir").string("index-data"));
    return new SiteConfig(name, seeds, allowedHosts, include, exclude, sitemaps, strip, limits,
        politeness, http, crawl, selectors, service, related, semantic(top.field("semantic")), dataDir);
  }

  private static SiteConfig.Semantic semantic(Node sem) {
    sem.allowOnly("enabled", "model", "searchMode", "rrfK");
    SiteConfig.Semantic d = SiteConfig.Semantic.defaults();
    return new SiteConfig.Semantic(sem.field("enabled").bool(d.enabled()),
        sem.field("model").oneOf(SiteConfig.Semantic.MODELS, d.model()),
        sem.field("searchMode").oneOf(SiteConfig.Semantic.SEARCH_MODES, d.searchMode()),
        sem.field("rrfK").positiveInt(d.rrfK()));
  }

  /** {@code host:port} of a URL, the port omitted when it is the scheme's default. */
  public static String hostEntryOf(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1
        || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
        || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
    return defaultPort ? host : host + ":" + port;
  }

  /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d} or a bare number of milliseconds. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofMillis(n);
    };
  }

  /** A YAML node with its dotted path, so every error can name its field. */
  private record Node(String path, JsonNode node) {
    boolean present() {
      return node != null && !node.isMissingNode() && !node.isNull();
    }

    Node field(String key) {
      String p = path.isEmpty() ? key : path + "." + key;
      if (!present()) {
        return new Node(p, MissingNode.getInstance());
      }
      return new Node(p, node.get(key));
    }

    void allowOnly(String... keys) {
      if (!present()) {
        return;
      }
      if (!node.isObject()) {
        throw new ConfigException(path, "must be a mapping of keys to values");
      }
      Set<String> allowed = Set.of(keys);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!allowed.contains(k)) {
          throw new ConfigException(path.isEmpty() ? k : path + "." + k,
              "unknown field (expected one of " + String.join(", ", keys) + ")");
        }
      }
    }

    String string(String fallback) {
      if (!present()) {
        return fallback;
      }
      if (!node.isValueNode() || node.isBoolean()) {
        throw new ConfigException(path, "must be a text value");
      }
      return node.asText();
    }

    String oneOf(List<String> allowed, String fallback) {
      String v = string(fallback);
      if (!allowed.contains(v)) {
        throw new ConfigException(path, "must be one of " + String.join(", ", allowed) + " (got \"" + v + "\")");
      }
      return v;
    }

    <T> List<T> list(Function<Node, T> element) {
      if (!present()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw new ConfigException(path, "must be a list");
      }
      List<T> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(element.apply(new Node(path + "[" + i + "]", node.get(i))));
      }
      return out;
    }

    int positiveInt(int fallback) {
      int v = intValue(fallback);
      if (v <= 0) {
        throw new ConfigException(path, "must be a positive whole number (got " + node.asText() + ")");
      }
      return v;
    }

    int nonNegativeInt(int fallback) {
      int v = intValue(fallback);
      if (v < 0) {
        throw new ConfigException(path, "must not be negative (got " + node.asText() + ")");
      }
      return v;
    }

    private int intValue(int fallback) {
      if (!present()) {
        return fallback;
      }
      if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.asText().matches("-?\\d+"))) {
        throw new ConfigException(path, "must be a whole number (got \"" + node.asText() + "\")");
      }
      return node.isIntegralNumber() ? node.intValue() : Integer.parseInt(node.asText());
    }

    double fraction(double fallback) {
      if (!present()) {
        return fallback;
      }
      if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
        throw new ConfigException(path, "must be a number from 0 to 1 (got \"" + node.asText() + "\")");
      }
      return node.doubleValue();
    }

    boolean bool(boolean fallback) {
      if (!present()) {
        return fallback;
      }
      if (!node.isBoolean()) {
        throw new ConfigException(path, "must be true or false (got \"" + node.asText() + "\")");
      }
      return node.booleanValue();
    }

    Duration duration(Duration fallback) {
      if (!present()) {
        return fallback;
      }
      Duration d = node.isValueNode() ? parseDuration(node.asText()) : null;
      if (d == null) {
        throw new ConfigException(path, "must be a duration such as 500ms, 5s, 2m, 1h or 7d (got \"" + node.asText() + "\")");
      }
      return d;
    }

    Duration positiveDuration(Duration fallback) {
      Duration d = duration(fallback);
      if (d.isZero()) {
        throw new ConfigException(path, "must be greater than zero");
      }
      return d;
    }

    URI httpUrl() {
      String text = string(null);
      try {
        URI uri = new URI(text.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
          throw new ConfigException(path, "must be an absolute http(s) URL (got \"" + text + "\")");
        }
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
      } catch (java.net.URISyntaxException e) {
        throw new ConfigException(path, "is not a valid URL (got \"" + text + "\"): " + e.getReason());
      }
    }

    String hostEntry() {
      String text = string(null).trim().toLowerCase(Locale.ROOT);
      if (!text.matches("[a-z0-9.\\-\\[\\]:]+") || text.startsWith(":") || text.endsWith(":")) {
        throw new ConfigException(path, "must be a host name or host:port (got \"" + text + "\")");
      }
      return text;
    }

    IpRange ipRange() {
      String text = string("");
      try {
        return IpRange.parse(text);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(path, "must be an IP address or CIDR block such as 10.0.0.0/8 or fd00::/8 (got \""
            + text + "\"): " + e.getMessage());
      }
    }

    Pattern regex() {
      String text = string(null);
      try {
        return Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw new ConfigException(path, "is not a valid regular expression: " + e.getDescription());
      }
    }

    /** A WordPress post type name: lowercase letters, digits, '-' or '_' (as WordPress allows). */
    String postType() {
      String text = string(null);
      if (text == null || !text.strip().matches("[a-z0-9_-]{1,20}")) {
        throw new ConfigException(path, "must be a WordPress post type name such as post (lowercase letters, digits,"
            + " '-' or '_', at most 20), got \"" + text + "\"");
      }
      return text.strip();
    }

    String selector(String fallback) {
      String text = string(fallback);
      if (text == null) {
        return null;
      }
      try {
        org.jsoup.select.QueryParser.parse(text);
      } catch (org.jsoup.select.Selector.SelectorParseException e) {
        throw new ConfigException(path, "is not a valid CSS selector: " + e.getMessage());
      }
      return text;
    }
  }
}
