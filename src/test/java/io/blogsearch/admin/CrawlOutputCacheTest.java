package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.blogsearch.crawl.CrawlReport;
import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.UrlState;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds that crawl nothing reuse the crawl output read before; any change to the folder reloads it. */
class CrawlOutputCacheTest {
  private static final CrawlReport REPORT = new CrawlReport("t", java.time.Instant.EPOCH, java.time.Instant.EPOCH, true, false,
      null, null, 0, 0, 0, Map.of(), 0, 0, List.of());
  @TempDir Path dir;

  @Test
  void theSameFolderIsReadOnceAndAnySaveOrNewFileReloadsIt() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    List<Article> posts = CrawlOutput.plainPosts(3);
    Map<String, Article> articles = new LinkedHashMap<>();
    posts.forEach(a -> articles.put(a.url(), a));
    String url = posts.get(0).url();
    Map<String, UrlState> state = Map.of(url, new UrlState("e", null, url, PageKind.POST, List.of(url + "x/")));
    store.save(articles, state, REPORT);

    CrawlOutputCache cache = new CrawlOutputCache();
    CrawlStore.Stored first = cache.load(store);
    assertEquals(3, first.articles().size());
    assertEquals(List.of(), first.state().get(url).links(), "link lists are not kept");
    assertEquals("e", first.state().get(url).etag());
    assertSame(first, cache.load(store), "unchanged folder: not read again");

    articles.remove(url);
    store.save(articles, state, REPORT);
    CrawlStore.Stored second = cache.load(store);
    assertNotSame(first, second);
    assertEquals(2, second.articles().size());
    assertSame(second, cache.load(store));

    Files.writeString(dir.resolve("journal.jsonl"), "{\"op\":\"unarticle\",\"key\":\"" + posts.get(1).url() + "\"}\n");
    assertEquals(1, cache.load(store).articles().size(), "a journal appeared: read again");
  }
}
