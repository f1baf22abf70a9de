package io.blogsearch.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blogsearch.demo.SamplePost;
import java.util.List;

/** Push bodies as a publishing hook would send them, built from sample-blog posts. */
final class PushPosts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PushPosts() {}

  /**
   * A new post that belongs beside {@code base}: its title, tags and categories, the first half of
   * its body (not a near-duplicate) and a paragraph carrying {@code word}, found nowhere else.
   */
  static ObjectNode companion(SamplePost base, String url, String word) {
    return companion(base, url, word, false);
  }

  /** @param secondHalf take the second half of the body instead (a second companion, not a near-duplicate of the first) */
  static ObjectNode companion(SamplePost base, String url, String word, boolean secondHalf) {
    List<String> blocks = base.bodyBlocks();
    int half = Math.max(1, blocks.size() / 2);
    StringBuilder html = new StringBuilder();
    for (String b : secondHalf ? blocks.subList(half, blocks.size()) : blocks.subList(0, half)) {
      html.append("<p>").append(io.blogsearch.web.Html.esc(b)).append("</p>\n");
    }
    html.append("<p>A follow-up on the ").append(word).append(" approach, with notes from readers.</p>\n");
    ObjectNode p = JSON.createObjectNode();
    p.put("url", url);
    p.put("title", "More on " + base.title().toLowerCase(java.util.Locale.ROOT) + ": " + word);
    p.put("html", html.toString());
    p.put("author", base.author());
    p.put("published", "2026-12-02T08:00:00Z");
    ArrayNode cats = p.putArray("categories");
    base.categories().forEach(cats::add);
    ArrayNode tags = p.putArray("tags");
    base.tags().forEach(tags::add);
    return p;
  }

  /** {@code {"posts": [...]}} */
  static String body(ObjectNode... posts) {
    ObjectNode b = JSON.createObjectNode();
    ArrayNode list = b.putArray("posts");
    for (ObjectNode p : posts) {
      list.add(p);
    }
    return b.toString();
  }
}
