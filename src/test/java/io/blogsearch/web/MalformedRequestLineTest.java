package io.blogsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request lines no client library would send, written to the socket as they are. */
class MalformedRequestLineTest {
  private static String raw(String request) throws Exception {
    IndexedSampleBlog site = IndexedSampleBlog.get();
    try (Socket s = new Socket("127.0.0.1", site.api.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void answers400NotA5xxWhenALineBreakInTheTargetLeavesNoHttpVersion() throws Exception {
    String answer = raw("GET /health?x=\u00bf\n\u00bd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    assertTrue(answer.contains("application/json"), answer);
    assertTrue(answer.endsWith("{\"error\":\"bad_request\",\"message\":\"malformed request line (no supported HTTP version)\"}"),
        answer);
  }

  @Test
  void answers400ToAControlCharacterInTheTarget() throws Exception {
    String answer = raw("GET /api/search?q=a\u0001b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    assertEquals("HTTP/1.1 400", answer.substring(0, 12), answer);
    assertTrue(answer.contains("\"error\":\"bad_request\""), answer);
  }
}
