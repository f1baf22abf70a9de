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
    String body = p.plainBody();
    String excerpt = body.length() <= 300 ? body : body.substring(0, body.lastIndexOf(' ', 300)) + "…";
    List<Article.Comment> comments = new ArrayList<>();
    for (SamplePost.SampleComment c : p.comments()) {
      comments.add(new Article.Comment("comment-" + c.id(), c.parent() == 0 ? "" : "comment-" + c.parent(), c.author(), c.date(), c.text()));
    }
    return new Article(BASE + p.path(), p.title(), body, excerpt, p.author(), p.published(), p.modified(),
        p.categories(), p.tags(), comments, List.of());
  }
}
