package io.blogsearch.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A scriptable HTTP server on a loopback address for crawler tests: path → canned response. */
final class TestSite implements AutoCloseable {
  /** A canned response; {@code headers} alternate name, value. */
  record Reply(int status, String contentType, byte[] body, String... headers) {
    static Reply html(String html) {
      return new Reply(200, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply redirect(String location) {
      return new Reply(302, null, new byte[0], "Location", location);
    }

    static Reply status(int status) {
      return new Reply(status, "text/html", ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final Map<String, Reply> routes = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int delayMillis;

  TestSite(String address) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 32);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  TestSite() throws IOException {
    this("127.0.0.1");
  }

  String base() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  TestSite route(String path, Reply reply) {
    routes.put(path, reply);
    return this;
  }

  /** Answers every request only after {@code millis} (a slow site, to interrupt a crawl midway). */
  TestSite slow(int millis) {
    delayMillis = millis;
    return this;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String target = ex.getRequestURI().toString();
      requests.add(target);
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Reply r = routes.getOrDefault(target, Reply.status(404));
      if (r.contentType() != null) {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
      }
      for (int i = 0; i + 1 < r.headers().length; i += 2) {
        ex.getResponseHeaders().add(r.headers()[i], r.headers()[i + 1]);
      }
      boolean noBody = r.body().length == 0;
      ex.sendResponseHeaders(r.status(), noBody ? -1 : r.body().length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        } catch (IOException e) {
          // the crawler may hang up on purpose (body cap); nothing to do
        }
      }
    }
  }

  /** A minimal twentytwentyone-style single post page. */
  static String post(String title, String body, String extraHead) {
    return """
        <!doctype html><html><head><title>%1$s</title>%3$s</head>
        <body class="post-template-default single single-post postid-7">
        <article class="post type-post hentry"><h1 class="entry-title">%1$s</h1>
        <div class="entry-content"><p>%2$s</p></div>
        <footer class="entry-footer"><time class="entry-date published" datetime="2022-01-02T03:04:05+00:00">Jan 2</time>
        <a href="/author/ann/" rel="author">Ann Example</a></footer></article></body></html>
        """.formatted(title, body, extraHead);
  }

  /** A home page listing links. */
  static String home(String... hrefs) {
    StringBuilder links = new StringBuilder();
    for (String h : hrefs) {
      links.append("<li><a href=\"").append(h).append("\">").append(h).append("</a></li>");
    }
    return "<!doctype html><html><head><title>Home</title></head><body class=\"home blog\"><ul>" + links + "</ul></body></html>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
