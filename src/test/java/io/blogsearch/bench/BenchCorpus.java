package io.blogsearch.bench;

import io.blogsearch.demo.HandbookCorpus;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A benchmark corpus as crawled articles: the bundled sample blog or the GitLab Handbook. */
public record BenchCorpus(String name, List<SamplePost> posts, List<Article> articles) {
  public static final String BASE = "http://blog.example";
  public static final Path HANDBOOK = Path.of("../shared/corpora/handbook/content");

  public static BenchCorpus load(String name) {
    SampleBlog blog = switch (name) {
      case "sample" -> SampleBlog.load();
      case "handbook" -> HandbookCorpus.load(HANDBOOK).blog();
      default -> throw new IllegalArgumentException("corpus must be sample or handbook: " + name);
    };
    List<Article> articles = new ArrayList<>();
    for (SamplePost p : blog.posts()) {
      articles.add(toArticle(p));
    }
    return new BenchCorpus(name, blog.posts(), articles);
  }

  /** What the crawler would extract from the post's page (without the site's related links). */
  public static Article toArticle(SamplePost p) {
    return p.toArticle(BASE);
  }
}
