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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl output as an interrupted crawl leaves it: only a journal, maybe with a torn last line. */
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
}
