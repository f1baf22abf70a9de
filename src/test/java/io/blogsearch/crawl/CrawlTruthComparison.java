package io.blogsearch.crawl;

import io.blogsearch.extract.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A crawl of a WordPress compared, post by post and field by field, with what WordPress says it
 * holds ({@link WordPressTruth}): a per-field accuracy table and every mismatch. Text is compared
 * with WordPress's typography folded ({@link WordPressCrawlTest#plain}); lists of names as sets,
 * comments as multisets.
 */
final class CrawlTruthComparison {
  /** Pages may cost at most this many requests each (robots.txt, feeds, retries and redirects included). */
  static final double MAX_REQUESTS_PER_PAGE = 1.5;
  private static final int SNIPPET_WORDS = 8;

  record Mismatch(String url, String field, String expected, String got) {}

  private final Map<String, int[]> fields = new LinkedHashMap<>();
  private final List<Mismatch> mismatches = new ArrayList<>();
  private final long requests;
  private final long pages;
  private final String outcomes;

  CrawlTruthComparison(WordPressTruth truth, Map<String, Article> stored, CrawlReport report) {
    for (String f : List.of("indexed", "title", "author", "published", "categories", "tags", "comments", "commentAuthors",
        "commentTypes", "commentDates", "commentThreads", "bodyStart", "lastPage")) {
      fields.put(f, new int[2]);
    }
    for (WordPressTruth.Post p : truth.posts()) {
      comparePost(p, stored.get(p.url()));
    }
    Set<String> posts = truth.posts().stream().map(WordPressTruth.Post::url).collect(Collectors.toSet());
    List<UrlOutcome> indexed = report.outcomes().stream().filter(o -> o.outcome() == Outcome.INDEXED).toList();
    Set<String> extra = new TreeSet<>();
    stored.keySet().stream().filter(u -> !posts.contains(u)).forEach(extra::add);
    indexed.stream().map(UrlOutcome::url).filter(u -> !posts.contains(u)).forEach(extra::add);
    int[] onlyPosts = fields.computeIfAbsent("onlyPosts", k -> new int[2]);
    onlyPosts[1] = posts.size() + extra.size();
    onlyPosts[0] = posts.size();
    for (String u : extra) {
      mismatches.add(new Mismatch(u, "onlyPosts", "not indexed (" + kindOf(truth, u) + ")", "indexed"));
    }
    outcomes = new TreeMap<>(report.counts()).toString() + (report.complete() ? "" : ", stopped: " + report.stopReason());
    if (!report.complete()) {
      mismatches.add(new Mismatch(truth.home(), "crawlComplete", "the crawl finishes",
          "stopped: " + report.stopReason() + (report.fatalError() == null ? "" : ", " + report.fatalError())));
    }
    requests = report.requests();
    // Pages the crawl kept or skipped after fetching; URLs refused before any request (exclude
    // rules, robots.txt, trap rules) are not pages.
    pages = report.outcomes().stream().filter(o -> o.outcome() != Outcome.EXCLUDED && o.outcome() != Outcome.ROBOTS_BLOCKED
            && o.outcome() != Outcome.TRAP)
        .map(UrlOutcome::url).distinct().count();
    if (!requestsWithinBudget()) {
      mismatches.add(new Mismatch(truth.home(), "requests", "<= " + MAX_REQUESTS_PER_PAGE + " x " + pages + " pages = "
          + (long) Math.floor(MAX_REQUESTS_PER_PAGE * pages), String.valueOf(requests)));
    }
  }

  private static String kindOf(WordPressTruth truth, String url) {
    if (truth.protectedPosts().stream().anyMatch(o -> o.url().equals(url))) {
      return "password-protected post";
    }
    if (truth.emptyPosts() != null && truth.emptyPosts().stream().anyMatch(o -> o.url().equals(url))) {
      return "post with no content";
    }
    if (truth.unpublished().stream().anyMatch(o -> o.url().equals(url))) {
      return "unpublished post";
    }
    return truth.notPosts().contains(url) ? "page, attachment or page 2+ of a post" : "not a post";
  }

