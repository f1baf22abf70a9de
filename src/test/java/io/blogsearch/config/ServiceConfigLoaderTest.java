package io.blogsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service config: process-level keys, the sites it names, and errors that name the field. */
class ServiceConfigLoaderTest {
  @TempDir
  Path dir;

  ServiceConfigLoader loader(Map<String, String> env) {
    return new ServiceConfigLoader(env::get);
  }

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  void site(String file, String name) throws Exception {
    write(file, "name: " + name + "\nseeds: [https://" + name + ".example/]\n");
  }

  ConfigException error(String serviceYaml) throws Exception {
    Path f = write("service.yaml", serviceYaml);
    return assertThrows(ConfigException.class, () -> loader(Map.of()).load(f, null));
  }

  @Test
  void readsProcessSettingsAndListedSitesInOrder() throws Exception {
    site("sites/b.yaml", "people-blog");
    site("sites/a.yaml", "engineering");
    Path f = write("service.yaml", """
        port: 8080
        host: 0.0.0.0
        operatorToken: operator-token-0123456789
        publicRequestsPerSecond: 50
        adminRequestsPerMinute: 30
        trustedProxies: [10.0.0.0/8]
        crawlConcurrency: 3
        maxOpenSites: 5
        dataDir: /srv/blogsearch
        sites: [sites/b.yaml, sites/a.yaml]
        """);
    ServiceConfigLoader.Loaded loaded = loader(Map.of()).load(f, null);
    ServiceConfig s = loaded.service();
    assertEquals(new ServiceConfig.Listen("0.0.0.0", 8080), s.listen());
    assertEquals("operator-token-0123456789", s.operatorToken());
    assertEquals(new ServiceConfig.Rates(50, 30), s.rates());
    assertEquals(new ServiceConfig.Bounds(3, 5), s.bounds());
    assertEquals(List.of(IpRange.parse("10.0.0.0/8")), s.trustedProxies());
    assertEquals(List.of("people-blog", "engineering"), loaded.sites().stream().map(x -> x.site().name()).toList());
    assertEquals(Path.of("/srv/blogsearch"), loaded.sites().get(0).site().dataDir(), "the service's data root wins");
    assertEquals(dir.resolve("sites/b.yaml"), loaded.sites().get(0).file());
  }

  @Test
  void theBundledExampleLoads() {
    ServiceConfigLoader.Loaded loaded = loader(Map.of()).load(Path.of("crawler-config/service.example.yaml"), null);
    assertEquals(List.of("demo"), loaded.sites().stream().map(x -> x.site().name()).toList());
    assertEquals(null, loaded.service().operatorToken());
  }

  @Test
  void dataDirOptionAndEnvTokenWin() throws Exception {
    site("sites/a.yaml", "a");
    Path f = write("service.yaml", "operatorToken: operator-token-0123456789\nsites: [sites/a.yaml]\n");
    ServiceConfigLoader.Loaded loaded = new ServiceConfigLoader(Map.of(ServiceConfigLoader.OPERATOR_TOKEN_ENV,
        "from-the-environment-0123")::get).load(f, Path.of("elsewhere"));
    assertEquals("from-the-environment-0123", loaded.service().operatorToken());
    assertEquals(Path.of("elsewhere"), loaded.service().dataDir());
    assertEquals(Path.of("elsewhere"), loaded.sites().get(0).site().dataDir());
    assertEquals(new ServiceConfig.Bounds(2, 32), loaded.service().bounds(), "defaults");
    assertEquals(7070, loaded.service().listen().port());
  }

  @Test
  void sitesDirServesEveryYamlFileByName() throws Exception {
    site("conf/b.yaml", "bravo");
    site("conf/a.yml", "alpha");
    write("conf/notes.txt", "not a site");
    Path f = write("service.yaml", "sitesDir: conf\n");
    assertEquals(List.of("alpha", "bravo"), loader(Map.of()).load(f, null).sites().stream().map(x -> x.site().name()).toList());
  }

  @Test
  void aSiteFileErrorNamesItsEntryAndField() throws Exception {
    site("sites/a.yaml", "a");
    write("sites/b.yaml", "name: b\nseeds: [ftp://b.example/]\n");
    ConfigException e = error("sites: [sites/a.yaml, sites/b.yaml]\n");
    assertEquals("sites[1] (sites/b.yaml) seeds[0]", e.field());
    assertEquals("field 'sites[1] (sites/b.yaml) seeds[0]': must be an absolute http(s) URL (got \"ftp://b.example/\")", e.getMessage());
    assertEquals("sites[0] (sites/missing.yaml)", error("sites: [sites/missing.yaml]\n").field());
  }

  @Test
  void refusesTwoSitesOfOneName() throws Exception {
    site("sites/a.yaml", "same");
    site("sites/b.yaml", "same");
    ConfigException e = error("sites: [sites/a.yaml, sites/b.yaml]\n");
    assertEquals("sites[1] (sites/b.yaml) name", e.field());
  }

  @Test
  void refusesBadProcessKeys() throws Exception {
    assertEquals("sites", error("port: 7070\n").field());
    assertEquals("sitesDir", error("sites: []\nsitesDir: conf\n").field());
    assertEquals("port", error("sites: []\nport: 70000\n").field());
    assertEquals("maxOpenSites", error("sites: []\nmaxOpenSites: 0\n").field());
    assertEquals("crawlConcurrency", error("sites: []\ncrawlConcurrency: -1\n").field());
    assertEquals("operatorToken", error("sites: []\noperatorToken: short\n").field());
    assertEquals("corsOrigins", error("sites: []\ncorsOrigins: [x]\n").field(), "CORS is per site");
    assertEquals("sitesDir", error("sitesDir: nowhere\n").field());
  }

  @Test
  void addingAndRemovingASiteRewritesTheServiceFile() throws Exception {
    site("sites/a.yaml", "a");
    Path f = write("service.yaml", "port: 7070\nsites: [sites/a.yaml]\n");
    ServiceConfig config = loader(Map.of()).load(f, null).service();
    ServiceConfigFile file = new ServiceConfigFile(config);
    Path added = file.add("b", "name: b\nseeds: [https://b.example/]\n");
    assertEquals(dir.resolve("sites/b.yaml"), added);
    ServiceConfigLoader.Loaded after = loader(Map.of()).load(f, null);
    assertEquals(List.of("a", "b"), after.sites().stream().map(x -> x.site().name()).toList());
    assertEquals(7070, after.service().listen().port(), "other keys kept");
    file.remove(dir.resolve("sites/a.yaml"));
    assertEquals(List.of("b"), loader(Map.of()).load(f, null).sites().stream().map(x -> x.site().name()).toList());
    assertEquals(true, Files.exists(dir.resolve("sites/a.yaml")), "a listed site's file stays");
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(), listing.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temp files left");
    }
  }

  @Test
  void inASitesDirRemovingRenamesTheFile() throws Exception {
    site("conf/a.yaml", "a");
    Path f = write("service.yaml", "sitesDir: conf\n");
    ServiceConfigFile file = new ServiceConfigFile(loader(Map.of()).load(f, null).service());
    assertEquals(dir.resolve("conf/b.yaml"), file.add("b", "name: b\nseeds: [https://b.example/]\n"));
    file.remove(dir.resolve("conf/a.yaml"));
    assertEquals(List.of("b"), loader(Map.of()).load(f, null).sites().stream().map(x -> x.site().name()).toList());
    assertEquals(true, Files.exists(dir.resolve("conf/a.yaml.removed")));
  }
}
