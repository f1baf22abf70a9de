package io.blogsearch.search;

import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Hand-made posts indexed on disk with bge vectors (the real model, loaded once per JVM). */
final class VectorArticles {
  static final String BASE = "http://blog.example";
  static final PassageText PASSAGE = new PassageText(200);
  private static Embedder bge;

  private VectorArticles() {}

  static synchronized Embedder bge() {
    if (bge == null) {
      bge = OnnxEmbedder.bgeSmall();
    }
    return bge;
  }

  static SearchOptions options() {
    return SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
  }

  /** An index of {@code articles} with their vectors, in a new temporary folder. */
  static Path indexWithVectors(List<Article> articles) throws IOException {
    Path dir = Files.createTempDirectory("vector-articles");
    EmbeddingCache cache = EmbeddingCache.open(dir.resolve("embeddings"), bge().modelId(), bge().dimension());
    new Indexer(BlogAnalyzers.Stemmer.PORTER, new PostVectors(bge(), PASSAGE, cache)).rebuild(articles, dir.resolve("index"));
    return dir.resolve("index");
  }

  /** The same posts without vectors. */
  static Path indexWithoutVectors(List<Article> articles) throws IOException {
    Path dir = Files.createTempDirectory("keyword-articles");
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, dir);
    return dir;
  }

  static Article post(String slug, String title, String body, String author, String year, String category) {
    String excerpt = body.isEmpty() ? "A gallery of pictures from our team retreat in the mountains." : body.substring(0, Math.min(80, body.length()));
    return new Article(url(slug), title, body, excerpt, author, Instant.parse(year + "-06-01T10:00:00Z"), null,
        List.of(category), List.of(), List.of(), List.of());
  }

  static String url(String slug) {
    return BASE + "/" + slug + "/";
  }

  /**
   * Ten posts in three categories, two authors and three years, plus one without body text. No
   * post has any of the words "what say employee who keeps missing targets".
   */
  static List<Article> posts() {
    return List.of(
        post("underperformance", "Handling underperformance: a conversation guide for managers",
            "When a report repeatedly falls short of goals, schedule a private one-on-one. Describe the gap with concrete "
                + "examples, agree on a plan with milestones, and follow up weekly.", "Ann", "2024", "Work"),
        post("fresh-pasta", "Fresh pasta at home",
            "Mix flour and eggs, knead the dough for ten minutes, rest it, then roll thin sheets and cut tagliatelle.",
            "Bob", "2023", "Cooking"),
        post("tomato-sauce", "Slow-cooked tomato sauce",
            "Simmer tomatoes with garlic and olive oil for two hours; the sauce turns sweet and thick. Serve over pasta.",
            "Ann", "2022", "Cooking"),
        post("packing-light", "Packing light for a week in Lisbon",
            "One carry-on bag, three shirts, comfortable shoes for the hills, and a light jacket for the evening wind.",
            "Bob", "2024", "Travel"),
        post("night-trains", "Night trains across Europe",
            "Sleeper cars from Vienna to Venice and Zurich to Hamburg save a hotel night and arrive in the city centre.",
            "Ann", "2023", "Travel"),
        post("weekly-meetings", "Running effective weekly team meetings",
            "Share an agenda the day before, start on time, end with owners and dates for each decision.",
            "Bob", "2023", "Work"),
        post("sourdough", "Sourdough starter basics",
            "Feed the starter flour and water daily; bubbles and a tangy smell mean it is ready to bake bread.",
            "Bob", "2024", "Cooking"),
        post("hostels-japan", "Budget hostels in Japan",
            "Capsule hotels and guesthouses in Osaka and Kyoto cost less than a dinner in Tokyo.", "Bob", "2022", "Travel"),
        post("project-plan", "Writing a clear project plan",
            "List the goals, the milestones, the risks and the people responsible; a plan fits on one page.",
            "Ann", "2024", "Work"),
        post("pasta-dinner", "A quick pasta dinner",
            "Boil the pasta, toss it with butter, lemon and parmesan, and dinner is ready in fifteen minutes.",
            "Ann", "2024", "Cooking"),
        post("offsite-photos", "Photos from the spring offsite", "", "Bob", "2024", "Work"));
  }
}
