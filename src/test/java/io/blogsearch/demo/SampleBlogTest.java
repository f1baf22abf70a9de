package io.blogsearch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled articles meet the brief: enough real prose, authors, dates, terms and comments. */
class SampleBlogTest {
  private final SampleBlog blog = SampleBlog.load();

  @Test
  void indexListsEveryArticleFile() throws Exception {
    Path dir = Path.of("src/main/resources/demo-blog/posts");
    Set<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    Set<String> listed = Set.copyOf(Files.readAllLines(Path.of("src/main/resources/demo-blog/index.txt")));
    assertEquals(files, listed);
    assertEquals(files.size(), blog.posts().size());
  }

  @Test
  void hasBetween30And40ArticlesOf300To900Words() {
    assertTrue(blog.posts().size() >= 30 && blog.posts().size() <= 40, "count " + blog.posts().size());
    for (SamplePost p : blog.posts()) {
      int words = p.plainBody().split("\\s+").length;
      assertTrue(words >= 300 && words <= 900, p.slug() + " has " + words + " words");
    }
  }

  @Test
  void hasADozenAuthorsAndDatesOverSeveralYears() {
    assertEquals(12, blog.posts().stream().map(SamplePost::author).distinct().count());
    Set<Integer> years = blog.posts().stream().map(p -> p.published().atZone(java.time.ZoneOffset.UTC).getYear())
        .collect(Collectors.toSet());
    assertTrue(years.size() >= 5, "years " + years);
  }

  @Test
  void everyPostHasOneOrTwoCategoriesTwoToSixTagsAndThreeToFiveSimilarPosts() {
    for (SamplePost p : blog.posts()) {
      assertTrue(p.categories().size() >= 1 && p.categories().size() <= 2, p.slug());
      assertTrue(p.tags().size() >= 2 && p.tags().size() <= 6, p.slug());
      assertTrue(p.similar().size() >= 3 && p.similar().size() <= 5, p.slug());
      for (String s : p.similar()) {
        assertTrue(blog.bySlug(s).isPresent() && !s.equals(p.slug()), p.slug() + " -> " + s);
      }
    }
  }

  @Test
  void commentsAreVariedAndSomeAreThreaded() {
    List<Integer> counts = blog.posts().stream().map(p -> p.comments().size()).toList();
    assertTrue(counts.stream().allMatch(c -> c <= 5));
    assertTrue(counts.stream().filter(c -> c == 0).count() >= 5);
    assertTrue(counts.stream().filter(c -> c >= 3).count() >= 10);
    long threaded = blog.posts().stream().filter(p -> p.comments().stream().anyMatch(c -> c.parent() != 0)).count();
    assertTrue(threaded >= 8, "threaded posts " + threaded);
    for (SamplePost p : blog.posts()) {
      Set<Integer> seen = new HashSet<>();
      for (SamplePost.SampleComment c : p.comments()) {
        assertTrue(c.parent() == 0 || seen.contains(c.parent()), p.slug() + " comment " + c.id());
        assertTrue(c.date().isAfter(p.published()), p.slug() + " comment " + c.id());
        seen.add(c.id());
      }
    }
  }

  @Test
  void postIdsFollowPublicationOrderAndPathsAreWordPressPermalinks() {
    List<SamplePost> posts = blog.posts();
    for (int i = 0; i < posts.size(); i++) {
      assertEquals(i + 1, posts.get(i).id());
    }
    SamplePost p = blog.bySlug("your-first-90-days-as-a-new-manager").orElseThrow();
    assertEquals("/2019/05/20/your-first-90-days-as-a-new-manager/", p.path());
  }

  @Test
  void slugsFollowWordPressRules() {
    assertEquals("people-hr", SamplePost.slugOf("People & HR"));
    assertEquals("1-1-meetings", SamplePost.slugOf("1:1 meetings"));
    assertEquals("liam-oconnor", SamplePost.slugOf("Liam O'Connor"));
  }
}
