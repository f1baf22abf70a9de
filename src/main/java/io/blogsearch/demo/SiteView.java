package io.blogsearch.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sample blog as visitors see it at one moment: its base URL and the posts currently
 * published, newest first. Pages are rendered from a view, so unpublishing a post removes it
 * from every listing, sitemap and feed at once.
 */
record SiteView(String base, List<SamplePost> posts) {
  static final String SITE_NAME = "Managing Well";
  static final int PER_PAGE = 10;
  static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  SiteView {
    posts = posts.stream().sorted(Comparator.comparing(SamplePost::published).reversed()).toList();
  }

  String url(String path) {
    return base + path;
  }

  String postUrl(SamplePost p) {
    return base + p.path();
  }

  List<SamplePost> matching(Predicate<SamplePost> filter) {
    return posts.stream().filter(filter).toList();
  }

  Set<String> categories() {
    Set<String> out = new LinkedHashSet<>();
    posts.forEach(p -> out.addAll(p.categories()));
    return out;
  }

  Set<String> tags() {
    Set<String> out = new LinkedHashSet<>();
    posts.forEach(p -> out.addAll(p.tags()));
    return out;
  }

  Set<String> authors() {
    Set<String> out = new LinkedHashSet<>();
    posts.forEach(p -> out.add(p.author()));
    return out;
  }

  /** Year/month archive paths ({@code /2021/03/}) that have posts, newest first. */
  Set<String> monthPaths() {
    Set<String> out = new LinkedHashSet<>();
    posts.forEach(p -> out.add(p.path().substring(0, 9)));
    return out;
  }
}
