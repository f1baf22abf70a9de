package io.blogsearch.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Indexer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The related engine's rules on the sample blog, indexed in a real Lucene directory on disk. */
class RelatedEngineTest {
  private static final SampleBlog BLOG = SampleBlog.load();
  @TempDir Path dir;

  private static List<Article> articles() {
    List<Article> out = new ArrayList<>();
    for (SamplePost p : BLOG.posts()) {
      Article a = BenchCorpus.toArticle(p);
      List<Article.RelatedLink> links = p.similar().stream()
          .map(s -> new Article.RelatedLink(url(s), BLOG.bySlug(s).orElseThrow().title(), "similar-posts")).toList();
      out.add(new Article(a.url(), a.title(), a.body(), a.excerpt(), a.author(), a.published(), a.modified(),
          a.categories(), a.tags(), a.comments(), links));
    }
    return out;
  }

  private static String url(String slug) {
    return BenchCorpus.BASE + BLOG.bySlug(slug).orElseThrow().path();
  }

  private RelatedSet compute(List<Article> articles, SiteConfig.Related rules, RelatedSet previous) {
    new Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(articles, dir);
    return new RelatedEngine(RelatedOptions.defaults(rules), BlogAnalyzers.Stemmer.PORTER)
        .compute(articles, dir, previous, List.of());
  }

  private static List<String> urls(RelatedList l) {
    return l.items().stream().map(RelatedItem::url).toList();
  }

  @Test
  void neverEmptyAndScoresAreRelativeToTheSelfMatch() {
    RelatedSet set = compute(articles(), SiteConfig.Related.defaults(), RelatedSet.empty());
    assertEquals(37, set.lists().size());
    for (RelatedList l : set.lists().values()) {
      assertFalse(l.items().isEmpty());
      l.items().forEach(i -> assertTrue(i.score() > 0 && i.score() <= 1, i.toString()));
    }
    assertEquals(37, set.recomputed());
  }

  @Test
  void pinsComeFirstAndExclusionsAreHonoured() {
    String source = url("delegation-that-actually-sticks");
    String pinned = url("hire-for-culture-add-not-culture-fit");
    String excluded = url("deep-work-for-managers-who-live-in-meetings");
    SiteConfig.Related rules = new SiteConfig.Related(0.15, List.of(excluded), List.of("Hiring"), false,
        Map.of(source, List.of(pinned)), SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT);
    RelatedSet set = compute(articles(), rules, RelatedSet.empty());
    RelatedList list = set.lists().get(source);
    assertEquals(pinned, list.items().get(0).url());
    assertEquals(List.of("pinned by the editor"), list.items().get(0).reasons());
    for (Map.Entry<String, RelatedList> e : set.lists().entrySet()) {
      assertFalse(urls(e.getValue()).contains(excluded), e.getKey());
      for (RelatedItem i : e.getValue().items()) {
        boolean hiring = articles().stream().filter(a -> a.url().equals(i.url())).findFirst().orElseThrow().categories().contains("Hiring");
        assertTrue(!hiring || i.url().equals(pinned), e.getKey() + " → " + i.url());
      }
    }
  }

  @Test
  void olderOnlyRecommendsOnlyEarlierPosts() {
    SiteConfig.Related rules = new SiteConfig.Related(0.15, List.of(), List.of(), true, Map.of(), SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT);
    RelatedSet set = compute(articles(), rules, RelatedSet.empty());
    for (Article a : articles()) {
      for (RelatedItem i : set.lists().get(a.url()).items()) {
        assertTrue(i.published().isBefore(a.published()), a.url() + " → " + i.url());
      }
    }
    RelatedList oldest = set.lists().get(url("leadership-and-management-not-the-same-job"));
    assertTrue(oldest.fallback() && oldest.items().isEmpty() || !oldest.items().isEmpty());
  }

  @Test
  void aThresholdNothingPassesFallsBackToPostsSharingTagsOrCategories() {
    SiteConfig.Related rules = new SiteConfig.Related(1.0, List.of(), List.of(), false, Map.of(), SiteConfig.Related.DEFAULT_SEMANTIC_WEIGHT);
    List<Article> articles = articles().stream().map(a -> new Article(a.url(), a.title(), a.body(), a.excerpt(), a.author(),
        a.published(), a.modified(), a.categories(), a.tags(), a.comments(), List.of())).toList();
    RelatedSet set = compute(articles, rules, RelatedSet.empty());
    RelatedList l = set.lists().get(url("giving-feedback-that-lands"));
    assertTrue(l.fallback());
    RelatedItem first = l.items().get(0);
    assertEquals(0.0, first.score());
    assertTrue(first.reasons().get(0).startsWith("recent post sharing tags: "), first.reasons().toString());
  }

