package io.blogsearch.demo;

import static io.blogsearch.web.Html.esc;

import io.blogsearch.extract.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One article of the bundled sample blog, as its author wrote it: the source of truth the
 * generator renders and the crawler tests compare against.
 *
 * @param id WordPress-style post id (1 = oldest)
 * @param slug URL slug
 * @param title title
 * @param author author name
 * @param published publication time
 * @param modified last modification, or null
 * @param categories category names
 * @param tags tag names
 * @param similar slugs of the posts listed under "Similar Posts:"
 * @param body body in a tiny markup: blank-line paragraphs, {@code ## } headings, {@code - } items
 * @param comments reader comments in thread order
 */
public record SamplePost(
    int id,
    String slug,
    String title,
    String author,
    Instant published,
    Instant modified,
    List<String> categories,
    List<String> tags,
    List<String> similar,
    String body,
    List<SampleComment> comments) {

  private static final DateTimeFormatter PATH_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  public SamplePost {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    similar = List.copyOf(similar);
    comments = List.copyOf(comments);
  }

  /**
   * A reader comment.
   *
   * @param id id within the post (1, 2, …)
   * @param parent id of the comment replied to, or 0
   * @param author commenter
   * @param date comment time
   * @param text text; paragraphs separated by a blank line
   */
  public record SampleComment(int id, int parent, String author, Instant date, String text) {}

  /** Permalink path, WordPress "day and name" style: {@code /2019/02/11/slug/}. */
  public String path() {
    return "/" + PATH_DATE.format(published) + "/" + slug + "/";
  }

  /** The site-wide comment id WordPress would print ({@code comment-N}). */
  public int globalCommentId(int localId) {
    return id * 100 + localId;
  }

  /** The body's blocks: headings, list items and paragraphs, in order, as plain text. */
  public List<String> bodyBlocks() {
    List<String> out = new ArrayList<>();
    for (String block : body.strip().split("\\n\\s*\\n")) {
      for (String line : block.strip().split("\\n")) {
        if (line.startsWith("- ")) {
          out.add(line.substring(2).strip());
        }
      }
      if (!block.strip().startsWith("- ")) {
        String text = block.strip();
        out.add(text.startsWith("## ") ? text.substring(3).strip() : text.replaceAll("\\s*\\n\\s*", " "));
      }
    }
    return out;
  }

  /** The body as WordPress would store and print it: paragraphs, {@code h2} headings and lists, text escaped. */
  public String bodyHtml() {
    StringBuilder h = new StringBuilder();
    for (String block : body.strip().split("\\n\\s*\\n")) {
      String b = block.strip();
      if (b.startsWith("## ")) {
        h.append("<h2>").append(esc(b.substring(3).strip())).append("</h2>\n");
      } else if (b.startsWith("- ")) {
        h.append("<ul>\n");
        for (String line : b.split("\\n")) {
          h.append("<li>").append(esc(line.strip().substring(2).strip())).append("</li>\n");
        }
        h.append("</ul>\n");
      } else {
        h.append("<p>").append(esc(b.replaceAll("\\s*\\n\\s*", " "))).append("</p>\n");
      }
    }
    return h.toString();
  }

  /** The text a reader sees in the body, paragraphs joined by a blank line. */
  public String plainBody() {
    return String.join("\n\n", bodyBlocks());
  }

  /**
   * The post as the crawler would extract it from a site at {@code baseUrl} (without the site's
   * related links): lets benchmarks and evaluations index a corpus without serving it.
   */
  public Article toArticle(String baseUrl) {
    String text = plainBody();
    String excerpt = text.length() <= 300 ? text : text.substring(0, Math.max(150, text.lastIndexOf(' ', 300))) + "…";
    List<Article.Comment> out = new ArrayList<>();
    for (SampleComment c : comments) {
      out.add(new Article.Comment("comment-" + globalCommentId(c.id()),
          c.parent() == 0 ? "" : "comment-" + globalCommentId(c.parent()), c.author(), c.date(), c.text()));
    }
    return new Article(baseUrl + path(), title, text, excerpt, author, published, modified, categories, tags, out, List.of());
  }

  /** Last-Modified of the post page: its newest edit or comment. */
  public Instant lastChange() {
    Instant last = modified != null ? modified : published;
    for (SampleComment c : comments) {
      if (c.date().isAfter(last)) {
        last = c.date();
      }
    }
    return last;
  }

  /** Lower-case, hyphenated slug of a category, tag or author name, as WordPress makes them. */
  public static String slugOf(String name) {
    String s = name.toLowerCase(Locale.ROOT).replace("&", " ").replace("'", "").replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }
}
