package io.blogsearch.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.Embedder;
import io.blogsearch.encoder.EmbeddingCache;
import io.blogsearch.encoder.OnnxEmbedder;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import io.blogsearch.index.PassageText;
import io.blogsearch.index.PostVectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related lists from meaning as well as words: the real bge-small model, a real index with
 * vectors on disk, and a handful of short posts written so that one pair shares its topic but
 * hardly a word.
 */
class SemanticRelatedTest {
  private static final Embedder BGE = OnnxEmbedder.bgeSmall();
  private static final PassageText TEXT = new PassageText(200);
  private static final String BASE = "https://blog.example.com/";

  @TempDir Path dir;

  private static Article post(String slug, String day, String title, String body) {
    return new Article(BASE + slug + "/", title, body, body.substring(0, Math.min(80, body.length())), "Ann",
        Instant.parse("2024-03-" + day + "T09:00:00Z"), null, List.of(), List.of(), List.of(), List.of());
  }

  private static final Article MISSED_TARGETS = post("missed-targets", "20", "When a team member keeps missing targets",
      "Someone on your team has missed the quarterly numbers three times in a row. Before the next one-on-one, "
          + "gather concrete examples, ask what is getting in the way, and agree on a plan with dates. Write the "
          + "conversation down and follow up every week until the numbers recover.");
  private static final Article UNDERPERFORMER = post("falling-short-of-goals", "05", "Talking to an employee who falls short of their goals",
      "For the third period running, a direct report has fallen short of the set goals. Prepare specific cases, find "
          + "out what is blocking progress, and settle on an improvement programme with deadlines. Record the "
          + "discussion and check in on progress regularly.");
  private static final List<Article> OTHERS = List.of(
      post("archery", "01", "Archery for beginners: hitting the target",
          "Most beginners miss the target because they grip the bow too hard. Practise three times a week, keep "
              + "concrete notes of every round, and ask a coach what is getting in the way of a clean release."),
      post("newsletter-template", "02", "A template for the weekly newsletter",
          "Write the numbers down in the same order every week: visitors, new subscribers, dates of coming events. "
              + "A template makes the newsletter quick to fill in and easy to follow."),
      post("office-move", "03", "The office move: dates and plan",
          "We move to the new building in April. The plan: packing crates arrive on the first, desks move in a row "
              + "by floor, and the kitchen opens a week later."),
      post("quarterly-offsite-budget", "04", "Budget for the quarterly offsite",
          "The quarterly offsite has a budget of forty euros a head for food. Examples of venues that fit: the "
              + "rowing club, the old library, the roof terrace."),
      post("first-engineer", "06", "Hiring your first engineer",
          "Look for someone who enjoys ambiguity and can ship without a spec. Pay fairly and write the job ad in "
              + "plain language."));

  private static List<Article> corpus() {
    List<Article> all = new ArrayList<>(OTHERS);
    all.add(UNDERPERFORMER);
    all.add(MISSED_TARGETS);
    return all;
  }

  private Indexer.Vectors vectors() {
    String id = BGE.modelId() + "/" + TEXT.id();
    return new PostVectors(BGE, TEXT, EmbeddingCache.open(dir.resolve("embeddings"), id, BGE.dimension()));
  }

  private RelatedSet compute(List<Article> posts, Indexer.Vectors vectors, RelatedOptions options, RelatedSet previous,
      String index) {
    Path indexDir = dir.resolve(index);
    new Indexer(BlogAnalyzers.Stemmer.PORTER, vectors).rebuild(posts, indexDir);
    return new RelatedEngine(options, BlogAnalyzers.Stemmer.PORTER).compute(posts, indexDir, previous, List.of());
  }

  private static RelatedOptions hybrid(SiteConfig.Related rules) {
    return RelatedOptions.defaults(rules);
  }

  private static List<String> urls(RelatedList l) {
    return l.items().stream().map(RelatedItem::url).toList();
  }