  @Test
  void nearDuplicatesAreExcludedAndNeverListedTwice() {
    List<Article> articles = new ArrayList<>(articles());
    Article original = articles.stream().filter(a -> a.url().equals(url("preventing-burnout-before-it-starts"))).findFirst().orElseThrow();
    Article copy = new Article(BenchCorpus.BASE + "/2024/01/01/burnout-repost/", original.title() + " (repost)",
        original.body(), original.excerpt(), original.author(), Instant.parse("2024-01-01T00:00:00Z"), null,
        original.categories(), original.tags(), List.of(), List.of());
    articles.add(copy);
    RelatedSet set = compute(articles, SiteConfig.Related.defaults(), RelatedSet.empty());
    assertFalse(urls(set.lists().get(original.url())).contains(copy.url()));
    assertFalse(urls(set.lists().get(copy.url())).contains(original.url()));
    for (RelatedList l : set.lists().values()) {
      List<String> u = urls(l);
      assertFalse(u.contains(original.url()) && u.contains(copy.url()), u.toString());
    }
  }

  @Test
  void postsSharingATitleButNotTheirTextListEachOther() {
    String culture = url("hire-for-culture-add-not-culture-fit");
    String interviews = url("why-structured-interviews-beat-gut-feeling");
    List<Article> articles = articles().stream()
        .map(a -> a.url().equals(culture) || a.url().equals(interviews) ? retitled(a, "Hiring notes") : a).toList();
    RelatedSet set = compute(articles, SiteConfig.Related.defaults(), RelatedSet.empty());
    assertTrue(urls(set.lists().get(culture)).contains(interviews), urls(set.lists().get(culture)).toString());
    assertTrue(urls(set.lists().get(interviews)).contains(culture), urls(set.lists().get(interviews)).toString());
  }

  @Test
  void shortPostsWithTheSameTextAreNearDuplicatesWhateverTheirTitles() {
    String body = "Ask every candidate the same structured interview questions and score each answer against a rubric.";
    List<Article> articles = new ArrayList<>(articles());
    Article tip = new Article(BenchCorpus.BASE + "/2024/02/01/interview-tip/", "Interview tip", body, body, "Grace Chen",
        Instant.parse("2024-02-01T00:00:00Z"), null, List.of("Hiring"), List.of("interviews"), List.of(), List.of());
    Article copy = new Article(BenchCorpus.BASE + "/2024/02/02/tip-of-the-week/", "Tip of the week",
        body.toUpperCase(java.util.Locale.ROOT) + "!", body, "Grace Chen", Instant.parse("2024-02-02T00:00:00Z"), null,
        List.of("Hiring"), List.of("interviews"), List.of(), List.of());
    articles.add(tip);
    articles.add(copy);
    RelatedSet set = compute(articles, SiteConfig.Related.defaults(), RelatedSet.empty());
    assertFalse(urls(set.lists().get(tip.url())).contains(copy.url()), urls(set.lists().get(tip.url())).toString());
    assertFalse(urls(set.lists().get(copy.url())).contains(tip.url()), urls(set.lists().get(copy.url())).toString());
    assertFalse(urls(set.lists().get(tip.url())).isEmpty());
  }

  private static Article retitled(Article a, String title) {
    return new Article(a.url(), title, a.body(), a.excerpt(), a.author(), a.published(), a.modified(), a.categories(),
        a.tags(), a.comments(), a.relatedLinks());
  }

  @Test
  void recomputesOnlyTheListsThatCanChange() {
    List<Article> articles = articles();
    RelatedSet first = compute(articles, SiteConfig.Related.defaults(), RelatedSet.empty());
    RelatedSet same = compute(articles, SiteConfig.Related.defaults(), first);
    assertEquals(0, same.recomputed());
    assertEquals(first.lists(), same.lists());
    List<Article> edited = new ArrayList<>(articles);
    Article a = edited.get(5);
    edited.set(5, new Article(a.url(), a.title(), a.body() + "\n\nAn added paragraph about quarterly planning.", a.excerpt(),
        a.author(), a.published(), a.modified(), a.categories(), a.tags(), a.comments(), a.relatedLinks()));
    RelatedSet after = compute(edited, SiteConfig.Related.defaults(), first);
    assertTrue(after.recomputed() >= 1 && after.recomputed() < 37, "recomputed " + after.recomputed());
    assertEquals(37, after.lists().size());
  }
}
