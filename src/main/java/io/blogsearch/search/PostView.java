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
 */
public record PostView(String id, String url, String title, String excerpt, String author, Instant published,
    Instant modified, List<String> categories, List<String> tags, int commentCount,
    List<Article.RelatedLink> relatedLinks) {}
