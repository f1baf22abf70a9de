package io.blogsearch.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.blogsearch.extract.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a crawl's stored posts ({@code articles.jsonl}) as the crawler does, for index tests without a site. */
public final class CrawlOutput {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private CrawlOutput() {}

  /** {@code count} posts with titles and bodies but no author, date, category or tag (a plain, non-WordPress site). */
  public static List<Article> plainPosts(int count) {
    List<Article> posts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      posts.add(new Article("https://plain.example/post-" + i, "Plain post number " + i + " about meetings",
          "Body of plain post " + i + ": meetings, agendas and notes. Post " + i + " explains why short meetings work.",
          "Excerpt " + i, "", null, null, List.of(), List.of(), List.of(), List.of()));
    }
    return posts;
  }

  public static void write(Path crawlDir, List<Article> posts) throws IOException {
    Files.createDirectories(crawlDir);
    StringBuilder lines = new StringBuilder();
    for (Article a : posts) {
      lines.append(JSON.writeValueAsString(a)).append('\n');
    }
    Files.writeString(crawlDir.resolve("articles.jsonl"), lines);
  }
}
