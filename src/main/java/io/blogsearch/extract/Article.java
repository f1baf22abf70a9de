package io.blogsearch.extract;

import java.time.Instant;
import java.util.List;

/**
 * One blog post as the crawler understood it: the unit every later stage (index, search,
 * related) consumes. All text is plain, untrusted text exactly as the site published it; it is
 * escaped wherever it is shown.
 *
 * @param url canonical URL, the post's identity
 * @param title post title
 * @param body body text without boilerplate; paragraphs separated by a blank line
 * @param excerpt short summary (the site's meta description or the body's opening)
 * @param author author name, empty if the page names none
 * @param published publication time, or null if the page carries none
 * @param modified last modification time, or null
 * @param categories category names in page order
 * @param tags tag names in page order
 * @param comments reader comments, kept apart from the body
 * @param relatedLinks the site's own "related/similar posts" links
 */
public record Article(
    String url,
    String title,
    String body,
    String excerpt,
    String author,
    Instant published,
    Instant modified,
    List<String> categories,
    List<String> tags,
    List<Comment> comments,
    List<RelatedLink> relatedLinks) {

  public Article {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    comments = List.copyOf(comments);
    relatedLinks = List.copyOf(relatedLinks);
  }

  /** The same post stored under another URL (the crawled one, when its canonical is refused). */
  public Article withUrl(String newUrl) {
    return new Article(newUrl, title, body, excerpt, author, published, modified, categories, tags, comments,
        relatedLinks);
  }

  /** The same post with more text after its body (pages 2..N of a multi-page post). */
  public Article withBodyAppended(String more) {
    if (more == null || more.isBlank()) {
      return this;
    }
    String joined = body.isEmpty() ? more : body + "\n\n" + more;
    return new Article(url, title, joined, excerpt, author, published, modified, categories, tags, comments,
        relatedLinks);
  }

  /**
   * A reader comment.
   *
   * @param id the site's comment id (e.g. {@code comment-12}), empty if none
   * @param parentId id of the comment this one replies to, empty for top-level comments
   * @param author commenter name
   * @param date comment time, or null
   * @param text comment text; paragraphs separated by a blank line
   * @param type {@code comment}, {@code pingback} or {@code trackback}
   */
  public record Comment(String id, String parentId, String author, Instant date, String text, String type) {
    public static final String COMMENT = "comment";
    public static final String PINGBACK = "pingback";
    public static final String TRACKBACK = "trackback";

    public Comment {
      id = id == null ? "" : id;
      parentId = parentId == null ? "" : parentId;
      author = author == null ? "" : author;
      text = text == null ? "" : text;
      type = type == null || type.isBlank() ? COMMENT : type;
    }

    /** A plain reader comment. */
    public Comment(String id, String parentId, String author, Instant date, String text) {
      this(id, parentId, author, date, text, COMMENT);
    }
  }

  /**
   * A link the site itself shows as related to the post.
   *
   * @param url absolute, normalised target URL
   * @param title anchor text or title attribute
   * @param source which markup it came from: similar-posts, yarpp, crp, jetpack or config
   */
  public record RelatedLink(String url, String title, String source) {}
}
