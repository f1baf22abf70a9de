package io.blogsearch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bundled sample blog: 37 original management articles by a dozen authors, read from
 * {@code demo-blog/posts/*.yaml} on the classpath. Posts are numbered oldest first, as WordPress
 * numbers them.
 */
public final class SampleBlog {
  private static final String ROOT = "/demo-blog/";

  private final List<SamplePost> posts;

  private SampleBlog(List<SamplePost> posts) {
    this.posts = List.copyOf(posts);
  }

  /** A blog of the given posts (ids must run 1..n in publication order). */
  public static SampleBlog of(List<SamplePost> posts) {
    return new SampleBlog(posts);
  }

  /** Loads the bundled articles. */
  public static SampleBlog load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<RawPost> raw = new ArrayList<>();
    for (String file : resource("index.txt").split("\\R")) {
      if (file.isBlank()) {
        continue;
      }
      try {
        JsonNode n = yaml.readTree(resource("posts/" + file.strip()));
        raw.add(new RawPost(file.strip().replaceFirst("\\.yaml$", ""), n));
      } catch (IOException e) {
        throw new UncheckedIOException("bad sample post " + file, e);
      }
    }
    raw.sort(Comparator.comparing(r -> Instant.parse(r.node().get("published").asText())));
    List<SamplePost> posts = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      posts.add(toPost(i + 1, raw.get(i)));
    }
    return new SampleBlog(posts);
  }

  private record RawPost(String slug, JsonNode node) {}

  private static SamplePost toPost(int id, RawPost raw) {
    JsonNode n = raw.node();
    List<SamplePost.SampleComment> comments = new ArrayList<>();
    for (JsonNode c : n.path("comments")) {
      comments.add(new SamplePost.SampleComment(c.get("id").asInt(), c.path("parent").asInt(0),
          c.get("author").asText(), Instant.parse(c.get("date").asText()), c.get("text").asText().strip()));
    }
    return new SamplePost(id, raw.slug(), n.get("title").asText(), n.get("author").asText(),
        Instant.parse(n.get("published").asText()),
        n.hasNonNull("modified") ? Instant.parse(n.get("modified").asText()) : null,
        strings(n.get("categories")), strings(n.get("tags")), strings(n.get("similar")),
        n.get("body").asText(), comments);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = SampleBlog.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All posts, oldest first. */
  public List<SamplePost> posts() {
    return posts;
  }

  /** The post with this slug. */
  public Optional<SamplePost> bySlug(String slug) {
    return posts.stream().filter(p -> p.slug().equals(slug)).findFirst();
  }
}
