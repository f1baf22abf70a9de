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
}
