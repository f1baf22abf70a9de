package io.blogsearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.blogsearch.admin.PushedPost;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.ArticleExtractor;
import io.blogsearch.extract.UrlNormalizer;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code PUT /api/admin/posts} — {@code {"posts": [...]}} — into
 * {@link PushedPost}s. Every field is checked; the first fault is a {@link FieldError} naming it
 * with the post's index ({@code posts[3].published: not an ISO-8601 date-time}). Pushed HTML is
 * cleaned by the crawler's own extractor. The limits are in the README's admin API section.
 */
final class PushValidator {
  static final int MAX_POSTS = 100;
  static final int MAX_URL = 2_000;
  static final int MAX_TITLE = 1_000;
  static final int MAX_BODY = 2_000_000;
  static final int MAX_EXCERPT = 10_000;
  static final int MAX_NAME = 200;
  static final int MAX_TERMS = 100;
  static final int MAX_COMMENTS = 1_000;
  static final int MAX_COMMENT_TEXT = 100_000;
  static final int MAX_LINKS = 100;

  private static final Set<String> TOP = Set.of("posts");
  private static final Set<String> POST = Set.of("url", "title", "html", "text", "excerpt", "author", "published",
      "modified", "categories", "tags", "comments", "relatedLinks", "image", "language");
  private static final Set<String> COMMENT = Set.of("author", "date", "text", "type");
  private static final Set<String> LINK = Set.of("url", "title");
  private static final Set<String> COMMENT_TYPES = Set.of(Article.Comment.COMMENT, Article.Comment.PINGBACK,
      Article.Comment.TRACKBACK);
  /** BCP 47 in practice: a 2–3 letter language, then subtags (script, region, variant) of 1–8 letters or digits. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

  private final UrlNormalizer urls;
  private final Set<String> hosts;
  private final ArticleExtractor extractor;

  PushValidator(SiteConfig site) {
    this.urls = new UrlNormalizer(site.stripQueryParams());
    this.hosts = Set.copyOf(site.allowedHosts());
    this.extractor = new ArticleExtractor(site.selectors(), urls, site.politeness().followNofollowLinks());
  }

  List<PushedPost> posts(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new FieldError("body", "must be a JSON object like {\"posts\": [...]}");
    }
    known(body, TOP, "");
    JsonNode list = body.get("posts");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_POSTS) {
      throw new FieldError("posts", "must be a list of 1 to " + MAX_POSTS + " posts");
    }
    List<PushedPost> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      PushedPost p = post(list.get(i), "posts[" + i + "]");
      Integer earlier = seen.putIfAbsent(p.url(), i);
      if (earlier != null) {
        throw new FieldError("posts[" + i + "].url", "the same post as posts[" + earlier + "] (" + RequestParams.abbreviateUrl(p.url()) + ")");
      }
      out.add(p);
    }
    return out;
  }

  /** The normalised URL of a post on this site, or a {@link FieldError} naming {@code field}. */
  String siteUrl(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      throw new FieldError(field, "is required");
    }
    if (raw.length() > MAX_URL) {
      throw new FieldError(field, "longer than " + MAX_URL + " characters");
    }
    String url = urls.normalize(raw).orElseThrow(() -> new FieldError(field, "not an absolute http(s) URL"));
    if (!hosts.contains(ConfigLoader.hostEntryOf(URI.create(url)))) {
      throw new FieldError(field, "not on the site's allowed hosts " + hosts.stream().sorted().toList()
          + " (got " + RequestParams.abbreviateUrl(raw) + ")");
    }
    return url;
  }

  private PushedPost post(JsonNode n, String at) {
    if (!n.isObject()) {
      throw new FieldError(at, "must be a JSON object");
    }
    known(n, POST, at);
    String url = siteUrl(string(n, "url", at, MAX_URL, true), at + ".url");
    String title = string(n, "title", at, MAX_TITLE, true).strip();
    String html = string(n, "html", at, MAX_BODY, false);
    String text = string(n, "text", at, MAX_BODY, false);
    if ((html == null) == (text == null)) {
      throw new FieldError(at + ".html", "give exactly one of html or text");
    }
    String body = html != null ? extractor.textOfHtml(html) : paragraphs(text);
    String excerpt = string(n, "excerpt", at, MAX_EXCERPT, false);
    excerpt = excerpt == null || excerpt.isBlank() ? ArticleExtractor.excerptOf(body) : excerpt.strip();
    String author = orEmpty(string(n, "author", at, MAX_NAME, false));
    Instant published = date(n, "published", at);
    Instant modified = date(n, "modified", at);
    List<String> categories = terms(n, "categories", at);
    List<String> tags = terms(n, "tags", at);
    List<Article.Comment> comments = comments(n.get("comments"), at + ".comments");
    List<Article.RelatedLink> links = links(n.get("relatedLinks"), at + ".relatedLinks");
    String image = string(n, "image", at, MAX_URL, false);
    if (image != null) {
      image = urls.normalize(image).orElseThrow(() -> new FieldError(at + ".image", "not an absolute http(s) URL"));
    }
    String language = string(n, "language", at, 35, false);
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      throw new FieldError(at + ".language", "not a language tag like en or en-GB");
    }
    Article article = new Article(url, title, body, excerpt, author, published, modified, categories, tags, comments,
        links);
    return new PushedPost(article, image, language);
  }

  private List<Article.Comment> comments(JsonNode list, String at) {
    return objects(list, at, MAX_COMMENTS, "comments", "{author, date, text, type}", (c, here) -> {
      known(c, COMMENT, here);
      String type = string(c, "type", here, 20, false);
      if (type != null && !COMMENT_TYPES.contains(type)) {
        throw new FieldError(here + ".type", "must be comment, pingback or trackback");
      }
      String text = paragraphs(string(c, "text", here, MAX_COMMENT_TEXT, true));
      return new Article.Comment("", "", orEmpty(string(c, "author", here, MAX_NAME, false)).strip(),
          date(c, "date", here), text, type);
    });
  }

  private List<Article.RelatedLink> links(JsonNode list, String at) {
    return objects(list, at, MAX_LINKS, "links {url, title}", "{url, title}", (l, here) -> {
      known(l, LINK, here);
      String url = siteUrl(string(l, "url", here, MAX_URL, true), here + ".url");
      return new Article.RelatedLink(url, orEmpty(string(l, "title", here, MAX_TITLE, false)).strip(), "push");
    });
  }

  /**
   * An optional list of at most {@code max} JSON objects of the given {@code shape} ({@code what}
   * names them in the error), each read by {@code read} with its own place ({@code at[i]}).
   */
  private static <T> List<T> objects(JsonNode list, String at, int max, String what, String shape,
      BiFunction<JsonNode, String, T> read) {
    if (absent(list)) {
      return List.of();
    }
    if (!list.isArray() || list.size() > max) {
      throw new FieldError(at, "must be a list of at most " + max + " " + what);
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String here = at + "[" + i + "]";
      if (!list.get(i).isObject()) {
        throw new FieldError(here, "must be a JSON object " + shape);
      }
      out.add(read.apply(list.get(i), here));
    }
    return out;
  }

  private List<String> terms(JsonNode n, String name, String at) {
    JsonNode list = n.get(name);
    String here = at + "." + name;
    if (absent(list)) {
      return List.of();
    }
    if (!list.isArray() || list.size() > MAX_TERMS) {
      throw new FieldError(here, "must be a list of at most " + MAX_TERMS + " names");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_NAME) {
        throw new FieldError(here + "[" + i + "]", "must be a non-empty string of at most " + MAX_NAME + " characters");
      }
      String term = v.asText().strip();
      if (!out.contains(term)) {
        out.add(term);
      }
    }
    return out;
  }

  /** A string field: null when absent (or JSON null); a {@link FieldError} when it is another type or too long. */
  private static String string(JsonNode n, String name, String at, int max, boolean required) {
    JsonNode v = n.get(name);
    String here = at + "." + name;
    if (absent(v) || v.isTextual() && v.asText().isBlank() && required) {
      if (required) {
        throw new FieldError(here, "is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new FieldError(here, "must be a string");
    }
    if (v.asText().length() > max) {
      throw new FieldError(here, "longer than " + String.format("%,d", max) + " characters");
    }
    return v.asText();
  }

  private static Instant date(JsonNode n, String name, String at) {
    String v = string(n, name, at, 64, false);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new FieldError(at + "." + name, "not an ISO-8601 date-time with an offset or Z (got \""
          + RequestParams.abbreviate(v) + "\")");
    }
  }

  private static void known(JsonNode n, Set<String> allowed, String at) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new FieldError(at.isEmpty() ? f : at + "." + f, "unknown field (expected one of "
            + allowed.stream().sorted().toList() + ")");
      }
    }
  }

  /** Plain text as paragraphs: line ends unified, runs of blank lines one blank line. */
  private static String paragraphs(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip().replaceAll("\n\\s*\n\\s*", "\n\n");
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isNull();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
