package io.blogsearch.extract;

/** What a fetched HTML page is, decided from its markup. Only {@link #POST} becomes an article. */
public enum PageKind {
  /** A single blog post. */
  POST,
  /** A page listing posts: home, pagination, category, tag, author, date or search archives. */
  ARCHIVE,
  /** Any other page (a static page, a login form, an error page). */
  OTHER
}
