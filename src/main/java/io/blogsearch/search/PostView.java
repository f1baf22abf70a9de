package io.blogsearch.search;

import io.blogsearch.extract.Article;
import java.time.Instant;
import java.util.List;

/**
 * A stored post as the API shows it.
 *
 * @param id short stable id ({@link io.blogsearch.extract.PostId})
 * @param url canonical URL
 * @param title title
 * @param excerpt summary
 * @param author author
 * @param published publication time or null
 * @param modified modification time or null
 * @param categories categories
 * @param tags tags
 * @param commentCount number of reader comments
 * @param relatedLinks the site's own related links
 * @param body the whole body as extracted (plain text, paragraphs separated by a blank line)
 * @param comments the comments as extracted, in page order
 */
public record PostView(String id, String url, String title, String excerpt, String author, Instant published,
    Instant modified, List<String> categories, List<String> tags, int commentCount,
    List<Article.RelatedLink> relatedLinks, String body, List<Article.Comment> comments) {
  public PostView {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    relatedLinks = List.copyOf(relatedLinks);
    comments = List.copyOf(comments);
  }
}
