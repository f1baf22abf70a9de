package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.IpRange;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.UrlNormalizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over real HTTP: defaults a fast sequential client never hits, one bucket per
 * client behind a trusted proxy, forwarding headers ignored from anyone else, and 429 with
 * Retry-After and the JSON error. The test client connects from 127.0.0.1, playing the proxy.
 */
class RateLimitTest {
  private static final String LIMITED = "{\"error\":\"too_many_requests\",\"message\":\"rate limit exceeded; slow down and retry\"}";
  /** One request per 10 s, burst 1: the second request within the test is always over the limit. */
  private static final double SLOW = 0.1;

  private static IndexedSampleBlog fixture;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ApiServer> servers = new ArrayList<>();

  @BeforeAll
  static void index() throws Exception {
    fixture = IndexedSampleBlog.get();
  }

  @AfterEach
  void stop() {
    servers.forEach(ApiServer::close);
  }

  private String start(double publicPerSecond, String... trustedProxies) {
    List<IpRange> trusted = java.util.Arrays.stream(trustedProxies).map(IpRange::parse).toList();
    ApiServer api = new ApiServer(fixture.serving, new UrlNormalizer(fixture.site.stripQueryParams()),
        new ApiSettings(List.of(), publicPerSecond, 0, null, null, trusted), new ApiMetrics(), null)
        .start("127.0.0.1", 0);
    servers.add(api);
    return "http://127.0.0.1:" + api.port();
  }

  private HttpResponse<String> get(String base, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/suggest?q=te")).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void defaultsNeverThrottleAFastSequentialClient() throws Exception {
    SiteConfig.Service defaults = new ConfigLoader().parse("name: d\nseeds: [http://127.0.0.1:1/]\n").service();
    assertEquals(500, defaults.publicPerSecond());
    String base = start(defaults.publicPerSecond());
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < 600; i++) {
      statuses.merge(get(base).statusCode(), 1, Integer::sum);
    }
    assertEquals(Map.of(200, 600), statuses);
  }

  @Test
  void answers429WithRetryAfterAndTheJsonError() throws Exception {
    String base = start(SLOW);
    assertEquals(200, get(base).statusCode());
    HttpResponse<String> limited = get(base);
    assertEquals(429, limited.statusCode());
    assertEquals(LIMITED, limited.body());
    assertTrue(limited.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 9 && retryAfter <= 10, "seconds until the next token at 0.1/s: " + retryAfter);
  }

  @Test
  void clientsBehindATrustedProxyGetSeparateBuckets() throws Exception {
    String base = start(SLOW, "127.0.0.0/8", "::1/128");
    assertEquals(200, get(base, "X-Forwarded-For", "203.0.113.5").statusCode());
    assertEquals(429, get(base, "X-Forwarded-For", "203.0.113.5").statusCode());
    assertEquals(200, get(base, "X-Forwarded-For", "198.51.100.7").statusCode(), "another client, its own bucket");
    assertEquals(200, get(base, "Forwarded", "for=\"[2001:db8::17]:4711\";proto=https").statusCode());
    assertEquals(429, get(base, "Forwarded", "for=\"[2001:db8::17]:9999\"").statusCode(), "same client, other port");
    assertEquals(429, get(base, "X-Forwarded-For", "10.9.9.9, 198.51.100.7").statusCode(),
        "the rightmost hop counts; the client cannot escape by prepending addresses");
    assertEquals(200, get(base).statusCode(), "the proxy's own requests are a client of their own");
  }

  @Test
  void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
    String base = start(SLOW, "10.0.0.0/8");
    assertEquals(200, get(base, "X-Forwarded-For", "203.0.113.5").statusCode());
    assertEquals(429, get(base, "X-Forwarded-For", "198.51.100.7").statusCode(), "spoofed address: still 127.0.0.1's bucket");
    assertEquals(429, get(base, "Forwarded", "for=192.0.2.44").statusCode());
    assertEquals(429, get(base).statusCode());
  }

  @Test
  void conflictingHeadersCountUnderTheProxy() throws Exception {
    String base = start(SLOW, "127.0.0.1");
    assertEquals(200, get(base, "X-Forwarded-For", "203.0.113.5", "Forwarded", "for=198.51.100.1").statusCode());
    assertEquals(429, get(base, "X-Forwarded-For", "203.0.113.6", "Forwarded", "for=198.51.100.2").statusCode(),
        "a forged header beside the proxy's cannot mint a new client");
    assertEquals(429, get(base).statusCode(), "both were counted as the proxy");
  }
}
