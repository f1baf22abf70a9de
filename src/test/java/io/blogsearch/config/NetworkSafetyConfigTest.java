package io.blogsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config keys of the crawler's address guard and the API's rate limits. */
class NetworkSafetyConfigTest {
  private static final String BASE = "name: b\nseeds: [https://blog.example.com/]\n";
  private final ConfigLoader loader = new ConfigLoader();

  private ConfigException error(String yaml) {
    return assertThrows(ConfigException.class, () -> loader.parse(BASE + yaml));
  }

  @Test
  void defaultsRefusePrivateAddressesTrustNoProxyAndLimitGenerously() {
    SiteConfig c = loader.parse(BASE);
    assertFalse(c.http().allowPrivateAddresses());
    assertEquals(List.of(), c.service().trustedProxies());
    assertEquals(500, c.service().publicPerSecond());
    assertEquals(600, c.service().adminPerMinute());
  }

  @Test
  void readsAllowPrivateAddressesAndTrustedProxies() {
    SiteConfig c = loader.parse(BASE + "http: {allowPrivateAddresses: true}\n"
        + "service: {trustedProxies: [\"10.0.0.0/8\", \"2001:db8::/32\", \"192.0.2.1\"]}\n");
    assertTrue(c.http().allowPrivateAddresses());
    assertEquals(List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("2001:db8::/32"), IpRange.parse("192.0.2.1/32")),
        c.service().trustedProxies());
  }

  @Test
  void badValuesNameTheirField() {
    assertEquals("http.allowPrivateAddresses", error("http: {allowPrivateAddresses: sometimes}\n").field());
    ConfigException proxy = error("service: {trustedProxies: [\"10.0.0.0/8\", \"proxy.example\"]}\n");
    assertEquals("service.trustedProxies[1]", proxy.field());
    assertTrue(proxy.getMessage().contains("must be an IP address or CIDR block"), proxy.getMessage());
    assertEquals("service.trustedProxies[0]", error("service: {trustedProxies: [\"10.0.0.0/40\"]}\n").field());
    assertEquals("service.trustedProxies", error("service: {trustedProxies: 10.0.0.0/8}\n").field());
  }
}
