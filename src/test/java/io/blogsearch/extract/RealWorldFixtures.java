package io.blogsearch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blogsearch.config.Selectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Ground truth for the extractor: post pages written in the markup of popular themes and
 * platforms ({@code src/test/resources/fixtures/real-world/NAME.html}), each beside
 * {@code NAME.expected.json} with the fields a correct extraction yields. {@link #check} compares
 * one analysis with its expectations field by field; text is compared after {@link #fold}.
 */
final class RealWorldFixtures {
  static final String RESOURCE_DIR = "/fixtures/real-world";

  /** Keys every expected.json of a POST fixture must carry. */
  static final List<String> POST_KEYS = List.of("kind", "url", "title", "author", "published", "categories", "tags",
      "excerptStartsWith", "bodyStartsWith", "bodyEndsWith", "bodyMustNotContain", "commentCount", "commentAuthors");
  /** Keys a non-post fixture (archive, custom post type) must carry. */
  static final List<String> OTHER_KEYS = List.of("kind", "url");

  /** The compared fields, in table order. */
  static final List<String> FIELDS = List.of("kind", "url", "title", "author", "published", "categories", "tags",
      "excerpt", "bodyStart", "bodyEnd", "bodyClean", "comments", "cAuthors");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One fixture page and its expectations. */
  record Fixture(String name, String html, JsonNode expected) {
    String url() {
      return expected.path("url").asText();
    }

    PageKind kind() {
      return PageKind.valueOf(expected.path("kind").asText());
    }

    Document parse() {
      return Jsoup.parse(html, url());
    }
  }

  /** One field of one fixture: whether the extractor got it, and what it got when it did not. */
  record Check(String field, boolean ok, String expected, String got) {}

  private RealWorldFixtures() {}

  static Path directory() {
    URL url = RealWorldFixtures.class.getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException("test resource " + RESOURCE_DIR + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every fixture with both files, sorted by name. */
  static List<Fixture> load() {
    Path dir = directory();
    List<Fixture> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path json : files.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList()) {
        String name = json.getFileName().toString().replace(".expected.json", "");
        Path html = dir.resolve(name + ".html");
        out.add(new Fixture(name, Files.readString(html, StandardCharsets.UTF_8), JSON.readTree(json.toFile())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The extractor as the crawler builds it for a stock WordPress site. */
  static ArticleExtractor defaultExtractor() {
    return new ArticleExtractor(Selectors.wordpressDefaults(), new UrlNormalizer(Set.of()), false);
  }

  /** Compares one page analysis with its fixture's expectations; non-post fixtures check only kind and URL. */
  static List<Check> check(Fixture f, PageAnalysis a) {
    JsonNode e = f.expected();
    List<Check> out = new ArrayList<>();
    out.add(new Check("kind", a.kind() == f.kind(), f.kind().name(), a.kind() + " (" + a.kindReason() + ")"));
    String url = a.article().map(Article::url).orElse(a.canonicalUrl());
    out.add(same("url", f.url(), a.canonicalUrl().equals(url) ? url : a.canonicalUrl() + " / article " + url));
    if (f.kind() != PageKind.POST) {
      return out;
    }
    if (a.article().isEmpty()) {
      for (String field : FIELDS.subList(2, FIELDS.size())) {
        out.add(new Check(field, false, "an article", noArticle(a)));
      }
      return out;
    }
    Article art = a.article().get();
    out.add(same("title", fold(e.path("title").asText()), fold(art.title())));
    out.add(same("author", fold(e.path("author").asText()), fold(art.author())));
    Instant published = e.path("published").isNull() ? null : Instant.parse(e.path("published").asText());
    out.add(same("published", String.valueOf(published), String.valueOf(art.published())));
    out.add(same("categories", foldAll(strings(e.path("categories"))), foldAll(art.categories())));
    out.add(same("tags", foldAll(strings(e.path("tags"))), foldAll(art.tags())));
    out.add(startsWith("excerpt", e.path("excerptStartsWith").asText(), art.excerpt()));
    String body = fold(art.body());
    out.add(startsWith("bodyStart", e.path("bodyStartsWith").asText(), art.body()));
    String end = fold(e.path("bodyEndsWith").asText());
    out.add(new Check("bodyEnd", body.endsWith(end), "…" + end, "…" + tail(body, end.length() + 30)));
    List<String> leaks = strings(e.path("bodyMustNotContain")).stream().filter(s -> body.contains(fold(s))).toList();
    out.add(new Check("bodyClean", leaks.isEmpty(), "none of " + strings(e.path("bodyMustNotContain")),
        "contains " + leaks));
    out.add(same("comments", e.path("commentCount").asText(), String.valueOf(art.comments().size())));
    out.add(same("cAuthors", foldAll(strings(e.path("commentAuthors"))),
        foldAll(art.comments().stream().map(Article.Comment::author).toList())));
    return out;
  }

  /** What {@link Check#got} says for every article field of a page that yielded no article. */
  static String noArticle(PageAnalysis a) {
    return "no article (" + a.kind() + ": " + a.kindReason() + ")";
  }

  /**
   * Text as compared: curly quotes straightened, dashes made hyphens, the ellipsis spelled out,
   * every run of whitespace (including no-break spaces) one space, trimmed.
   */
  static String fold(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("[\u2018\u2019\u201a\u201b\u2032]", "'")
        .replaceAll("[\u201c\u201d\u201e\u201f\u2033]", "\"")
        .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-")
        .replace("\u2026", "...")
        .replaceAll("[\\s\u00a0\u2007\u202f\u200b]+", " ")
        .strip();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String foldAll(List<String> values) {
    return values.stream().map(RealWorldFixtures::fold).toList().toString();
  }

  private static Check same(String field, String expected, String got) {
    return new Check(field, Objects.equals(expected, got), expected, got);
  }

  private static Check startsWith(String field, String expectedPrefix, String got) {
    String prefix = fold(expectedPrefix);
    String text = fold(got);
    return new Check(field, text.startsWith(prefix), prefix + "…",
        text.substring(0, Math.min(text.length(), prefix.length() + 30)) + "…");
  }

  private static String tail(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }
}
