package io.blogsearch.search;

/**
 * An autocomplete entry.
 *
 * @param text the title or tag
 * @param kind "title" or "tag"
 * @param url the post's URL for titles, null for tags
 */
public record Suggestion(String text, String kind, String url) {}
