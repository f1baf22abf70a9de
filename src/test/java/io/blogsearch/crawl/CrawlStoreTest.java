package io.blogsearch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.extract.Article;
import io.blogsearch.extract.PageKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawl output on disk: as an interrupted crawl leaves it (only a journal, maybe with a torn
 * last line), small changes kept apart from the big files, and folded back once they grow.
 */
class CrawlStoreTest {
  @TempDir Path dir;

  private static Article post(String url) {
    return new Article(url, "T", "Body.", "Body.", "", null, null, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void readsAJournalLeftByACrawlKilledBeforeItsFirstSave() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    assertFalse(store.hasOutput());
    try (CrawlJournal journal = store.openJournal()) {
      journal.putArticle("http://h/a/", post("http://h/a/"));
      journal.putState("http://h/a/", new UrlState(null, null, "http://h/a/", PageKind.POST, List.of("http://h/b/")));
      journal.putArticle("http://h/b/", post("http://h/b/"));
      journal.removeArticle("http://h/b/");
      journal.putState("http://h/", new UrlState(null, null, "http://h/", PageKind.ARCHIVE, List.of()));
    }
    Files.writeString(dir.resolve(CrawlJournal.FILE), "{\"op\":\"article\",\"key\":\"http://h/c/\",\"artic",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND); // torn by kill -9

    CrawlStore.Stored stored = store.load();

    assertTrue(store.hasOutput());
    assertEquals(Set.of("http://h/a/"), stored.articles().keySet());
    assertEquals(Set.of("http://h/a/", "http://h/"), stored.state().keySet());
    assertEquals(Set.of("http://h/a/", "http://h/"), stored.interruptedUrls());
    assertEquals(stored.articles(), store.loadArticles());
  }

  private static Article post(String url, String body) {
    return new Article(url, "T", body, body, "", null, null, List.of(), List.of(), List.of(), List.of());
  }

  private static UrlState postState(String url) {
    return new UrlState(null, null, url, PageKind.POST, List.of());
  }

  private static CrawlReport report() {
    return new CrawlReport("s", Instant.EPOCH, Instant.EPOCH, true, false, null, null, 0, 0, 0, Map.of(), 0, 0,
        List.of());
  }

  /** A site of {@code n} posts, saved once (so the main files exist). */
  private Map<String, Article> savedSite(CrawlStore store, int n) {
    Map<String, Article> articles = new TreeMap<>();
    Map<String, UrlState> state = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String url = "http://h/p" + i + "/";
      articles.put(url, post(url, "Body of post " + i + ". ".repeat(20)));
      state.put(url, postState(url));
    }
    store.save(articles, state, report());
    return articles;
  }

  private Object fileKey(String name) throws Exception {
    return Files.readAttributes(dir.resolve(name), BasicFileAttributes.class).fileKey();
  }

  @Test
  void keepsASmallChangeApartFromTheMainFiles() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    Map<String, Article> articles = savedSite(store, 200);
    Object articlesFile = fileKey("articles.jsonl");
    Object stateFile = fileKey("state.json");
    Map<String, UrlState> state = new TreeMap<>(store.loadState());
    articles.put("http://h/p7/", post("http://h/p7/", "Edited."));
    articles.remove("http://h/p8/");
    state.remove("http://h/p8/");
    articles.put("http://h/new/", post("http://h/new/", "New."));
    state.put("http://h/new/", postState("http://h/new/"));

    store.save(articles, state, report());

    assertEquals(articlesFile, fileKey("articles.jsonl"), "articles.jsonl was rewritten");
    assertEquals(stateFile, fileKey("state.json"), "state.json was rewritten");
    assertEquals(5, Files.readAllLines(dir.resolve(CrawlStore.CHANGES)).size()); // 2 posts, 1 removal, 1 state, 1 removal
    CrawlStore fresh = new CrawlStore(dir); // reads the files, no memory of the save
    assertEquals(articles, fresh.loadArticles());
    assertEquals(state, fresh.loadState());
    assertEquals(Set.of(), fresh.load().interruptedUrls());
  }

  @Test
  void foldsTheChangesIntoTheMainFilesOnceTheyGrow() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    Map<String, Article> articles = savedSite(store, 20);
    Map<String, UrlState> state = store.loadState();
    articles.put("http://h/p1/", post("http://h/p1/", "A long edit. ".repeat(200)));

    store.save(articles, state, report());

    assertFalse(Files.exists(dir.resolve(CrawlStore.CHANGES)));
    assertTrue(Files.readString(dir.resolve("articles.jsonl")).contains("A long edit."));
    assertEquals(articles, new CrawlStore(dir).loadArticles());
  }

  @Test
  void writesNothingWhenNothingChanged() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    Map<String, Article> articles = savedSite(store, 50);
    Object articlesFile = fileKey("articles.jsonl");

    store.save(articles, store.loadState(), report());

    assertEquals(articlesFile, fileKey("articles.jsonl"));
    assertFalse(Files.exists(dir.resolve(CrawlStore.CHANGES)));
  }

  @Test
  void readsAgainWhatAnotherStoreWrote() {
    CrawlStore first = new CrawlStore(dir);
    Map<String, Article> articles = savedSite(first, 50);
    CrawlStore second = new CrawlStore(dir);
    Map<String, Article> edited = new TreeMap<>(second.loadArticles());
    edited.put("http://h/p3/", post("http://h/p3/", "Edited by the second store."));
    second.save(edited, second.loadState(), report());

    assertEquals(edited, first.loadArticles());
    assertFalse(articles.equals(first.loadArticles()));
  }

  @Test
  void aCrashBeforeTheOldChangesWereDroppedLosesNothing() throws Exception {
    CrawlStore store = new CrawlStore(dir);
    Map<String, Article> articles = savedSite(store, 200);
    Map<String, UrlState> state = store.loadState();
    articles.put("http://h/p1/", post("http://h/p1/", "First edit."));
    store.save(articles, state, report());
    Path oldChanges = dir.resolve("old-changes");
    Files.copy(dir.resolve(CrawlStore.CHANGES), oldChanges);
    // the next crawl edits p1 again (journaled) and folds everything into the main files...
    try (CrawlJournal journal = store.openJournal()) {
      journal.putArticle("http://h/p1/", post("http://h/p1/", "Second edit. ".repeat(400)));
    }
    articles.put("http://h/p1/", post("http://h/p1/", "Second edit. ".repeat(400)));
    store.save(articles, state, report(), false);
    assertFalse(Files.exists(dir.resolve(CrawlStore.CHANGES)));
    // ...and is killed before it dropped the old changes file
    Files.move(oldChanges, dir.resolve(CrawlStore.CHANGES));

    assertEquals(articles, new CrawlStore(dir).loadArticles());
  }
}
