package io.blogsearch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HandbookCorpusTest {
  static final Path CONTENT = Path.of("../shared/corpora/handbook/content");

  @Test
  void convertsMarkdownToTheTinyMarkup() {
    String md = "# Title\n\nSome *emphasis* and [a link](/handbook/x/).\n\n- one\n- two\n  - nested\n\n```\ncode\n```\n\n<div>html</div>\n";
    assertEquals("## Title\n\nSome emphasis and a link.\n\n- one\n\n- two\n\n- nested",
        HandbookCorpus.toTinyMarkup(Parser.builder().build().parse(md)));
  }

  @Test
  void loadsEveryHandbookPageWithSectionsAndLinks() {
    Assumptions.assumeTrue(Files.isDirectory(CONTENT), "../shared/corpora/handbook is not present");
    HandbookCorpus.Corpus c = HandbookCorpus.load(CONTENT);
    assertEquals(4136, c.blog().posts().size());
    SamplePost leadership = c.blog().bySlug("handbook-leadership").orElseThrow();
    assertEquals("Leadership", leadership.title());
    assertEquals(List.of("leadership"), leadership.categories());
    assertTrue(leadership.plainBody().startsWith("This page contains leadership pointers."), leadership.plainBody());
    assertFalse(leadership.plainBody().contains("]("));
    assertTrue(c.links().get("handbook-leadership").contains("handbook-values"));
    long links = c.links().values().stream().mapToLong(java.util.Set::size).sum();
    assertTrue(links > 10_000, "internal links resolved: " + links);
    assertEquals(c.blog().posts().size(), c.blog().posts().stream().map(SamplePost::slug).distinct().count());
    assertEquals(c.blog().posts().size(), c.blog().posts().stream().map(SamplePost::path).distinct().count());
  }
}
