package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comments in the common markups, pingbacks and trackbacks kept, each comment once. */
class CommentReaderTest {
  private static final String URL = BLOG + "/2024/05/comments/";

  private static List<Article.Comment> commentsOf(String commentsHtml) {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\"><h1 class=\"entry-title\">"
        + "Comments</h1><div class=\"entry-content\"><p>The post itself.</p></div></article>" + commentsHtml);
    return HtmlPages.post(URL, html).comments();
  }

  private static String classic(String id, String author, String text) {
    return "<li id=\"comment-" + id + "\" class=\"comment even depth-1\"><article id=\"div-comment-" + id + "\" class=\"comment-body\">"
        + "<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">" + author + "</b> <span class=\"says\">"
        + "says:</span></div><div class=\"comment-metadata\"><a href=\"#comment-" + id + "\"><time datetime=\"2024-05-02T10:00:00+00:00\">"
        + "May 2</time></a></div></footer><div class=\"comment-content\"><p>" + text + "</p></div></article></li>";
  }

  @Test
  void commentPrintedByClassicCommentsAndACommentsBlockCountsOnce() {
    List<Article.Comment> comments = commentsOf("<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">"
        + classic("12", "Jo", "Agreed.") + "</ol></div><div class=\"wp-block-comments\"><ol class=\"wp-block-comment-template\">"
        + "<li id=\"comment-12\" class=\"comment even depth-1 wp-block-comment\"><div class=\"wp-block-comment-author-name\">Jo</div>"
        + "<div class=\"wp-block-comment-date\"><time datetime=\"2024-05-02T10:00:00+00:00\">May 2</time></div>"
        + "<div class=\"wp-block-comment-content\"><p>Agreed.</p></div></li></ol></div>");
    assertEquals(List.of(new Article.Comment("comment-12", "", "Jo", Instant.parse("2024-05-02T10:00:00Z"), "Agreed.")), comments);
  }

  @Test
  void keepsPingbacksAndTrackbacksPrintedWithoutCommentContent() {
    List<Article.Comment> comments = commentsOf("<ol class=\"comment-list\">" + classic("2", "Jo", "Nice.")
        + "<li id=\"comment-3\" class=\"pingback even thread-even depth-1\"><div class=\"comment-body\">Pingback: "
        + "<a href=\"https://other.example/post/\" rel=\"external nofollow ugc\" class=\"url\">Other post title</a>"
        + " <span class=\"edit-link\"><a class=\"comment-edit-link\" href=\"/wp-admin/comment.php?c=3\">Edit</a></span></div></li>"
        + "<li id=\"comment-4\" class=\"trackback odd depth-1\"><div class=\"comment-body\">Trackback: <a class=\"url\""
        + " href=\"https://else.example/\">Elsewhere</a><p>[…] a quoted excerpt of this post […]</p></div></li></ol>");
    assertEquals(List.of(
        new Article.Comment("comment-2", "", "Jo", Instant.parse("2024-05-02T10:00:00Z"), "Nice."),
        new Article.Comment("comment-3", "", "Other post title", null, "Other post title", Article.Comment.PINGBACK),
        new Article.Comment("comment-4", "", "Elsewhere", null, "Elsewhere\n\n[…] a quoted excerpt of this post […]",
            Article.Comment.TRACKBACK)), comments);
  }

  @Test
  void readsOldThemeCommentsWithCiteFnAndBareParagraphs() {
    List<Article.Comment> comments = commentsOf("<ol class=\"commentlist\"><li class=\"comment even depth-1\" id=\"li-comment-7\">"
        + "<div id=\"comment-7\"><div class=\"comment-author vcard\"><img class=\"avatar\" src=\"/a.png\" alt=\"\"><cite class=\"fn\">"
        + "Sam</cite> <span class=\"says\">says:</span></div><div class=\"comment-meta commentmetadata\"><a href=\"#comment-7\">"
        + "March 3, 2010 at 4:00 pm</a></div><p>First paragraph.</p><p>Second one.</p><div class=\"reply\">"
        + "<a class=\"comment-reply-link\" href=\"?replytocom=7\">Reply</a></div></div></li></ol>");
    assertEquals(List.of(new Article.Comment("comment-7", "", "Sam", null, "First paragraph.\n\nSecond one.")), comments);
  }

  @Test
  void readsDivStyleThreadedCommentsWithParents() {
    List<Article.Comment> comments = commentsOf("<div class=\"comment-list\"><div id=\"comment-21\" class=\"comment depth-1 parent\">"
        + "<article id=\"div-comment-21\" class=\"comment-body\"><div class=\"comment-author\"><span class=\"fn\">Ana</span></div>"
        + "<div class=\"comment-content\"><p>Top.</p></div></article><div class=\"children\"><div id=\"comment-22\""
        + " class=\"comment depth-2\"><article id=\"div-comment-22\" class=\"comment-body\"><div class=\"comment-author\">"
        + "<span class=\"fn\">Ben</span></div><div class=\"comment-content\"><p>Reply.</p></div></article></div></div></div></div>");
    assertEquals(List.of(
        new Article.Comment("comment-21", "", "Ana", null, "Top."),
        new Article.Comment("comment-22", "comment-21", "Ben", null, "Reply.")), comments);
  }

  @Test
  void readsStaticSiteCommentsWithAuthorAndBlockquote() {
    List<Article.Comment> comments = commentsOf("<section class=\"comments\"><div class=\"comment\" id=\"comment-3f2a\">"
        + "<p class=\"comment-author\">Lee</p><blockquote><p>Static comments work too.</p></blockquote></div></section>");
    assertEquals(List.of(new Article.Comment("comment-3f2a", "", "Lee", null, "Static comments work too.")), comments);
  }

  @Test
  void readsOceanwpCommentsWithNestedContentAndAuthorBesideTheDate() {
    List<Article.Comment> comments = commentsOf("<ol class=\"comment-list\"><li id=\"comment-145\" class=\"comment-container\">"
        + "<article class=\"comment even depth-1 comment-body\"><div class=\"comment-content\"><div class=\"comment-author\">"
        + "<span class=\"comment-link\">Grace Liu </span><span class=\"comment-meta commentmetadata\"><span class=\"comment-date\">"
        + "15 May 2024</span><a class=\"comment-reply-link\" href=\"#comment-145\" data-replyto=\"Reply to Grace Liu\">Reply</a>"
        + "</span></div><div class=\"comment-entry\"><div class=\"comment-content\"><p>Thank you.</p></div></div></div></article>"
        + "</li></ol>");
    assertEquals(List.of(new Article.Comment("comment-145", "", "Grace Liu", null, "Thank you.")), comments);
  }

  @Test
  void readsAuthorsFromBareFnAndCiteMarkupsWithoutReplyLinksInTheText() {
    List<Article.Comment> comments = commentsOf("<ol class=\"comment-list\"><li class=\"comment\" id=\"li-comment-61\">"
        + "<article id=\"comment-61\" class=\"comment-body\"><div class=\"comment_postinfo\"><span class=\"fn\">Chidi</span>"
        + "</div><div class=\"comment-content\"><p>Same here.</p><span class=\"reply-container\"><a class=\"comment-reply-link\""
        + " href=\"#comment-61\">Reply</a></span></div></article></li>"
        + "<li class=\"comment\" id=\"li-comment-771\"><article><footer><cite>Ingrid</cite></footer>"
        + "<div class=\"comment-content\"><p>Printed on my wall.</p></div><div class=\"comment-meta\" id=\"comment-771\"></div>"
        + "</article></li>"
        + "<li class=\"comment\" id=\"c11\"><div class=\"comment-header\"><cite class=\"user\"><a href=\"/profile/1\">Ravi</a>"
        + "</cite></div><p class=\"comment-content\">Do you share it?</p></li></ol>");
    assertEquals(List.of("Chidi", "Ingrid", "Ravi"), comments.stream().map(Article.Comment::author).toList());
    assertEquals(List.of("Same here.", "Printed on my wall.", "Do you share it?"),
        comments.stream().map(Article.Comment::text).toList());
  }

  @Test
  void takesTheAuthorFromTheReplyLinkWhenNoNameElementMatches() {
    List<Article.Comment> comments = commentsOf("<ol class=\"comment-list\"><li class=\"comment\" id=\"comment-9\">"
        + "<div class=\"comment-content\"><p>Good point.</p></div><a class=\"comment-reply-link\" href=\"#comment-9\""
        + " aria-label=\"Reply to Helen Okafor\">Reply</a></li></ol>");
    assertEquals(List.of("Helen Okafor"), comments.stream().map(Article.Comment::author).toList());
  }
}
