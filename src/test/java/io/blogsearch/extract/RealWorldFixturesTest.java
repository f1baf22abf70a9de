package io.blogsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Checks the real-world fixtures themselves, not the extractor (its accuracy is measured by
 * {@link RealWorldFixturesBenchmark}): every page parses, every expectation is complete and
 * consistent with the page it describes.
 */
class RealWorldFixturesTest {
  private final List<RealWorldFixtures.Fixture> fixtures = RealWorldFixtures.load();

  @Test
  void holdsAtLeastFifteenPostsAnArchiveAndAnOtherPage() {
    assertTrue(fixtures.stream().filter(f -> f.kind() == PageKind.POST).count() >= 15, "positive fixtures");
    assertTrue(fixtures.stream().anyMatch(f -> f.kind() == PageKind.ARCHIVE), "an archive fixture");
    assertTrue(fixtures.stream().anyMatch(f -> f.kind() == PageKind.OTHER), "an OTHER fixture");
  }

  @Test
  void everyHtmlFileHasItsExpectations() throws IOException {
    Path dir = RealWorldFixtures.directory();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String name = html.getFileName().toString().replace(".html", ".expected.json");
        assertTrue(Files.exists(dir.resolve(name)), "missing " + name);
      }
    }
  }

  @Test
  void everyExpectationHasAllKeysOfItsKind() {
    for (RealWorldFixtures.Fixture f : fixtures) {
      List<String> keys = f.kind() == PageKind.POST ? RealWorldFixtures.POST_KEYS : RealWorldFixtures.OTHER_KEYS;
      for (String key : keys) {
        assertTrue(f.expected().has(key), f.name() + " lacks " + key);
      }
      if (f.kind() != PageKind.POST) {
        continue;
      }
      JsonNode e = f.expected();
      for (String list : List.of("categories", "tags", "bodyMustNotContain", "commentAuthors")) {
        assertTrue(e.get(list).isArray(), f.name() + " " + list + " is a list");
      }
      assertFalse(RealWorldFixtures.strings(e.get("bodyMustNotContain")).isEmpty(), f.name() + " bodyMustNotContain");
      assertEquals(e.get("commentCount").asInt(), e.get("commentAuthors").size(), f.name() + " comment count");
      Instant.parse(e.get("published").asText());
    }
  }

  @Test
  void everyPageDeclaresTheExpectedCanonicalUrl() {
    for (RealWorldFixtures.Fixture f : fixtures) {
      Document doc = f.parse();
      Element canonical = doc.selectFirst("link[rel=canonical][href]");
      assertTrue(canonical != null, f.name() + " has a canonical link");
      assertEquals(f.url(), canonical.absUrl("href"), f.name() + " canonical");
      assertFalse(doc.title().isBlank(), f.name() + " has a <title>");
    }
  }

  /** Every expected string must be on the page, so that no check passes or fails vacuously. */
  @Test
  void everyExpectedTextIsOnThePage() {
    for (RealWorldFixtures.Fixture f : fixtures) {
      if (f.kind() != PageKind.POST) {
        continue;
      }
      Document doc = f.parse();
      String text = RealWorldFixtures.fold(doc.body().text());
      String metas = RealWorldFixtures.fold(doc.select("meta[content]").eachAttr("content").toString());
      JsonNode e = f.expected();
      for (String key : List.of("title", "author", "bodyStartsWith", "bodyEndsWith")) {
        String value = RealWorldFixtures.fold(e.get(key).asText());
        assertTrue(text.contains(value), f.name() + " " + key + " not on page: " + value);
      }
      String excerpt = RealWorldFixtures.fold(e.get("excerptStartsWith").asText());
      assertTrue(text.contains(excerpt) || metas.contains(excerpt), f.name() + " excerpt not on page: " + excerpt);
      for (String list : List.of("bodyMustNotContain", "commentAuthors")) {
        for (String value : RealWorldFixtures.strings(e.get(list))) {
          assertTrue(text.contains(RealWorldFixtures.fold(value)), f.name() + " " + list + " not on page: " + value);
        }
      }
      // Some platforms name tags only in the head (article:tag, JSON-LD keywords).
      String page = RealWorldFixtures.fold(doc.outerHtml());
      for (String list : List.of("categories", "tags")) {
        for (String value : RealWorldFixtures.strings(e.get(list))) {
          assertTrue(page.contains(RealWorldFixtures.fold(value)), f.name() + " " + list + " not in page: " + value);
        }
      }
    }
  }

  /** The post text between the expected start and end is a realistic length: 300 to 700 words. */
  @Test
  void everyPostIsThreeToSevenHundredWords() {
    List<String> outOfRange = new ArrayList<>();
    for (RealWorldFixtures.Fixture f : fixtures) {
      if (f.kind() != PageKind.POST) {
        continue;
      }
      String text = RealWorldFixtures.fold(f.parse().body().text());
      int start = text.indexOf(RealWorldFixtures.fold(f.expected().get("bodyStartsWith").asText()));
      String end = RealWorldFixtures.fold(f.expected().get("bodyEndsWith").asText());
      int stop = text.indexOf(end, Math.max(start, 0));
      assertTrue(start >= 0 && stop > start, f.name() + " body start precedes its end");
      int words = text.substring(start, stop + end.length()).split(" ").length;
      if (words < 300 || words > 700) {
        outOfRange.add(f.name() + " " + words);
      }
    }
    assertEquals(List.of(), outOfRange, "posts outside 300..700 words");
  }
}
