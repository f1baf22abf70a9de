package io.blogsearch.config;

import java.util.List;

/**
 * CSS selectors the extractor uses to read a post page. The defaults match stock WordPress
 * themes (classic twentytwentyone and block themes such as twentytwentythree) and the stock
 * markup of Ghost (Casper), Hugo (PaperMod), Jekyll (minima) and Blogger; a site whose theme
 * differs overrides single entries in its config. Selectors for one element (title, content,
 * author, dates, the parts of a comment) are lists tried in the order written: the first entry
 * that matches wins, so put the most specific first. {@code post}, {@code categories},
 * {@code tags} and {@code comment} collect every match, in page order.
 *
 * @param post the element holding one post (its presence and count tell posts from listings)
 * @param title the post title
 * @param content the post body (when nothing matches on a post, the extractor scores blocks itself)
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
 * @param postTypes WordPress post types indexed as posts ({@code post} by default); a page of any
 *     other type ({@code single-testimonials}, {@code type-product}…) is not a post
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
    List<String> remove,
    List<String> postTypes) {

  /** The post types indexed unless the config says otherwise. */
  public static final List<String> DEFAULT_POST_TYPES = List.of("post");

  public Selectors {
    relatedLinks = List.copyOf(relatedLinks);
    remove = List.copyOf(remove);
    postTypes = postTypes == null || postTypes.isEmpty() ? DEFAULT_POST_TYPES : List.copyOf(postTypes);
  }

  /** Selectors indexing only the {@code post} type. */
  public Selectors(String post, String title, String content, String author, String published, String modified,
      String categories, String tags, String comment, String commentAuthor, String commentContent,
      String commentDate, List<String> relatedLinks, List<String> remove) {
    this(post, title, content, author, published, modified, categories, tags, comment, commentAuthor,
        commentContent, commentDate, relatedLinks, remove, DEFAULT_POST_TYPES);
  }

  /** The same selectors indexing other post types. */
  public Selectors withPostTypes(List<String> types) {
    return new Selectors(post, title, content, author, published, modified, categories, tags, comment,
        commentAuthor, commentContent, commentDate, relatedLinks, remove, types);
  }

  /** Selectors that work on stock WordPress themes and the common static and hosted blog engines. */
  public static Selectors wordpressDefaults() {
    return new Selectors(
        "article.post, article.type-post, article.hentry, article.post-full, article.gh-article, article.post-single,"
            + " article.h-entry, div.hentry, div.type-post",
        "h1.entry-title, h1.wp-block-post-title, h1.post-title, h1.article-title, h1.gh-article-title,"
            + " h1.post-full-title, h1.p-name, h3.post-title, article h1, .entry-title, h1",
        "div.entry-content, .wp-block-post-content, .gh-content, .post-full-content, .post-content,"
            + " .e-content, .post-body, article .content",
        "a[rel=author], .wp-block-post-author-name a, .wp-block-post-author-name, .wp-block-post-author__name,"
            + " .author .fn, .byline .author, .byline a[href*=\"/author/\"], .p-author .p-name, .p-author,"
            + " .post-author .fn, .gh-article-author-name, .author-name",
        "time.entry-date.published[datetime], time.entry-date[datetime], time.published[datetime],"
            + " .wp-block-post-date time[datetime], [itemprop=datePublished], time.dt-published[datetime],"
            + " abbr.published[title], .published[title], time[datetime]",
        "time.updated:not(.published)[datetime], .wp-block-post-date.__modified-date time[datetime],"
            + " [itemprop=dateModified]",
        "a[rel=category tag], a[rel=category], .wp-block-post-terms.taxonomy-category a, .cat-links a,"
            + " .entry-terms.category a, a[href*=\"/category/\"]",
        // Block themes mark category links rel=tag too: a link in a category container or to a
        // /category/ URL is a category whatever its rel says (the extractor checks that).
        "a[rel=tag], .wp-block-post-terms.taxonomy-post_tag a, .tags-links a, .post-tags a, a[href*=\"/tag/\"]",
        "li.comment, li.pingback, li.trackback, li.wp-block-comment, .wp-block-comment-template > li,"
            + " div.comment[id^=comment-], article.comment[id^=comment-], li[id~=^comment-\\d+$]",
        // Astra prints b.fn, Divi span.fn, Newspaper and Blogger a bare cite; OceanWP's .comment-author
        // also holds the date and reply link (the extractor drops those)
        ".comment-author .fn, .wp-block-comment-author-name, cite.fn, .fn, .comment-author, cite.user, cite",
        ".comment-content, .wp-block-comment-content, .ast-comment-content, .comment-text, blockquote",
        ".comment-metadata time[datetime], .wp-block-comment-date time[datetime], time[datetime]",
        List.of(),
        List.of());
  }
}
