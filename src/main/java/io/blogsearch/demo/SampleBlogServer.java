package io.blogsearch.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the sample blog over real HTTP on 127.0.0.1, with the URL layout, conditional-GET
 * behaviour (ETag, Last-Modified, 304) and gzip of a WordPress site. Used by {@code demo} and by
 * the crawler tests, which can unpublish posts and read the request log.
 */
public final class SampleBlogServer implements AutoCloseable {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Pattern PAGED = Pattern.compile("^(.*/)page/(\\d+)/$");
  private static final Pattern POST = Pattern.compile("^/(\\d{4})/(\\d{2})/(\\d{2})/([a-z0-9-]+)(/?)$");
  private static final Pattern DATE_ARCHIVE = Pattern.compile("^/(\\d{4})/(?:(\\d{2})/)?$");
  private static final Pattern TERM_ARCHIVE = Pattern.compile("^/(category|tag|author)/([a-z0-9-]+)/$");
  private static final Pattern SUB_SITEMAP = Pattern.compile("^/wp-sitemap-([a-z_]+-[a-z_]+-\\d|users-\\d)\\.xml$");

  /** One request the server answered, for tests of crawler manners. */
  public record Request(String method, String target, long nanoTime, int status, String userAgent, boolean conditional) {}

  private final SampleBlog blog;
  private final Duration crawlDelay;
  private final Set<String> unpublished = ConcurrentHashMap.newKeySet();
  private final java.util.Map<String, Integer> failing = new ConcurrentHashMap<>();
  private final java.util.Map<String, SamplePost> revised = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Request> log = new ConcurrentLinkedQueue<>();
  private final HttpServer server;
  private volatile String widgetScript;
  private volatile boolean sitemapLastmods = true;
  private final ExecutorService executor;

