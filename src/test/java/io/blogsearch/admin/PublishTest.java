package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building and publishing generations: only a generation that opens and answers is ever published. */
class PublishTest {
  private static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
  @TempDir Path data;

  private SiteConfig site() {
    return new ConfigLoader().parse("name: plain\nseeds: [https://plain.example/]\n").withDataDir(data);
  }

  @Test
  void postsWithoutAnyFacetValueIndexAndServeSearchAndFacets() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(5));
    new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    try (ServingManager serving = ServingManager.open(new Generations(site.generationsDir()), OPTIONS).orElseThrow()) {
      SearchResponse all = serving.with(s -> s.search().search(SearchRequest.of("")));
      assertEquals(5, all.total());
      SearchResponse meetings = serving.with(s -> s.search().search(SearchRequest.of("meetings")));
      assertEquals(5, meetings.total());
      assertEquals(Map.of("category", List.of(), "tag", List.of(), "author", List.of(), "year", List.of()), meetings.facets());
      SearchResponse filtered = serving.with(s -> s.search().search(new SearchRequest("meetings", List.of("Leadership"),
          List.of(), List.of(), List.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10)));
      assertEquals(0, filtered.total(), "a category filter matches nothing when no post has a category");
      assertEquals("Plain post number 3 about meetings",
          serving.with(s -> s.search().suggest("plain", 10)).stream().map(x -> x.text()).sorted().toList().get(2));
      assertTrue(serving.with(s -> s.related().size()) == 5);
    }
  }

  @Test
  void aGenerationThatFailsToOpenIsNeverPublishedNorServedAfterARestart() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(5));
    new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    Generations generations = new Generations(site.generationsDir());
    java.util.function.Function<Generations.Generation, ServingIndex> opener = g -> {
      if (g.number() == 2) {
        throw new IllegalStateException("simulated: " + g.name() + " does not open");
      }
      return ServingIndex.open(g, OPTIONS);
    };
    try (ServingManager serving = ServingManager.open(generations, opener).orElseThrow()) {
      CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(6));
      IllegalStateException failed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER, serving::publish).build(true, () -> false));
      assertEquals("simulated: gen-000002 does not open", failed.getMessage());
      assertEquals("gen-000001", generations.current().orElseThrow().name());
      assertEquals(List.of("gen-000001"), generations.list(false).stream().map(Generations.Generation::name).toList(),
          "the unpublished folder is removed");
      assertEquals("gen-000001", serving.with(s -> s.generation().name()));
      assertEquals(5, (int) serving.with(s -> s.search().documentCount()));
    }
    try (ServingManager restarted = ServingManager.open(generations, OPTIONS).orElseThrow()) {
      assertEquals("gen-000001", restarted.with(s -> s.generation().name()));
    }
  }

  @Test
  void aPublishedGenerationIsServedByTheInstanceThatWasSmokeTested() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(5));
    new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
    Generations generations = new Generations(site.generationsDir());
    List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ServingManager serving = ServingManager.open(generations, g -> {
      opened.add(g.name() + (Files.exists(g.dir().resolve("COMPLETE")) ? " complete" : " unpublished"));
      return ServingIndex.open(g, OPTIONS);
    }).orElseThrow()) {
      CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(7));
      new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER, serving::publish).build(true, () -> false);
      assertEquals(List.of("gen-000001 complete", "gen-000002 unpublished"), opened,
          "opened before COMPLETE was written, and only once");
      assertEquals("gen-000002", serving.with(s -> s.generation().name()));
      assertEquals(7L, (long) serving.with(s -> s.search().search(SearchRequest.of("meetings")).total()));
    }
  }

  @Test
  void refusesToPublishWhatWouldLoseTheIndexUnlessAllowed() throws Exception {
    SiteConfig site = site();
    Generations generations = new Generations(site.generationsDir());
    IndexBuilder builder = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER);
    IndexBuilder.Refused nothing = org.junit.jupiter.api.Assertions.assertThrows(IndexBuilder.Refused.class,
        () -> builder.build(true, () -> false));
    assertEquals("there is no crawl output: run a crawl first; the serving index is unchanged", nothing.getMessage());
    CrawlOutput.write(site.crawlDir(), List.of());
    assertEquals("the crawl output holds no posts; the serving index is unchanged",
        org.junit.jupiter.api.Assertions.assertThrows(IndexBuilder.Refused.class, () -> builder.build(true, () -> false))
            .getMessage());
    assertEquals(List.of(), generations.list(false));

    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(10));
    builder.build(true, () -> false);
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(5));
    builder.build(true, () -> false);
    assertEquals("gen-000002", generations.current().orElseThrow().name(), "half as many posts is not yet a shrink");
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(2));
    IndexBuilder.Refused shrink = org.junit.jupiter.api.Assertions.assertThrows(IndexBuilder.Refused.class,
        () -> builder.build(true, () -> false));
    assertEquals("the new index would hold 2 posts, fewer than half of the 5 now serving; the serving index is unchanged",
        shrink.getMessage());
    assertEquals("gen-000002", generations.current().orElseThrow().name());
    assertEquals(List.of("gen-000001", "gen-000002"),
        generations.list(false).stream().map(Generations.Generation::name).toList(), "nothing written");

    builder.build(true, true, () -> false);
    assertEquals("gen-000003", generations.current().orElseThrow().name());
    assertEquals(2, Generations.documents(generations.current().orElseThrow()));
  }

  @Test
  void anotherLayoutIsNeitherServedNorRolledBackTo() throws Exception {
    SiteConfig site = site();
    CrawlOutput.write(site.crawlDir(), CrawlOutput.plainPosts(4));
    IndexBuilder builder = new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER);
    builder.build(true, () -> false);
    builder.build(true, () -> false);
    Generations generations = new Generations(site.generationsDir());
    Generations.Generation first = generations.list(true).get(0);
    io.blogsearch.index.OldLayout.rewrite(first.dir(), "0");
    String refusal = "gen-000001: index layout 0, this build reads " + io.blogsearch.index.IndexSchema.VERSION
        + ": run a full reindex";

    try (ServingManager serving = ServingManager.open(generations, OPTIONS).orElseThrow();
        ReindexJobs jobs = new ReindexJobs(site, BlogAnalyzers.Stemmer.PORTER, serving, j -> { })) {
      Generations.LayoutMismatch rollback = org.junit.jupiter.api.Assertions.assertThrows(Generations.LayoutMismatch.class,
          jobs::rollback);
      assertEquals(refusal, rollback.getMessage());
      assertEquals("gen-000002", generations.current().orElseThrow().name());
      assertEquals("gen-000002", serving.with(s -> s.generation().name()));
    }
    generations.point(first);
    Generations.LayoutMismatch open = org.junit.jupiter.api.Assertions.assertThrows(Generations.LayoutMismatch.class,
        () -> ServingManager.open(generations, OPTIONS));
    assertEquals(refusal, open.getMessage());

    builder.build(true, () -> false);
    assertEquals("gen-000003", generations.current().orElseThrow().name(), "a reindex replaces the old layout");
  }
}
