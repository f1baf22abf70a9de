package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Posts split with {@code <!--nextpage-->}: page 1 is the post, later pages continue it. */
class PaginationTest {
  private static final String POST = BLOG + "/2024/06/long-read/";

  private static String page(String canonical, String text, String pageLinks) {
    return wordpressSingle("<link rel=\"canonical\" href=\"" + canonical + "\">", SINGLE_POST,
        "<article class=\"post-9 post type-post hentry\"><h1 class=\"entry-title\">Long read</h1><div class=\"entry-content\">"
            + "<p>" + text + "</p>" + pageLinks + "</div></article>"
            + "<nav class=\"navigation post-navigation\"><a href=\"/2024/05/older/\" rel=\"prev\">1 older</a></nav>");
  }

  private static String links(String... items) {
    return "<nav class=\"page-links\" aria-label=\"Page\"><span class=\"screen-reader-text\">Page</span> "
        + String.join(" ", items) + "</nav>";
  }

  private static String current(int n) {
    return "<span class=\"post-page-numbers current\" aria-current=\"page\">" + n + "</span>";
  }

  private static String link(String href, int n) {
    return "<a href=\"" + href + "\" class=\"post-page-numbers\">" + n + "</a>";
  }

  @Test
  void firstPageIsThePostAndListsItsLaterPages() {
    PageAnalysis p = HtmlPages.analyze(POST, page(POST, "Part one.", links(current(1), link(POST + "2/", 2), link(POST + "3/", 3))));
    assertEquals(PageKind.POST, p.kind());
    assertEquals(new PageAnalysis.Pagination(1, POST, List.of(POST + "2/", POST + "3/")), p.pagination());
    assertEquals("Part one.", p.article().orElseThrow().body(), "page links are not body text");
    assertEquals(java.util.Optional.empty(), p.continuationText(), "page 1 is not a continuation");
  }

  @Test
  void laterPageIsAContinuationCarryingItsBody() {
    PageAnalysis p = HtmlPages.analyze(POST + "2/", page(POST + "2/", "Part two.",
        links(link(POST, 1), current(2), link(POST + "3/", 3))));
    assertEquals(PageKind.OTHER, p.kind());
    assertEquals("page 2 of " + POST, p.kindReason());
    assertEquals(new PageAnalysis.Pagination(2, POST, List.of(POST + "2/", POST + "3/")), p.pagination());
    assertTrue(p.pagination().isContinuation());
    assertEquals("Part two.", p.article().orElseThrow().body());
    assertEquals(java.util.Optional.of("Part two."), p.continuationText());
  }

  @Test
  void readsTwentyTwentyOnePageLinksLabelledPageN() {
    PageAnalysis p = HtmlPages.analyze(POST, page(POST, "Post Page 1", "<nav class=\"page-links\" aria-label=\"Page\">"
        + " <span class=\"post-page-numbers current\" aria-current=\"page\">Page 1</span> <a href=\"" + POST + "2/\""
        + " class=\"post-page-numbers\">Page 2</a> <a href=\"" + POST + "3/\" class=\"post-page-numbers\">Page 3</a></nav>"));
    assertEquals(new PageAnalysis.Pagination(1, POST, List.of(POST + "2/", POST + "3/")), p.pagination());
    assertEquals("Post Page 1", p.article().orElseThrow().body());
  }

  @Test
  void readsNonPrettyPermalinkPages() {
    String first = BLOG + "/?p=9";
    PageAnalysis p = HtmlPages.analyze(BLOG + "/?p=9&page=3", page(BLOG + "/?p=9&page=3", "Part three.",
        links(link(first, 1), link(BLOG + "/?p=9&page=2", 2), current(3))));
    assertEquals("page 3 of " + first, p.kindReason());
    assertEquals(new PageAnalysis.Pagination(3, first, List.of(BLOG + "/?p=9&page=2", BLOG + "/?p=9&page=3")), p.pagination());
  }

  @Test
  void readsOldPageLinksMarkupWithUnlinkedCurrentPage() {
    PageAnalysis p = HtmlPages.analyze(POST, page(POST, "Part one.",
        "<div class=\"page-links\">Pages: 1 <a href=\"" + POST + "2/\"><span>2</span></a></div>"));
    assertEquals(new PageAnalysis.Pagination(1, POST, List.of(POST + "2/")), p.pagination());
    assertEquals("Part one.", p.article().orElseThrow().body());
  }

  @Test
  void previousAndNextPostLinksAreNotPages() {
    PageAnalysis p = HtmlPages.analyze(POST, page(POST, "Only part.", ""));
    assertEquals(PageAnalysis.Pagination.SINGLE, p.pagination());
    assertEquals(PageKind.POST, p.kind());
  }
}
