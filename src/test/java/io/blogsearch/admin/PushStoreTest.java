package io.blogsearch.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.crawl.CrawlStore;
import io.blogsearch.crawl.UrlState;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push log on disk: survives a restart and a torn last line, compacts, and overlays the crawl output. */
class PushStoreTest {
  @TempDir Path dir;

  private static Article article(String url, String title) {
    return new Article(url, title, "body of " + title, "", "", Instant.parse("2026-12-01T00:00:00Z"), null, List.of(),
        List.of("t"), List.of(), List.of());
  }

  private static PushedPost pushed(String url, String title) {
    return new PushedPost(article(url, title), "https://a.example/i.png", "en");
  }

  private static CrawlStore.Stored crawl(Map<String, Article> articles, Map<String, UrlState> state) {
    return new CrawlStore.Stored(articles, state, Set.of());
  }

  @Test
  void recordsSurviveARestartAndATornLastLineThatTheNextWriteDoesNotJoin() throws Exception {
    PushStore store = new PushStore(dir);
    store.put(List.of(pushed("https://a.example/1/", "One"), pushed("https://a.example/2/", "Two")));
    store.delete("https://a.example/2/");
    Files.writeString(dir.resolve(PushStore.FILE), "{\"op\":\"put\",\"seq\":99,\"url\":\"https://a.exa",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND); // kill -9 mid-write

    PushStore reopened = new PushStore(dir);
    assertEquals(2, reopened.size());
    PushStore.Record one = reopened.get("https://a.example/1/").orElseThrow();
    assertEquals("One", one.post().article().title());
    assertEquals("https://a.example/i.png", one.post().image());
    assertEquals(pushed("https://a.example/1/", "One").hash(), one.hash());
    assertTrue(reopened.get("https://a.example/2/").orElseThrow().deleted());

    reopened.put(List.of(pushed("https://a.example/3/", "Three")));
    PushStore third = new PushStore(dir);
    assertEquals("Three", third.get("https://a.example/3/").orElseThrow().post().article().title());
    assertEquals(3, third.size());
  }

  @Test
  void theLogIsCompactedWhenItHoldsFarMoreLinesThanRecords() throws Exception {
    PushStore store = new PushStore(dir);
    for (int i = 0; i < 1100; i++) {
      store.put(List.of(pushed("https://a.example/1/", "Version " + i)));
    }
    long lines = Files.readAllLines(dir.resolve(PushStore.FILE)).size();
    assertTrue(lines < 200, lines + " lines");
    assertEquals("Version 1099", new PushStore(dir).get("https://a.example/1/").orElseThrow().post().article().title());
  }

  @Test
  void overlayPutsPushedPostsOverCrawledOnesAndRetiresThemOnceTheCrawlShowsTheirPageChanged() throws Exception {
    PushStore store = new PushStore(dir);
    String a = "https://a.example/a/";
    String b = "https://a.example/b/";
    String c = "https://a.example/c/";
    store.put(List.of(pushed(a, "Pushed A"), pushed(c, "Pushed C (new)")));
    store.delete(b);
    Instant before = Instant.now().minusSeconds(60);
    Map<String, UrlState> oldState = Map.of(a, new UrlState(null, null, a, PageKind.POST, List.of(), null, before),
        b, new UrlState(null, null, b, PageKind.POST, List.of(), null, before));
    CrawlStore.Stored merged = store.overlay(crawl(Map.of(a, article(a, "Crawled A"), b, article(b, "Crawled B")), oldState));
    assertEquals(Set.of(a, c), merged.articles().keySet());
    assertEquals("Pushed A", merged.articles().get(a).title());
    assertEquals(Map.of(), merged.state(), "the pushed URLs' crawl state is not theirs to decide any more");
    assertNull(store.get(a).orElseThrow().reference(), "not fetched since the push");

    Instant after = Instant.now().plusSeconds(1);
    Map<String, UrlState> fetched = Map.of(a, new UrlState(null, null, a, PageKind.POST, List.of(), null, after),
        b, new UrlState(null, null, b, PageKind.POST, List.of(), null, after));
    store.overlay(crawl(Map.of(a, article(a, "Crawled A"), b, article(b, "Crawled B")), fetched));
    assertTrue(store.get(a).orElseThrow().reference() != null);
    assertTrue(new PushStore(dir).get(b).orElseThrow().reference() != null, "the reference is in the log");

    merged = store.overlay(crawl(Map.of(a, article(a, "Crawled A"), b, article(b, "Crawled B")), fetched));
    assertEquals("Pushed A", merged.articles().get(a).title(), "the same page again: the push stays");
    assertFalse(merged.articles().containsKey(b));

    merged = store.overlay(crawl(Map.of(a, article(a, "Crawled A, edited"), b, article(b, "Crawled B, edited")), fetched));
    assertEquals("Crawled A, edited", merged.articles().get(a).title());
    assertEquals("Crawled B, edited", merged.articles().get(b).title());
    assertEquals("Pushed C (new)", merged.articles().get(c).title());
    PushStore reopened = new PushStore(dir);
    assertTrue(reopened.get(a).isEmpty());
    assertTrue(reopened.get(b).isEmpty());
    assertEquals(1, reopened.size());
  }

  @Test
  void aReferenceNotedForAnOlderPushNeverAppliesToANewerOne() throws Exception {
    PushStore store = new PushStore(dir);
    String a = "https://a.example/a/";
    store.put(List.of(pushed(a, "First")));
    long firstSeq = store.get(a).orElseThrow().seq();
    store.put(List.of(pushed(a, "Second")));
    Files.writeString(dir.resolve(PushStore.FILE), "{\"op\":\"retire\",\"seq\":" + firstSeq + ",\"url\":\"" + a + "\"}\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals("Second", new PushStore(dir).get(a).orElseThrow().post().article().title());
  }
}
