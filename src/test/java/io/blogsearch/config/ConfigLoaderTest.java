package io.blogsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  private ConfigException error(String yaml) {
    return assertThrows(ConfigException.class, () -> loader.parse(yaml));
  }

  @Test
  void loadsTheBundledDemoConfig() {
    SiteConfig c = loader.load(Path.of("crawler-config/demo.yaml"));
    assertEquals("demo", c.name());
    assertEquals(List.of(URI.create("http://127.0.0.1:7071/")), c.seeds());
    assertEquals(List.of("127.0.0.1:7071"), c.allowedHosts());
    assertEquals(4, c.politeness().concurrencyPerHost());
    assertEquals(Duration.ZERO, c.politeness().delay());
    assertEquals(2000, c.limits().maxPages());
    assertEquals(Path.of("index-data/demo/crawl"), c.crawlDir());
  }

  @Test
  void loadsTheExampleConfig() {
    SiteConfig c = loader.load(Path.of("crawler-config/example-wordpress.yaml"));
    assertEquals(List.of("blog.example.com"), c.allowedHosts());
    assertEquals(Duration.ofSeconds(1), c.politeness().delay());
  }

  @Test
  void appliesDefaultsToAMinimalConfig() {
    SiteConfig c = loader.parse("name: blog\nseeds: [\"https://Blog.Example.com\"]\n");
    assertEquals(List.of("blog.example.com"), c.allowedHosts());
    assertEquals(URI.create("https://Blog.Example.com/"), c.seeds().get(0));
    assertEquals(Duration.ofMillis(500), c.politeness().delay());
    assertEquals(2, c.politeness().concurrencyPerHost());
    assertEquals(Duration.ofSeconds(60), c.http().fetchTimeout());
    assertEquals(Selectors.wordpressDefaults(), c.selectors());
    assertEquals(Set.of(), c.stripQueryParams(), "extras only: tracking parameters are UrlNormalizer's built-ins");
  }

  @Test
  void readsCrawlRevalidateAfterInDaysWithASevenDayDefault() {
    assertEquals(Duration.ofDays(7), loader.parse("name: b\nseeds: [http://x/]\n").crawl().revalidateAfter());
    assertEquals(Duration.ofDays(3), loader.parse("name: b\nseeds: [http://x/]\ncrawl: {revalidateAfter: 3d}\n")
        .crawl().revalidateAfter());
    assertEquals(Duration.ZERO, loader.parse("name: b\nseeds: [http://x/]\ncrawl: {revalidateAfter: 0s}\n")
        .crawl().revalidateAfter());
  }

  @Test
  void namesABadCrawlRevalidateAfter() {
    ConfigException e = error("name: b\nseeds: [http://x/]\ncrawl: {revalidateAfter: weekly}\n");
    assertEquals("crawl.revalidateAfter", e.field());
    assertEquals("crawl.revalidateAfter", error("name: b\nseeds: [http://x/]\ncrawl: {revalidateAfter: -1d}\n").field());
    assertEquals("crawl.revalidate", error("name: b\nseeds: [http://x/]\ncrawl: {revalidate: 1d}\n").field());
  }

  @Test
  void keepsThePortOfANonDefaultSeedInAllowedHosts() {
    SiteConfig c = loader.parse("name: b\nseeds: [\"http://localhost:8080/blog/\", \"https://localhost:443/\"]\n");
    assertEquals(List.of("localhost:8080", "localhost"), c.allowedHosts());
  }

  @Test
  void namesAnUnknownField() {
    ConfigException e = error("name: b\nseeds: [http://x/]\npoliteness:\n  delays: 5s\n");
    assertEquals("politeness.delays", e.field());
  }

  @Test
  void namesAFieldOfTheWrongType() {
    assertEquals("limits.maxPages", error("name: b\nseeds: [http://x/]\nlimits: {maxPages: lots}\n").field());
    assertEquals("limits.maxPages", error("name: b\nseeds: [http://x/]\nlimits: {maxPages: 0}\n").field());
    assertEquals("politeness.delay", error("name: b\nseeds: [http://x/]\npoliteness: {delay: soon}\n").field());
    assertEquals("politeness.respectRobots", error("name: b\nseeds: [http://x/]\npoliteness: {respectRobots: maybe}\n").field());
    assertEquals("seeds", error("name: b\nseeds: http://x/\n").field());
  }

  @Test
  void namesMissingOrInvalidRequiredFields() {
    assertEquals("name", error("seeds: [http://x/]\n").field());
    assertEquals("name", error("name: My Blog\nseeds: [http://x/]\n").field());
    assertEquals("seeds", error("name: b\n").field());
    assertEquals("seeds[1]", error("name: b\nseeds: [http://x/, ftp://y/]\n").field());
  }

  @Test
  void namesAnInvalidPatternOrSelector() {
    assertEquals("exclude[0]", error("name: b\nseeds: [http://x/]\nexclude: [\"([a-z\"]\n").field());
    assertEquals("selectors.title", error("name: b\nseeds: [http://x/]\nselectors: {title: \"h1[\"}\n").field());
  }

  @Test
  void reportsUnparsableYamlAndMissingFiles() {
    ConfigException yaml = error("name: [unclosed\n");
    assertEquals("", yaml.field());
    ConfigException missing = assertThrows(ConfigException.class, () -> loader.load(Path.of("no/such.yaml")));
    assertEquals("config file not found: no/such.yaml", missing.getMessage());
  }

  @Test
  void readsAndChecksTheRelatedSemanticWeight() {
    assertEquals(SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT,
        loader.parse("name: b\nseeds: [http://x/]\n").related().semanticWeight());
    assertEquals(0.25, loader.parse("name: b\nseeds: [http://x/]\nrelated: {semanticWeight: 0.25}\n").related().semanticWeight());
    assertEquals("related.semanticWeight", error("name: b\nseeds: [http://x/]\nrelated: {semanticWeight: 1.5}\n").field());
    assertEquals("related.semanticWeight", error("name: b\nseeds: [http://x/]\nrelated: {semanticWeight: lots}\n").field());
  }

  @Test
  void parsesDurationsInEveryUnit() {
    assertEquals(Duration.ofMillis(250), YamlNode.parseDuration("250ms"));
    assertEquals(Duration.ofMillis(250), YamlNode.parseDuration("250"));
    assertEquals(Duration.ofSeconds(5), YamlNode.parseDuration("5s"));
    assertEquals(Duration.ofMinutes(2), YamlNode.parseDuration("2m"));
    assertEquals(Duration.ofHours(1), YamlNode.parseDuration("1h"));
    assertEquals(null, YamlNode.parseDuration("5 days"));
  }
}