  /**
   * The lists as URLs: a list kept by an incremental build keeps its scores, which a full
   * recompute on the changed index (other idf, other farthest neighbour) words slightly differently.
   */
  private static Map<String, List<String>> urlsByPost(RelatedSet set) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    set.lists().forEach((u, l) -> out.put(u, urls(l)));
    return out;
  }

  private static double cosine(Article a, Article b) {
    List<float[]> v = BGE.embedPassages(List.of(TEXT.of(a), TEXT.of(b)));
    double dot = 0;
    for (int i = 0; i < v.get(0).length; i++) {
      dot += v.get(0)[i] * v.get(1)[i];
    }
    return dot;
  }

  @Test
  void aPostSharingMeaningButFewWordsIsFoundByItsVector() {
    RelatedSet keyword = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()).keywordOnly(), RelatedSet.empty(), "k");
    assertFalse(urls(keyword.lists().get(MISSED_TARGETS.url())).contains(UNDERPERFORMER.url()),
        urls(keyword.lists().get(MISSED_TARGETS.url())).toString());
    RelatedSet set = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()), RelatedSet.empty(), "h");
    assertTrue(urls(set.lists().get(MISSED_TARGETS.url())).contains(UNDERPERFORMER.url()),
        urls(set.lists().get(MISSED_TARGETS.url())).toString());
    RelatedSet semantic = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()).withSemantic(1, RelatedOptions.Fusion.BLEND),
        RelatedSet.empty(), "s");
    assertEquals(UNDERPERFORMER.url(), semantic.lists().get(MISSED_TARGETS.url()).items().get(0).url());
  }

  @Test
  void reasonsCarryTheSimilarityOfTheVectors() {
    RelatedSet set = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()), RelatedSet.empty(), "h");
    RelatedItem item = set.lists().get(MISSED_TARGETS.url()).items().stream()
        .filter(i -> i.url().equals(UNDERPERFORMER.url())).findFirst().orElseThrow();
    String expected = String.format(Locale.ROOT, "similar topic (%.2f)", cosine(MISSED_TARGETS, UNDERPERFORMER));
    assertEquals(List.of(expected), item.reasons());
  }

  @Test
  void anIndexWithoutVectorsGivesTheKeywordLists() {
    RelatedSet without = compute(corpus(), Indexer.NO_VECTORS, hybrid(SiteConfig.Related.defaults()), RelatedSet.empty(), "n");
    RelatedSet keywordOnVectors = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()).keywordOnly(),
        RelatedSet.empty(), "v");
    RelatedSet keywordWithout = compute(corpus(), Indexer.NO_VECTORS, hybrid(SiteConfig.Related.defaults()).keywordOnly(),
        RelatedSet.empty(), "k");
    assertEquals(keywordWithout.lists(), without.lists());
    assertEquals(keywordWithout.lists(), keywordOnVectors.lists());
    without.lists().values().forEach(l -> l.items().forEach(i ->
        assertTrue(i.reasons().stream().noneMatch(r -> r.startsWith("similar topic")), i.reasons().toString())));
  }

  @Test
  void anEditedPostJoinsTheListOfItsNewNeighbourIncrementally() {
    // Older-only: the edited post (older) may appear in the newer post's list but never the other way,
    // so only the edited post's kNN neighbours say which list it may now enter.
    // A threshold above what an unrelated post's cosine alone scores (0.7 × ~0.54), below a paraphrase's (0.7 × ~0.73).
    SiteConfig.Related olderOnly = new SiteConfig.Related(0.45, List.of(), List.of(), true, Map.of(), SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT);
    Article hiring = OTHERS.get(4);
    List<Article> before = new ArrayList<>(OTHERS);
    before.add(MISSED_TARGETS);
    RelatedSet first = compute(before, vectors(), hybrid(olderOnly), RelatedSet.empty(), "g1");
    assertFalse(urls(first.lists().get(MISSED_TARGETS.url())).contains(hiring.url()));
    List<Article> after = before.stream().map(a -> a == hiring ? new Article(a.url(), UNDERPERFORMER.title(),
        UNDERPERFORMER.body(), a.excerpt(), a.author(), a.published(), null, List.of(), List.of(), List.of(), List.of()) : a).toList();
    RelatedSet incremental = compute(after, vectors(), hybrid(olderOnly), first, "g2");
    RelatedSet full = compute(after, vectors(), hybrid(olderOnly), RelatedSet.empty(), "g3");
    assertTrue(urls(incremental.lists().get(MISSED_TARGETS.url())).contains(hiring.url()),
        urls(incremental.lists().get(MISSED_TARGETS.url())).toString());
    assertEquals(urlsByPost(full), urlsByPost(incremental));
  }

  @Test
  void aDeletedPostDisappearsFromItsNeighboursLists() {
    RelatedSet first = compute(corpus(), vectors(), hybrid(SiteConfig.Related.defaults()), RelatedSet.empty(), "d1");
    assertTrue(urls(first.lists().get(MISSED_TARGETS.url())).contains(UNDERPERFORMER.url()));
    List<Article> after = corpus().stream().filter(a -> a != UNDERPERFORMER).toList();
    RelatedSet incremental = compute(after, vectors(), hybrid(SiteConfig.Related.defaults()), first, "d2");
    RelatedSet full = compute(after, vectors(), hybrid(SiteConfig.Related.defaults()), RelatedSet.empty(), "d3");
    incremental.lists().values().forEach(l -> assertFalse(urls(l).contains(UNDERPERFORMER.url())));
    assertFalse(incremental.lists().containsKey(UNDERPERFORMER.url()));
    assertEquals(urlsByPost(full), urlsByPost(incremental));
  }
}
