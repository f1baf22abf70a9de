package io.blogsearch.bench;

import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark corpus as crawled articles: the bundled sample blog or the GitLab Handbook.
 *
 * @param links per post URL, the URLs of posts known to be related to it (the Handbook's internal
 *     links; the sample blog's "Similar Posts:"), kept out of the articles
 */
public record BenchCorpus(String name, List<SamplePost> posts, List<Article> articles, Map<String, Set<String>> links) {
  public static final String BASE = "http://blog.example";
  public static final Path HANDBOOK = Path.of("../shared/corpora/handbook/content");

  public static BenchCorpus load(String name) {
    SampleBlog blog;
    Map<String, Set<String>> slugLinks = new HashMap<>();
    switch (name) {
      case "sample" -> {
        blog = SampleBlog.load();
        blog.posts().forEach(p -> slugLinks.put(p.slug(), new HashSet<>(p.similar())));
      }
      case "handbook" -> {
        HandbookCorpus.Corpus handbook = HandbookCorpus.load(HANDBOOK);
        blog = handbook.blog();
        slugLinks.putAll(handbook.links());
      }
      default -> throw new IllegalArgumentException("corpus must be sample or handbook: " + name);
    }
    List<Article> articles = new ArrayList<>();
    for (SamplePost p : blog.posts()) {
      articles.add(toArticle(p));
    }
    Map<String, Set<String>> links = new HashMap<>();
    slugLinks.forEach((slug, targets) -> {
      Set<String> urls = new HashSet<>();
      targets.forEach(t -> blog.bySlug(t).ifPresent(p -> urls.add(BASE + p.path())));
      blog.bySlug(slug).ifPresent(p -> links.put(BASE + p.path(), urls));
    });
    return new BenchCorpus(name, blog.posts(), articles, links);
  }

  /** What the crawler would extract from the post's page (without the site's related links). */
  public static Article toArticle(SamplePost p) {
    return p.toArticle(BASE);
  }
}
