package io.blogsearch.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedStoreTest {
  @TempDir Path dir;

  private static RelatedItem item(String url, String title, double score) {
    return new RelatedItem(url, title, "Excerpt of " + url, Instant.parse("2024-05-01T10:00:00Z"), score,
        List.of("shares tag: feedback", "similar topic (0.81)"));
  }

  private static RelatedSet sample() {
    Map<String, RelatedList> lists = Map.of(
        "http://h/a/", new RelatedList(List.of(item("http://h/b/", "B", 0.9), item("http://h/c/", "C", 0.5)), false),
        "http://h/b/", new RelatedList(List.of(item("http://h/a/", "A", 0.8), item("http://h/c/", "C", 0.4)), false),
        // kept from before C's title was edited: its own copy must survive
        "http://h/d/", new RelatedList(List.of(item("http://h/c/", "C, old title", 0.3)), true));
    return new RelatedSet(lists, Map.of("http://h/a/", "f1", "options", "o"), List.of("http://h/tag/x/"), 12, 3);
  }

  @Test
  void roundTripsEveryListItemExactly() {
    RelatedSet set = sample();

    RelatedStore.save(set, dir);

    assertEquals(set, RelatedStore.load(dir));
  }

  @Test
  void writesEachRecommendedPostOnce() throws Exception {
    RelatedStore.save(sample(), dir);

    String json = Files.readString(dir.resolve(RelatedStore.FILE));
    assertEquals(1, json.split("Excerpt of http://h/a/", -1).length - 1);
    assertEquals(2, json.split("Excerpt of http://h/c/", -1).length - 1); // shared entry + the old-title copy
    assertEquals(1, json.split("similar topic \\(0.81\\)", -1).length - 1);
  }

  @Test
  void loadedListsShareReasonLists() {
    RelatedStore.save(sample(), dir);

    RelatedSet loaded = RelatedStore.load(dir);

    assertSame(loaded.lists().get("http://h/a/").items().get(0).reasons(),
        loaded.lists().get("http://h/b/").items().get(1).reasons());
  }

  @Test
  void readsTheFormatWrittenBeforePostsWereShared() throws Exception {
    RelatedSet set = sample();
    new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValue(dir.resolve(RelatedStore.FILE).toFile(), set);
    assertFalse(Files.readString(dir.resolve(RelatedStore.FILE)).contains("\"format\""));

    assertEquals(set, RelatedStore.load(dir));
  }
}