  /**
   * Starts serving on {@code 127.0.0.1:port} (0 picks a free port).
   *
   * @param crawlDelay the robots.txt {@code Crawl-delay} to announce, or zero for none
   */
  public SampleBlogServer(SampleBlog blog, int port, Duration crawlDelay) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: ~40 ms per response. Read once, when the first JDK HttpServer is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.blog = blog;
    this.crawlDelay = crawlDelay;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "sample-blog");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:7071}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Embeds blogsearch's related-posts widget ({@code <script src=…/widget.js>}) under every post. */
  public void embedWidget(String scriptUrl) {
    widgetScript = scriptUrl;
  }

  /**
   * Whether the post sitemap gives each post's {@code <lastmod>} (the default, as Yoast and Rank
   * Math do) or leaves it out, as WordPress core's own sitemaps do.
   */
  public void sitemapLastmods(boolean on) {
    sitemapLastmods = on;
  }

  /** Takes a post off the site: its page answers 404 and it leaves every listing. */
  public void unpublish(String slug) {
    unpublished.add(slug);
  }

  /** Puts an unpublished post back: to a crawler it is a new post. */
  public void republish(String slug) {
    unpublished.remove(slug);
  }

  /**
   * Makes a post's page answer with {@code status} (e.g. 503) while it stays listed everywhere:
   * a post the crawler fails to reach. Zero restores it.
   */
  public void failPost(String slug, int status) {
    if (status == 0) {
      failing.remove(slug);
    } else {
      failing.put(slug, status);
    }
  }

  /** Serves {@code post} in place of the post with its slug (same date, so the same URL): an edit on the site. */
  public void revise(SamplePost post) {
    revised.put(post.slug(), post);
  }

  /** The requests answered so far, in order. */
  public List<Request> requests() {
    return new ArrayList<>(log);
  }

  public void clearLog() {
    log.clear();
  }

  private SiteView view() {
    return new SiteView(baseUrl(), blog.posts().stream().filter(p -> !unpublished.contains(p.slug()))
        .map(p -> revised.getOrDefault(p.slug(), p)).toList());
  }

  private void handle(HttpExchange ex) throws IOException {
    int status = 500;
    try (ex) {
      Response r = route(ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery());
      status = send(ex, r);
    } finally {
      boolean conditional = ex.getRequestHeaders().containsKey("If-None-Match")
          || ex.getRequestHeaders().containsKey("If-Modified-Since");
      log.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), System.nanoTime(), status,
          ex.getRequestHeaders().getFirst("User-Agent"), conditional));
    }
  }

  private record Response(int status, String contentType, String body, Instant lastModified, String location) {
    static Response html(String body) {
      return new Response(200, "text/html; charset=UTF-8", body, null, null);
    }
  }

  private Response route(String path, String query) {
    SiteView site = view();
    SampleBlogPages pages = new SampleBlogPages(site, widgetScript);
    SampleBlogFeeds feeds = new SampleBlogFeeds(site, sitemapLastmods);
    if (path.equals("/") && query != null && query.startsWith("p=")) {
      String id = query.substring(2);
      return site.posts().stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst()
          .map(p -> new Response(301, "text/html", "", null, site.postUrl(p)))
          .orElseGet(() -> notFound(pages));
    }
    switch (path) {
      case "/robots.txt":
        return new Response(200, "text/plain; charset=UTF-8", feeds.robots(crawlDelay), null, null);
      case "/wp-sitemap.xml":
        return new Response(200, "application/xml; charset=UTF-8", feeds.sitemapIndex(), null, null);
      case "/feed/":
        return new Response(200, "application/rss+xml; charset=UTF-8", feeds.rss(), null, null);
      case "/about/":
        return Response.html(pages.aboutPage());
      case "/wp-admin/":
        return Response.html("<!doctype html><title>Log in</title><form><input name=log></form>");
      default:
        break;
    }
    Matcher m = SUB_SITEMAP.matcher(path);
    if (m.matches()) {
      String xml = feeds.sitemap(m.group(1));
      return xml == null ? notFound(pages) : new Response(200, "application/xml; charset=UTF-8", xml, null, null);
    }
    m = POST.matcher(path);
    if (m.matches()) {
      String slug = m.group(4);
      SamplePost post = site.posts().stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
      if (post == null || !post.path().startsWith(path.substring(0, 12))) {
        return notFound(pages);
      }
      if (failing.containsKey(slug)) {
        return new Response(failing.get(slug), "text/html; charset=UTF-8", "<h1>Error</h1>", null, null);
      }
      if (m.group(5).isEmpty()) {
        return new Response(301, "text/html", "", null, site.postUrl(post));
      }
      return new Response(200, "text/html; charset=UTF-8", pages.post(post), post.lastChange(), null);
    }
    int page = 1;
    String base = path;
    m = PAGED.matcher(path);
    if (m.matches()) {
      base = m.group(1);
      page = Integer.parseInt(m.group(2));
    }
    Response listing = listing(site, pages, base, page);
    return listing != null ? listing : notFound(pages);
  }

  private Response listing(SiteView site, SampleBlogPages pages, String base, int page) {
    String bodyClass;
    String heading;
    List<SamplePost> posts;
    Matcher m;
    if (base.equals("/")) {
      bodyClass = "home blog";
      heading = "";
      posts = site.posts();
    } else if ((m = TERM_ARCHIVE.matcher(base)).matches()) {
      String kind = m.group(1);
      String slug = m.group(2);
      posts = site.matching(p -> switch (kind) {
        case "category" -> p.categories().stream().anyMatch(c -> SamplePost.slugOf(c).equals(slug));
        case "tag" -> p.tags().stream().anyMatch(t -> SamplePost.slugOf(t).equals(slug));
        default -> SamplePost.slugOf(p.author()).equals(slug);
      });
      bodyClass = "archive " + kind + " " + kind + "-" + slug;
      heading = (kind.equals("author") ? "Author: " : kind.equals("tag") ? "Tag: " : "Category: ") + slug;
    } else if ((m = DATE_ARCHIVE.matcher(base)).matches()) {
      String prefix = m.group(2) == null ? "/" + m.group(1) + "/" : "/" + m.group(1) + "/" + m.group(2) + "/";
      posts = site.matching(p -> p.path().startsWith(prefix));
      bodyClass = "archive date";
      heading = "Archives: " + prefix;
    } else {
      return null;
    }
    int pagesTotal = Math.max(1, (posts.size() + SiteView.PER_PAGE - 1) / SiteView.PER_PAGE);
    if (posts.isEmpty() || page < 1 || page > pagesTotal) {
      return null;
    }
    return Response.html(pages.listing(bodyClass, heading, base, posts, page));
  }

  private static Response notFound(SampleBlogPages pages) {
    return new Response(404, "text/html; charset=UTF-8", pages.notFound(), null, null);
  }

  private static int send(HttpExchange ex, Response r) throws IOException {
    var headers = ex.getResponseHeaders();
    if (r.location() != null) {
      headers.set("Location", r.location());
      ex.sendResponseHeaders(r.status(), -1);
      return r.status();
    }
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 8) + "\"";
    headers.set("Content-Type", r.contentType());
    if (r.status() == 200) {
      headers.set("ETag", etag);
      if (r.lastModified() != null) {
        headers.set("Last-Modified", HTTP_DATE.format(r.lastModified()));
      }
      if (notModified(ex, etag, r.lastModified())) {
        ex.sendResponseHeaders(304, -1);
        return 304;
      }
    }
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(body);
      }
      body = gz.toByteArray();
      headers.set("Content-Encoding", "gzip");
    }
    headers.set("Vary", "Accept-Encoding");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(r.status(), head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    return r.status();
  }

  private static boolean notModified(HttpExchange ex, String etag, Instant lastModified) {
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    if (inm != null) {
      return inm.contains(etag);
    }
    String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
    if (ims != null && lastModified != null) {
      try {
        Instant since = ZonedDateTime.parse(ims, HTTP_DATE).toInstant();
        return !lastModified.isAfter(since.plusSeconds(0));
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
