package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.bench.BenchCorpus;
import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.extract.Article;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.index.PostHashes;
import io.blogsearch.related.RelatedItem;
import io.blogsearch.related.RelatedList;
import io.blogsearch.related.RelatedSet;
import io.blogsearch.related.RelatedStore;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import io.blogsearch.search.SearchService;
import io.blogsearch.search.Suggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental builds on real indexes on disk (the sample blog's 37 posts): cost follows the
 * change — nothing changed publishes nothing; an edit, a new post or a deletion is applied to a
 * hard-linked copy of the serving index, which stays byte-for-byte as it was.
 */
class IncrementalBuildTest {
  private static final SampleBlog BLOG = SampleBlog.load();
  private static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
  @TempDir Path data;

  private SiteConfig site() {
    return new ConfigLoader().parse("name: inc\nseeds: [" + BenchCorpus.BASE + "/]\n").withDataDir(data);
  }

  private static List<Article> posts() {
    return BLOG.posts().stream().map(BenchCorpus::toArticle).toList();
  }

  private static String url(String slug) {
    return BenchCorpus.BASE + BLOG.bySlug(slug).orElseThrow().path();
  }

  private static List<Article> replaced(List<Article> posts, Article edited) {
    return posts.stream().map(a -> a.url().equals(edited.url()) ? edited : a).toList();
  }

  private static Article find(List<Article> posts, String url) {
    return posts.stream().filter(a -> a.url().equals(url)).findFirst().orElseThrow();
  }

  private IndexBuilder builder(SiteConfig site) {
    return new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER);
  }

  @Test
  void anUnchangedCrawlOutputPublishesNothing() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), posts());
    IndexBuilder.Result first = builder(site).build(false, () -> false);
    assertEquals(IndexBuilder.Build.REBUILT, first.build());

    IndexBuilder.Result again = builder(site).build(false, () -> false);

    assertEquals(IndexBuilder.Build.UNCHANGED, again.build());
    assertFalse(again.published());
    assertEquals("gen-000001", again.generation().name());
    assertEquals(37, again.stats().documents());
    assertEquals(0, again.stats().written());
    Generations generations = new Generations(site.generationsDir());
    assertEquals(List.of("gen-000001"), generations.list(false).stream().map(Generations.Generation::name).toList());
    assertEquals("gen-000001", generations.current().orElseThrow().name());
  }

  @Test
  void aFullBuildRebuildsEvenWhenNothingChanged() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), posts());
    builder(site).build(false, () -> false);
    IndexBuilder.Result full = builder(site).build(true, () -> false);
    assertEquals(IndexBuilder.Build.REBUILT, full.build());
    assertEquals("gen-000002", full.generation().name());
    assertEquals(37, full.stats().written());
    assertEquals(37, full.related().recomputed());
  }

  @Test
  void anEditedPostIsSearchableInACopyWhileTheServingGenerationStaysByteForByte() throws Exception {
    SiteConfig site = site();
    List<Article> before = posts();
    CrawlOutput.write(site.crawlDir(), before);
    builder(site).build(false, () -> false);
    Generations generations = new Generations(site.generationsDir());
    Generations.Generation first = generations.current().orElseThrow();
    Map<String, String> filesBefore = contents(first.dir());
    RelatedSet relatedBefore = RelatedStore.load(first.dir());

    String editedUrl = url("delegation-that-actually-sticks");
    Article old = find(before, editedUrl);
    Article edited = new Article(old.url(), "Quokkafied delegation that actually sticks",
        old.body() + "\n\nA new paragraph about the zanzibarian method of delegating.", old.excerpt(), old.author(),
        old.published(), old.modified(), old.categories(), List.of("Zanzibar method"), old.comments(), old.relatedLinks());
    List<Article> after = replaced(before, edited);
    CrawlOutput.write(site.crawlDir(), after);
    IndexBuilder.Result result = builder(site).build(false, () -> false);

    assertEquals(IndexBuilder.Build.UPDATED, result.build());
    assertEquals("gen-000002", result.generation().name());
    assertEquals("gen-000002", generations.current().orElseThrow().name());
    assertEquals("0 added, 1 updated, 0 deleted", result.delta().toString());
    assertEquals(List.of(editedUrl), result.delta().updated().stream().map(Article::url).toList());
    assertEquals(37, result.stats().documents());
    assertEquals(1, result.stats().written());
    assertEquals(37, Generations.documents(result.generation()));

    assertEquals(filesBefore, contents(first.dir()), "the serving generation's files are untouched");
    if (Files.getFileStore(first.dir()).supportsFileAttributeView("unix")) {
      assertTrue(filesBefore.keySet().stream().filter(n -> n.startsWith("_"))
          .allMatch(n -> linked(first.dir().resolve(n), result.generation().dir().resolve(n))),
          "the copy shares the serving generation's segment files by hard links");
    }
    assertClean(first.dir());
    assertClean(result.generation().dir());
    assertEquals(PostHashes.of(after), PostHashes.load(result.generation().dir()).orElseThrow());

    try (SearchService search = SearchService.open(result.generation().dir(), OPTIONS)) {
      assertEquals(List.of(editedUrl), urls(search.search(SearchRequest.of("zanzibarian"))));
      assertEquals(37, search.search(SearchRequest.of("")).total());
      for (Article a : after) {
        assertEquals(a.title(), search.post(a.url()).orElseThrow().title(), "every post is still there: " + a.url());
      }
      assertEquals(List.of("Zanzibar method"), search.post(editedUrl).orElseThrow().tags());
      SearchResponse all = search.search(SearchRequest.of(""));
      assertTrue(all.facets().get("tag").contains(new SearchResponse.FacetValue("Zanzibar method", 1)), all.facets().toString());
      for (String tag : old.tags()) {
        long holders = after.stream().filter(a -> a.tags().contains(tag)).count();
        int counted = all.facets().get("tag").stream().filter(v -> v.value().equals(tag)).mapToInt(SearchResponse.FacetValue::count)
            .findFirst().orElse(0);
        assertEquals(holders, counted, "facet count of the edited post's old tag " + tag);
      }
      assertEquals(List.of("Quokkafied delegation that actually sticks"),
          search.suggest("quokka", 5).stream().map(Suggestion::text).toList());
    }
    try (SearchService old1 = SearchService.open(first.dir(), OPTIONS)) {
      assertEquals(0, old1.search(SearchRequest.of("zanzibarian")).total(), "the old generation still holds the old text");
    }

    RelatedSet related = result.related();
    assertEquals(37, related.lists().size());
    assertTrue(related.recomputed() >= 1 && related.recomputed() < 37, "recomputed " + related.recomputed());
    assertNotEquals(relatedBefore.fingerprints().get(editedUrl), related.fingerprints().get(editedUrl));
    int kept = 0;
    for (String u : relatedBefore.lists().keySet()) {
      if (related.lists().get(u).equals(relatedBefore.lists().get(u))) {
        kept++;
      }
    }
    assertTrue(kept >= 37 - related.recomputed(), "lists not recomputed are kept as they were");
    RelatedList fresh = fullRelated(after).lists().get(editedUrl);
    assertEquals(titles(fresh), titles(related.lists().get(editedUrl)), "the edited post's list as a full build computes it");
  }

  @Test
  void aDeletedPostLeavesSearchAndEveryRelatedListAndANewOneJoins() throws Exception {
    SiteConfig site = site();
    List<Article> before = posts();
    CrawlOutput.write(site.crawlDir(), before);
    builder(site).build(false, () -> false);
    Generations generations = new Generations(site.generationsDir());
    RelatedSet relatedBefore = RelatedStore.load(generations.current().orElseThrow().dir());
    // the post listed most often in other posts' related lists
    Map<String, Integer> listed = new TreeMap<>();
    relatedBefore.lists().values().forEach(l -> l.items().forEach(i -> listed.merge(i.url(), 1, Integer::sum)));
    String gone = listed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Article goneArticle = find(before, gone);
    List<Article> after = new ArrayList<>(before.stream().filter(a -> !a.url().equals(gone)).toList());
    Article added = new Article(BenchCorpus.BASE + "/2026/11/30/one-on-ones-that-matter/", "One-on-ones that matter",
        "A weekly one-on-one is the manager's best tool. Ask about blockers, growth and feedback; listen more than you talk.",
        "One-on-ones", "Dana", null, null, List.of("Management"), List.of("one-on-ones"), List.of(), List.of());
    after.add(added);
    CrawlOutput.write(site.crawlDir(), after);

    IndexBuilder.Result result = builder(site).build(false, () -> false);

    assertEquals(IndexBuilder.Build.UPDATED, result.build());
    assertEquals("1 added, 0 updated, 1 deleted", result.delta().toString());
    assertEquals(37, Generations.documents(result.generation()));
    assertClean(result.generation().dir());
    try (SearchService search = SearchService.open(result.generation().dir(), OPTIONS)) {
      assertTrue(search.post(gone).isEmpty());
      assertEquals(37, search.search(SearchRequest.of("")).total());
      assertFalse(urls(search.search(SearchRequest.of("\"" + goneArticle.title() + "\""))).contains(gone));
      assertEquals(List.of(added.url()), urls(search.search(SearchRequest.of("blockers"))));
      assertFalse(search.suggest(goneArticle.title().substring(0, 6), 10).stream()
          .anyMatch(s -> s.text().equals(goneArticle.title())), "autocomplete no longer offers the deleted title");
    }
    RelatedSet related = result.related();
    assertFalse(related.lists().containsKey(gone));
    assertTrue(related.lists().containsKey(added.url()));
    for (Map.Entry<String, RelatedList> e : related.lists().entrySet()) {
      assertFalse(e.getValue().items().stream().anyMatch(i -> i.url().equals(gone)), e.getKey() + " still shows the deleted post");
    }
    assertTrue(related.recomputed() >= listed.get(gone) + 1, "recomputed " + related.recomputed());
  }

  @Test
  void aGenerationWithoutPostHashesIsRebuiltOnce() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), posts());
    builder(site).build(false, () -> false);
    Generations generations = new Generations(site.generationsDir());
    Files.delete(generations.current().orElseThrow().dir().resolve(PostHashes.FILE));

    assertEquals(IndexBuilder.Build.REBUILT, builder(site).build(false, () -> false).build());
    assertEquals(IndexBuilder.Build.UNCHANGED, builder(site).build(false, () -> false).build());
    assertEquals("gen-000002", generations.current().orElseThrow().name());
  }

  @Test
  void aChangeToTheRelatedRulesAloneRecomputesTheListsOverTheSameIndex() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), posts());
    builder(site).build(false, () -> false);
    SiteConfig stricter = new ConfigLoader().parse("name: inc\nseeds: [" + BenchCorpus.BASE + "/]\n"
        + "related: {excludeCategories: [Hiring]}\n").withDataDir(data);

    IndexBuilder.Result result = builder(stricter).build(false, () -> false);

    assertEquals(IndexBuilder.Build.UPDATED, result.build());
    assertEquals(0, result.stats().written());
    assertEquals(37, result.related().recomputed());
  }

  private static RelatedSet fullRelated(List<Article> posts) throws Exception {
    Path dir = Files.createTempDirectory("inc-full");
    new io.blogsearch.index.Indexer(BlogAnalyzers.Stemmer.PORTER).rebuild(posts, dir);
    return new io.blogsearch.related.RelatedEngine(io.blogsearch.related.RelatedOptions.defaults(SiteConfig.Related.defaults()),
        BlogAnalyzers.Stemmer.PORTER).compute(posts, dir, RelatedSet.empty(), List.of());
  }

  private static List<String> titles(RelatedList l) {
    return l.items().stream().map(RelatedItem::url).toList();
  }

  private static List<String> urls(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::url).toList();
  }

  private static boolean linked(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b) && (int) Files.getAttribute(a, "unix:nlink") >= 2;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertClean(Path dir) throws Exception {
    try (Directory d = FSDirectory.open(dir); CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean, "CheckIndex found problems in " + dir);
    }
  }

  /** SHA-256 of every file in {@code dir}, by name. */
  private static Map<String, String> contents(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(p.getFileName().toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
