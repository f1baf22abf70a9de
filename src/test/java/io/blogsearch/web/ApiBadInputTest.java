package io.blogsearch.web;

import static io.blogsearch.web.IndexedSampleBlog.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and malformed requests get a clear JSON answer, never a 5xx; HTTP niceties work. */
class ApiBadInputTest {
  private static IndexedSampleBlog site;

  @BeforeAll
  static void build() throws Exception {
    site = IndexedSampleBlog.get();
  }

  private static void assertError(String pathAndQuery, int status, String code, String message) throws Exception {
    HttpResponse<String> r = site.get(pathAndQuery);
    assertEquals(status, r.statusCode(), pathAndQuery + " → " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), pathAndQuery);
    JsonNode body = site.parse(r.body());
    assertEquals(code, body.get("error").asText(), r.body());
    assertEquals(message, body.get("message").asText(), r.body());
    assertEquals(2, body.size(), r.body());
  }

  private static int status(String pathAndQuery) throws Exception {
    return site.get(pathAndQuery).statusCode();
  }

  @Test
  void returns400OnOversizedQuery() throws Exception {
    assertError("/api/search?q=" + "a".repeat(10_240), 400, "bad_request",
        "query is too long: 10240 characters (at most 1000)");
  }

  @Test
  void returns400OnMoreThan64DistinctContentTerms() throws Exception {
    StringBuilder q = new StringBuilder();
    for (int i = 1; i <= 64; i++) {
      q.append('w').append(i).append(" the W").append(i).append(' ');
    }
    HttpResponse<String> ok = site.get("/api/search?q=" + enc(q.toString()));
    assertEquals(200, ok.statusCode(), "stop words and repeats do not count: " + ok.body());
    assertError("/api/search?q=" + enc(q + "w65"), 400, "bad_request", "query has too many terms: 65 (at most 64)");
    assertError("/api/search?q=" + enc(q + "title:w1"), 400, "bad_request", "query has too many terms: 65 (at most 64)");
  }

  @Test
  void returns400OnPhrasesAndScriptsThatExpandToTooManyTerms() throws Exception {
    assertError("/api/search?q=" + enc("\"" + "team ".repeat(199) + "\""), 400, "bad_request",
        "query has too many terms: 199 (at most 64)");
    assertError("/api/search?q=" + enc("the-".repeat(240)), 400, "bad_request", "query has too many terms: 240 (at most 64)");
    assertError("/api/search?q=" + enc("管".repeat(900)), 400, "bad_request", "query has too many terms: 900 (at most 64)");
    assertError("/api/search?q=" + enc("x OR y ".repeat(140)), 400, "bad_request", "query has too many terms: 280 (at most 64)");
    assertEquals(200, status("/api/search?q=" + enc("\"" + "team ".repeat(64) + "\"")));
    assertEquals(200, status("/api/search?q=" + enc("管理 团队")));
  }

  @Test
  void returns400OnBadPagingAndSort() throws Exception {
    assertError("/api/search?q=team&page=-1", 400, "bad_request", "page must be 1 or more (got -1)");
    assertError("/api/search?q=team&size=1000000000", 400, "bad_request", "size must be between 1 and 50 (got 1000000000)");
    assertError("/api/search?q=team&size=99999999999999", 400, "bad_request", "size must be a whole number (got \"99999999999999\")");
    assertError("/api/search?q=team&sort=banana", 400, "bad_request", "sort must be relevance, date or date-asc (got \"banana\")");
    assertError("/api/search?q=team&page=30&size=50", 400, "bad_request", "page * size must not exceed 1000; narrow the search instead");
    assertError("/api/search?q=team&year=20x1", 400, "bad_request", "year must be four digits (got \"20x1\")");
    assertError("/api/search?q=team&from=yesterday", 400, "bad_request", "from must be a date like 2024-03-31 (got \"yesterday\")");
    assertError("/api/suggest?q=de&limit=0", 400, "bad_request", "limit must be between 1 and 10 (got 0)");
  }

  @Test
  void returns400OnInvalidPercentEncoding() throws Exception {
    assertEquals("400 {\"error\":\"bad_request\",\"message\":\"malformed query string: invalid percent-encoding at position 2\"}",
        raw("/api/search?q=%zz"));
    assertEquals("400 {\"error\":\"bad_request\",\"message\":\"malformed query string: invalid percent-encoding at position 5\"}",
        raw("/api/search?q=abc%"));
  }

  @Test
  void returnsJson414WhenTheUriIsBeyondWhatJettyReads() throws Exception {
    assertEquals("414 {\"error\":\"uri_too_long\",\"message\":\"request URI is too long\"}", raw("/api/search?q=" + "b".repeat(40_000)));
  }

  /** Sends a request line as is (no client-side URI checks); returns "STATUS BODY". */
  private static String raw(String target) throws Exception {
    try (Socket s = new Socket("127.0.0.1", site.api.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String status = reply.substring(9, 12);
      String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
      return status + " " + body.strip();
    }
  }

  @Test
  void oddButHarmlessQueriesAnswer200() throws Exception {
    for (String q : new String[] {"", "   ", "\"unbalanced quote", "(unbalanced (parens", "*", "?", "~", "^", "*:*",
        "foo:bar", "title:", "tag:\"\"", "-", "--team", "OR", "AND OR", "title:(a OR b)^3~2", "/regex.*/", "\\",
        "<script>alert(1)</script>", "'; DROP TABLE posts; --", "\u0000\u0001", "ünïcödé 管理 🙂", "team OR"}) {
      HttpResponse<String> r = site.get("/api/search?q=" + enc(q));
      assertEquals(200, r.statusCode(), "q=" + q + " → " + r.body());
      assertTrue(site.parse(r.body()).has("hits"), q);
    }
  }

  @Test
  void emptyQueryListsPostsNewestFirst() throws Exception {
    JsonNode r = site.getJson("/api/search?q=");
    assertEquals(37, r.get("total").asInt());
    assertEquals("2025-06-10T09:00:00Z", r.get("hits").get(0).get("published").asText());
  }

  @Test
  void unknownThingsAre404AndWrongMethodsAre405() throws Exception {
    assertError("/api/nope", 404, "not_found", "no such endpoint: GET /api/nope");
    assertError("/api/posts?url=" + enc("http://127.0.0.1:1/no/such/post/"), 404, "not_found",
        "no post with URL http://127.0.0.1:1/no/such/post/ in the index");
    assertError("/api/posts", 400, "bad_request", "parameter url is required");
    assertError("/api/posts?url=" + enc("javascript:alert(1)"), 400, "bad_request", "url must be an absolute http(s) URL");
    HttpResponse<String> post = site.client().send(HttpRequest.newBuilder(URI.create(site.apiBase + "/api/search?q=x"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("{\"error\":\"method_not_allowed\",\"message\":\"POST is not allowed on /api/search\"}", post.body());
  }

  @Test
  void repeatedGetWithEtagIs304() throws Exception {
    HttpResponse<String> first = site.get("/api/search?q=trust");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElseThrow());
    HttpResponse<String> second = site.get("/api/search?q=trust", "If-None-Match", etag);
    assertEquals(304, second.statusCode());
    assertEquals("", second.body());
  }

  @Test
  void gzipsResponsesWhenAsked() throws Exception {
    HttpResponse<InputStream> r = site.client().send(HttpRequest.newBuilder(URI.create(site.apiBase + "/api/search?q=team"))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
    try (InputStream in = new GZIPInputStream(r.body())) {
      assertTrue(site.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).has("hits"));
    }
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() throws Exception {
    HttpResponse<String> ok = site.get("/api/search?q=team", "Origin", "https://blog.example.com");
    assertEquals("https://blog.example.com", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> other = site.get("/api/search?q=team", "Origin", "https://evil.example");
    assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    HttpResponse<String> preflight = site.client().send(HttpRequest.newBuilder(URI.create(site.apiBase + "/api/search"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://blog.example.com")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals("GET, OPTIONS", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
  }

  @Test
  void rawMalformedRequestTargetsAre400() throws Exception {
    assertTrue(raw("/api/search?q=%%%E0%A4%A%ZZ%00").startsWith("400 {\"error\":\"bad_request\""));
    assertTrue(raw("/api/search?q=a%00b").startsWith("200 "), "a NUL byte is data, not an error");
  }
}
