package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.blogsearch.config.ConfigLoader;
import io.blogsearch.config.SiteConfig;
import io.blogsearch.crawl.CrawlListener;
import io.blogsearch.crawl.CrawlPlan;
import io.blogsearch.crawl.Crawler;
import io.blogsearch.demo.SampleBlog;
import io.blogsearch.demo.SampleBlogServer;
import io.blogsearch.demo.SamplePost;
import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.Generations;
import io.blogsearch.related.RelatedService;
import io.blogsearch.search.SearchOptions;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reindex jobs over HTTP against the sample blog: a job that finds nothing changed publishes nothing. */
class IncrementalReindexJobTest {
  private static final SampleBlog BLOG = SampleBlog.load();
  private static final SearchOptions OPTIONS = SearchOptions.defaults(BlogAnalyzers.synonyms("", BlogAnalyzers.Stemmer.PORTER));
  @TempDir Path data;

  @Test
  void anIncrementalJobFindingNothingChangedKeepsTheServingGenerationAndAnEditedPostIsServedAfterAUrlJob()
      throws Exception {
    try (SampleBlogServer blog = new SampleBlogServer(BLOG, 0, Duration.ZERO)) {
      SiteConfig site = new ConfigLoader().parse("name: job\nseeds: [" + blog.baseUrl() + "/]\n"
          + "politeness: {concurrencyPerHost: 4, delay: 0ms}\n").withDataDir(data);
      new Crawler(site).crawl(CrawlListener.none());
      new IndexBuilder(site, BlogAnalyzers.Stemmer.PORTER).build(true, () -> false);
      Generations generations = new Generations(site.generationsDir());
      try (ServingManager serving = ServingManager.open(generations, OPTIONS).orElseThrow();
          ReindexJobs jobs = new ReindexJobs(site, BlogAnalyzers.Stemmer.PORTER, serving, j -> { })) {
        JobStatus unchanged = await(jobs, jobs.submit(CrawlPlan.incremental(), "test").id());
        assertEquals("succeeded", unchanged.state(), unchanged.toString());
        assertEquals("nothing changed; gen-000001 keeps serving", unchanged.message());
        assertEquals("gen-000001", unchanged.generation());
        assertEquals(37, unchanged.documents());
        assertEquals(List.of("gen-000001"), generations.list(false).stream().map(Generations.Generation::name).toList());

        SamplePost p = BLOG.bySlug("giving-feedback-that-lands").orElseThrow();
        blog.revise(new SamplePost(p.id(), p.slug(), p.title(), p.author(), p.published(), p.modified(), p.categories(),
            p.tags(), p.similar(), p.body() + "\n\nUpdated: the xylophonic rule of feedback.", p.comments()));
        String url = blog.baseUrl() + p.path();
        JobStatus edited = await(jobs, jobs.submit(CrawlPlan.urls(List.of(url)), "test").id());
        assertEquals("succeeded", edited.state(), edited.toString());
        assertNull(edited.message());
        assertEquals("gen-000002", edited.generation());
        SearchResponse found = serving.with(s -> s.search().search(SearchRequest.of("xylophonic")));
        assertEquals(List.of(url), found.hits().stream().map(SearchResponse.Hit::url).toList());
        assertEquals(37L, (long) serving.with(s -> s.search().search(SearchRequest.of("")).total()));
        assertEquals(RelatedService.Found.class, serving.with(s -> s.related().lookup(url, 5)).getClass());
      }
    }
  }

  private static JobStatus await(ReindexJobs jobs, String id) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      JobStatus j = jobs.get(id).orElseThrow();
      if (!j.state().equals("running") && !j.state().equals("queued")) {
        return j;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + id + " did not finish");
  }
}
