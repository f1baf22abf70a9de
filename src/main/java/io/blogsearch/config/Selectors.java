package io.blogsearch.config;

import java.util.List;

/**
 * CSS selectors the extractor uses to read a post page. The defaults match stock WordPress
 * themes (classic twentytwentyone and block themes such as twentytwentythree); a site whose
 * theme differs overrides single entries in its config.
 *
 * @param post the element holding one post (its presence and count tell posts from listings)
 * @param title the post title
 * @param content the post body
 * @param author link or name of the post author
 * @param published element with the publication date ({@code datetime} attribute preferred)
 * @param modified element with the last-modified date
 * @param categories links to the post's categories
 * @param tags links to the post's tags
 * @param comment one comment (nested ones are replies)
 * @param commentAuthor the comment author's name, inside a comment
 * @param commentContent the comment text, inside a comment
 * @param commentDate the comment date, inside a comment
 * @param relatedLinks extra selectors for a site's own related-post links (added to the built-in ones)
 * @param remove extra boilerplate removed from the body (added to the built-in list)
 */
public record Selectors(
    String post,
    String title,
    String content,
    String author,
    String published,
    String modified,
    String categories,
    String tags,
    String comment,
    String commentAuthor,
    String commentContent,
    String commentDate,
    List<String> relatedLinks,
    List<String> remove) {

  public Selectors {
    relatedLinks = List.copyOf(relatedLinks);
    remove = List.copyOf(remove);
  }

  /** Selectors that work on stock WordPress themes. */
  public static Selectors wordpressDefaults() {
    return new Selectors(
        "article.post, article.type-post, article.hentry",
        "h1.entry-title, h1.wp-block-post-title, article h1, h1",
        "div.entry-content, .wp-block-post-content, .post-content, article .content",
        "a[rel=author], .wp-block-post-author-name a, .wp-block-post-author-name, .wp-block-post-author__name, .author .fn, .byline .author",
        "time.entry-date[datetime], time.published[datetime], .wp-block-post-date time[datetime], time[datetime]",
        "time.updated:not(.published)[datetime], .wp-block-post-date.__modified-date time[datetime]",
        "a[rel=category tag], a[rel=category], .wp-block-post-terms.taxonomy-category a, .cat-links a",
        // Block themes mark category links rel=tag too; those are categories, not tags.
        "a[rel=tag]:not(.wp-block-post-terms.taxonomy-category a), .wp-block-post-terms.taxonomy-post_tag a, .tags-links a",
        "li.comment, li.wp-block-comment, .wp-block-comment-template > li",
        ".comment-author .fn, .wp-block-comment-author-name",
        ".comment-content, .wp-block-comment-content",
        ".comment-metadata time[datetime], .wp-block-comment-date time[datetime], time[datetime]",
        List.of(),
        List.of());
  }
}
