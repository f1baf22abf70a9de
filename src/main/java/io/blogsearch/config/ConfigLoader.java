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
    YamlNode top = new YamlNode("", root);
    top.allowOnly("name", "seeds", "allowedHosts", "include", "exclude", "sitemaps",
        "stripQueryParams", "limits", "politeness", "http", "crawl", "selectors", "service", "related", "semantic", "dataDir");

    String name = top.field("name").string(null);
    if (name == null) {
      throw new ConfigException("name", "is required");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException("name", "must be lowercase letters, digits, '-' or '_' (got \"" + name + "\")");
    }
    List<URI> seeds = top.field("seeds").list(YamlNode::httpUrl);
    if (seeds.isEmpty()) {
      throw new ConfigException("seeds", "needs at least one http(s) URL");
    }
    List<String> allowedHosts = top.field("allowedHosts").list(YamlNode::hostEntry);
    if (allowedHosts.isEmpty()) {
      allowedHosts = seeds.stream().map(ConfigLoader::hostEntryOf).distinct().toList();
    }
    List<Pattern> include = top.field("include").list(YamlNode::regex);
    List<Pattern> exclude = top.field("exclude").list(YamlNode::regex);
    List<URI> sitemaps = top.field("sitemaps").list(YamlNode::httpUrl);
    // Site-specific extras; tracking and WordPress non-content parameters are always dropped by UrlNormalizer.
    Set<String> strip = new LinkedHashSet<>();
    YamlNode stripNode = top.field("stripQueryParams");
    if (stripNode.present()) {
      strip = new LinkedHashSet<>(stripNode.list(n -> n.string(null).toLowerCase(Locale.ROOT)));
    }

    YamlNode l = top.field("limits");
    l.allowOnly("maxPages", "maxDepth", "maxBodyBytes", "maxDuration", "trapBudget", "degradedErrorShare");
    SiteConfig.Limits limits = new SiteConfig.Limits(
        l.field("maxPages").positiveInt(10_000),
        l.field("maxDepth").nonNegativeInt(20),
        l.field("maxBodyBytes").positiveInt(5 * 1024 * 1024),
        l.field("maxDuration").duration(Duration.ofHours(2)),
        l.field("trapBudget").positiveInt(100),
        l.field("degradedErrorShare").fraction(0.2));

    YamlNode p = top.field("politeness");
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

    YamlNode h = top.field("http");
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

    YamlNode c = top.field("crawl");
    c.allowOnly("revalidateAfter");
    SiteConfig.Crawl crawl = new SiteConfig.Crawl(
        c.field("revalidateAfter").duration(SiteConfig.Crawl.defaults().revalidateAfter()));

    YamlNode s = top.field("selectors");
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
        s.field("postTypes").list(YamlNode::postType));

    if (s.field("postTypes").present() && s.field("postTypes").node().isEmpty()) {
      throw new ConfigException("selectors.postTypes", "needs at least one post type (the default is [post])");
    }

    YamlNode v = top.field("service");
    v.allowOnly("synonyms", "corsOrigins", "queryTimeout", "adminToken", "publicRequestsPerSecond",
        "adminRequestsPerMinute", "recrawlInterval", "trustedProxies", "ingestToken");
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
        v.field("trustedProxies").list(YamlNode::ipRange),
        v.field("ingestToken").string(null));

    YamlNode rel = top.field("related");
    rel.allowOnly("threshold", "excludeUrls", "excludeCategories", "olderOnly", "pins", "semanticWeight");
    Map<String, List<String>> pins = new LinkedHashMap<>();
    YamlNode pinNode = rel.field("pins");
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

  private static SiteConfig.Semantic semantic(YamlNode sem) {
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

}
