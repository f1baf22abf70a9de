package io.blogsearch.crawl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * What WordPress itself says a blog holds, as printed by scripts/wordpress/dump-truth.php (see
 * there for what each field means): the ground truth a crawl is compared with.
 *
 * @param home the blog's home URL
 * @param posts every published post without a password
 * @param protectedPosts published posts with a password (WordPress shows a form instead of them)
 * @param emptyPosts published posts with no content at all (never indexed: nothing to search)
 * @param unpublished drafts, pending, private and scheduled posts
 * @param notPosts public URLs that are not posts: pages, attachment pages, pages 2..n of multi-page posts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WordPressTruth(
    String home,
    List<Post> posts,
    @JsonProperty("protected") List<Other> protectedPosts,
    @JsonProperty("empty") List<Other> emptyPosts,
    List<Other> unpublished,
    List<String> notPosts) {

  static WordPressTruth parse(String json) throws IOException {
    return new ObjectMapper().readValue(json, WordPressTruth.class);
  }

  /** A published post; dates are ISO instants in UTC, {@code date} as the post page shows it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Post(
      int id,
      String url,
      String slug,
      String title,
      String titleHtml,
      String titleText,
      String author,
      String date,
      String dateGmt,
      String modified,
      List<String> categories,
      List<String> tags,
      boolean sticky,
      String format,
      String commentStatus,
      int pages,
      boolean pagesLinked,
      String firstPageText,
      String lastPageText,
      String excerpt,
      List<Comment> comments) {}

  /** An approved comment, pingback or trackback; ids as WordPress prints them ({@code comment-N}), parent as shown. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Comment(String id, String parent, String storedParent, String author, String date, String dateGmt, String type) {}

  /** A post that must not be indexed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Other(int id, String url, String title, String status) {}
}
