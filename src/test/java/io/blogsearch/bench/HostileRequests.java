package io.blogsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates hostile HTTP/1.1 requests (random Unicode, control characters, huge and malformed
 * parameters, operator soup, deep nesting, invalid UTF-8, header and method abuse) against every
 * public endpoint and sends them over raw sockets, so nothing a client library would refuse is
 * filtered out before the server sees it.
 */
final class HostileRequests {
  private static final String[] ENDPOINTS = {"/api/search?q=", "/api/suggest?q=", "/api/related?url=",
      "/api/related?id=", "/api/posts?url=", "/api/posts?id=", "/?q=", "/widget.js?v=", "/health?x=", "/ready?x="};
  private static final String[] SOUP = {"\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "-", "+",
      "!", "&&", "||", "OR", "AND", "NOT", "title:", "tag:", "author:", "*:*", "/", "~2", "^10", "\"\"", "NOT NOT"};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server answered to the whole batch. */
  record Stats(int sent, Map<Integer, Integer> statuses, int serverErrors, int invalidJsonErrors,
      int nonJsonErrors, int htmlPageErrors, long maxMillis, List<String> examples) {}

  private final String host;
  private final int port;

  HostileRequests(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Builds {@code count} requests from {@code seed} and sends them over {@code connections} sockets at a time. */
  Stats run(int count, long seed, int connections) throws Exception {
    Random random = new Random(seed);
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(request(random));
    }
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<Answer>> answers = new ArrayList<>();
    for (byte[] r : requests) {
      answers.add(pool.submit(() -> send(r)));
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    int serverErrors = 0;
    int invalidJson = 0;
    int nonJson = 0;
    int htmlPage = 0;
    long max = 0;
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i).get();
      statuses.merge(a.status, 1, Integer::sum);
      max = Math.max(max, a.millis);
      String line = new String(requests.get(i), 0, Math.min(120, requests.get(i).length), StandardCharsets.ISO_8859_1)
          .split("\r\n")[0];
      if (a.status >= 500 || a.status < 0) {
        serverErrors++;
        examples.add(a.status + " for " + line);
      } else if (a.status >= 400) {
        String body = new String(a.body, StandardCharsets.UTF_8);
        boolean page = line.matches("\\S+ /\\?.*") && !line.contains("/api/");
        if (page && a.contentType.startsWith("text/html") && !body.contains("Exception") && !body.contains("\tat ")) {
          htmlPage++; // the visitor page answers a browser with an HTML error page
        } else if (!a.contentType.contains("json")) {
          nonJson++;
          examples.add("non-JSON " + a.status + " (" + a.contentType + ") for " + line);
        } else if (!validErrorJson(a.body)) {
          invalidJson++;
          examples.add("invalid JSON error body for " + line);
        }
      }
    }
    pool.shutdown();
    return new Stats(count, statuses, serverErrors, invalidJson, nonJson, htmlPage, max,
        examples.subList(0, Math.min(10, examples.size())));
  }

  private static boolean validErrorJson(byte[] body) {
    try {
      var node = JSON.readTree(body);
      return node != null && node.hasNonNull("error") && node.hasNonNull("message");
    } catch (IOException e) {
      return false;
    }
  }

  private record Answer(int status, String contentType, byte[] body, long millis) {}

  private Answer send(byte[] request) {
    long t0 = System.nanoTime();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may close early on an oversized request; read what it answered
      }
      byte[] raw = readAll(s.getInputStream());
      return parse(raw, (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException e) {
      return new Answer(-1, "", new byte[0], (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        buf.write(chunk, 0, n);
      }
    } catch (IOException e) {
      if (buf.size() == 0) {
        throw e;
      }
    }
    return buf.toByteArray();
  }

  /** Status, content type and (de-chunked) body of a raw response; status 0 if the server sent nothing. */
  private static Answer parse(byte[] raw, long millis) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || headEnd < 0) {
      return new Answer(0, "", new byte[0], millis);
    }
    String[] head = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    String type = "";
    boolean chunked = false;
    for (String h : head) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = lower.substring(13).strip();
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    String body = text.substring(headEnd + 4);
    if (chunked) {
      StringBuilder sb = new StringBuilder();
      int pos = 0;
      while (pos < body.length()) {
        int eol = body.indexOf("\r\n", pos);
        if (eol < 0) {
          break;
        }
        int size = Integer.parseInt(body.substring(pos, eol).split(";")[0].strip(), 16);
        if (size == 0) {
          break;
        }
        sb.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
        pos = eol + 2 + size + 2;
      }
      body = sb.toString();
    }
    return new Answer(status, type, body.getBytes(StandardCharsets.ISO_8859_1), millis);
  }

  /** One hostile request: a request line, headers and maybe a body, as raw bytes. */
  private byte[] request(Random r) {
    String method = r.nextInt(12) == 0 ? new String[] {"POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "FOO",
        "GET\u0000"}[r.nextInt(8)] : "GET";
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    writeAscii(target, ENDPOINTS[r.nextInt(ENDPOINTS.length)]);
    writeParameter(target, r);
    if (r.nextInt(4) == 0) {
      writeAscii(target, new String[] {"&page=", "&size=", "&sort=", "&category=", "&tag=", "&author=", "&year=",
          "&from=", "&to=", "&limit=", "&q=", "&url="}[r.nextInt(12)]);
      writeParameter(target, r);
    }
    ByteArrayOutputStream req = new ByteArrayOutputStream();
    writeAscii(req, method + " ");
    req.writeBytes(target.toByteArray());
    writeAscii(req, " HTTP/1.1\r\n");
    if (r.nextInt(20) != 0) {
      writeAscii(req, "Host: " + host + ":" + port + "\r\n");
    }
    writeHeaders(req, r);
    writeAscii(req, "Connection: close\r\n\r\n");
    if (!method.equals("GET") && r.nextBoolean()) {
      writeAscii(req, "x".repeat(r.nextInt(2000)));
    }
    return req.toByteArray();
  }

  private static void writeParameter(ByteArrayOutputStream out, Random r) {
    switch (r.nextInt(9)) {
      case 0 -> { // random Unicode, percent-encoded as a browser would
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(40); i > 0; i--) {
          sb.appendCodePoint(randomCodePoint(r));
        }
        writeAscii(out, java.net.URLEncoder.encode(sb.toString(), StandardCharsets.UTF_8));
      }
      case 1 -> { // raw control characters and bytes ≥ 0x80 in the request target
        for (int i = 1 + r.nextInt(10); i > 0; i--) {
          out.write(r.nextBoolean() ? r.nextInt(0x20) : 0x80 + r.nextInt(0x80));
        }
      }
      case 2 -> writeAscii(out, "a".repeat(1000 + r.nextInt(120_000))); // huge
      case 3 -> writeAscii(out, new String[] {"%", "%G1", "%C3%28", "%FF%FE", "%00", "%E2%82", "%ED%A0%80", "%%", "%2",
          "%C0%AF", "%F4%90%80%80"}[r.nextInt(11)] + "x"); // malformed escapes, invalid UTF-8
      case 4 -> { // operator soup
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + r.nextInt(30); i > 0; i--) {
          sb.append(SOUP[r.nextInt(SOUP.length)]).append(r.nextBoolean() ? " " : "");
        }
        writeAscii(out, java.net.URLEncoder.encode(sb.toString(), StandardCharsets.UTF_8));
      }
      case 5 -> { // deep nesting
        int depth = 100 + r.nextInt(5000);
        writeAscii(out, "%28".repeat(depth) + "team" + (r.nextBoolean() ? "%29".repeat(depth) : ""));
      }
      case 6 -> writeAscii(out, "http%3A%2F%2F" + "x".repeat(r.nextInt(300)) + "%2F..%2F..%2Fetc%2Fpasswd");
      case 7 -> writeAscii(out, "-" + r.nextInt() + "&page=" + r.nextLong() + "&size=1e309");
      default -> writeAscii(out, "feedback%20team%20" + "%22".repeat(r.nextInt(5)) + "okr");
    }
  }

  private static void writeHeaders(ByteArrayOutputStream out, Random r) {
    switch (r.nextInt(10)) {
      case 0 -> writeAscii(out, "X-Big: " + "b".repeat(8000 + r.nextInt(70_000)) + "\r\n");
      case 1 -> {
        for (int i = 0; i < 150 + r.nextInt(200); i++) {
          writeAscii(out, "X-H" + i + ": v\r\n");
        }
      }
      case 2 -> writeAscii(out, "Accept-Encoding: gzip;q=1e999, br;q=-1, *;q=NaN\r\n");
      case 3 -> writeAscii(out, "If-None-Match: " + "\"".repeat(r.nextInt(50)) + "*\r\nIf-Modified-Since: yesterday\r\n");
      case 4 -> writeAscii(out, "Content-Length: -1\r\n");
      case 5 -> writeAscii(out, "Transfer-Encoding: chunked\r\n");
      case 6 -> { // header value with control and non-ASCII bytes
        writeAscii(out, "X-Bad: ");
        for (int i = 0; i < 20; i++) {
          out.write(r.nextBoolean() ? 1 + r.nextInt(0x1f) : 0x80 + r.nextInt(0x80));
        }
        writeAscii(out, "\r\n");
      }
      case 7 -> writeAscii(out, "Origin: null\r\nX-Forwarded-For: " + "1.2.3.4, ".repeat(r.nextInt(500)) + "::1\r\n");
      case 8 -> writeAscii(out, "Range: bytes=" + "0-1,".repeat(r.nextInt(300)) + "\r\nAuthorization: Bearer "
          + "t".repeat(r.nextInt(5000)) + "\r\n");
      default -> writeAscii(out, "Accept: */*\r\n");
    }
  }

  private static int randomCodePoint(Random r) {
    int cp;
    do {
      cp = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(0x80);
        case 1 -> 0x80 + r.nextInt(0x780);
        case 2 -> 0x800 + r.nextInt(0xF800);
        default -> 0x10000 + r.nextInt(0x100000);
      };
    } while (cp >= 0xD800 && cp <= 0xDFFF);
    return cp;
  }

  private static void writeAscii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