  private void comparePost(WordPressTruth.Post p, Article a) {
    check(p.url(), "indexed", "indexed", a == null ? "not indexed" : "indexed");
    if (a == null) {
      // Every other field of a missing post counts as wrong, but the one line above says why.
      fields.forEach((f, n) -> n[1] += f.equals("indexed") || (f.equals("lastPage") && !p.pagesLinked()) ? 0 : 1);
      return;
    }
    // An untitled post stays untitled (some themes print "Untitled" in its place).
    check(p.url(), "title", p.title() == null || p.title().isBlank() ? "" : plain(p.titleText()), plain(a.title()));
    check(p.url(), "author", plain(p.author()), plain(a.author()));
    check(p.url(), "published", Instant.parse(p.date()).toString(), Objects.toString(a.published(), "null"));
    check(p.url(), "categories", names(p.categories()), names(a.categories()));
    check(p.url(), "tags", names(p.tags()), names(a.tags()));
    List<WordPressTruth.Comment> want = p.comments();
    List<Article.Comment> got = a.comments();
    check(p.url(), "comments", String.valueOf(want.size()), String.valueOf(got.size()));
    check(p.url(), "commentAuthors", multiset(want, c -> plain(c.author())), multiset(got, c -> plain(c.author())));
    check(p.url(), "commentTypes", multiset(want, WordPressTruth.Comment::type), multiset(got, Article.Comment::type));
    // Dates of comments only: WordPress's classic comment walker prints none for pingbacks and trackbacks.
    check(p.url(), "commentDates", multiset(want.stream().filter(c -> c.type().equals("comment")).toList(),
        c -> Instant.parse(c.date()).toString()), multiset(got.stream().filter(c -> c.type().equals("comment")).toList(),
        c -> Objects.toString(c.date(), "null")));
    check(p.url(), "commentThreads", multiset(want, c -> c.id() + "<-" + c.parent()),
        multiset(got, c -> c.id() + "<-" + c.parentId()));
    String body = plain(a.body());
    String start = snippet(p.firstPageText());
    if (!start.isEmpty()) {
      check(p.url(), "bodyStart", "contains: " + start, body.contains(start) ? "contains: " + start : "body: " + body);
    }
    if (p.pages() > 1 && p.pagesLinked()) {
      String last = snippet(p.lastPageText());
      check(p.url(), "lastPage", "contains page " + p.pages() + ": " + last,
          body.contains(last) ? "contains page " + p.pages() + ": " + last : "body: " + body);
    }
  }

  private void check(String url, String field, String expected, String got) {
    int[] n = fields.get(field);
    n[1]++;
    if (expected.equals(got)) {
      n[0]++;
    } else {
      mismatches.add(new Mismatch(url, field, expected, got));
    }
  }

  private static String plain(String s) {
    return s == null ? "null" : WordPressCrawlTest.plain(s);
  }

  private static String names(List<String> names) {
    return names.stream().map(CrawlTruthComparison::plain).collect(Collectors.toCollection(TreeSet::new)).toString();
  }

  private static <T> String multiset(List<T> items, Function<T, String> key) {
    return items.stream().map(key).sorted().toList().toString();
  }

  /** The first words of a page's text, folded: what the article body must contain. */
  private static String snippet(String text) {
    String[] words = plain(text == null ? "" : text).split(" ");
    return String.join(" ", Arrays.copyOf(words, Math.min(words.length, SNIPPET_WORDS))).strip();
  }

  boolean requestsWithinBudget() {
    return requests <= MAX_REQUESTS_PER_PAGE * pages;
  }

  List<Mismatch> mismatches() {
    return List.copyOf(mismatches);
  }

  /** The accuracy table and the mismatch list, as printed and written to the report file. */
  String describe(String heading) {
    StringBuilder out = new StringBuilder("== ").append(heading).append('\n');
    out.append(String.format("%-16s %s%n", "field", "correct/total"));
    fields.forEach((f, n) -> out.append(String.format("%-16s %d/%d%n", f, n[0], n[1])));
    out.append(String.format("%-16s %d requests for %d pages (%.2f per page, at most %.1f)%n", "requests", requests, pages,
        pages == 0 ? 0.0 : (double) requests / pages, MAX_REQUESTS_PER_PAGE));
    out.append(String.format("%-16s %s%n", "outcomes", outcomes));
    out.append("mismatches (").append(mismatches.size()).append("):\n");
    for (Mismatch m : mismatches) {
      out.append("  ").append(m.url()).append(" | ").append(m.field()).append("\n    expected: ").append(cut(m.expected()))
          .append("\n    got:      ").append(cut(m.got())).append('\n');
    }
    return out.toString();
  }

  private static String cut(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
  }
}
