package io.blogsearch.extract;

import io.blogsearch.config.Selectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads reader comments, pingbacks and trackbacks. A comment is identified by its WordPress id
 * ({@code comment-12}, from {@code li#comment-12}, {@code div#comment-12} or an inner
 * {@code #div-comment-12}); a page printing the same comment twice (classic comments and a
 * Comments block) yields it once. Classic themes print pingbacks without {@code .comment-content}:
 * their text is the linking page's title and whatever excerpt follows.
 */
final class CommentReader {
  private static final Pattern COMMENT_ID = Pattern.compile("(?:div-)?comment-(\\d+)");
  private static final Pattern SAYS = Pattern.compile("\\s+says:?$");
  private static final Pattern PING_LABEL = Pattern.compile("^(?i)(pingback|trackback)\\s*:\\s*");
  private static final String NOT_TEXT = ".comment-meta, .comment-metadata, .commentmetadata, .comment-author,"
      + " .reply, .comment-reply-link, .edit-link, .comment-edit-link, .says, .avatar, footer, "
      + Boilerplate.FURNITURE;

  /** Inside an author or text element: the date, reply and edit links some themes print there too. */
  private static final String NOT_NAME_OR_TEXT = ".comment-meta, .comment-metadata, .commentmetadata, .reply,"
      + " .comment-reply-link, .ast-comment-edit-reply-wrap, .reply-container, .comment-edit-link, .edit-link,"
      + " .comment-actions, .says, .avatar, time";
  private static final Pattern REPLY_TO = Pattern.compile("^(?i)reply to\\s+");

  private final Selectors selectors;

  CommentReader(Selectors selectors) {
    this.selectors = selectors;
  }

  List<Article.Comment> read(Document doc) {
    Map<String, Article.Comment> byId = new LinkedHashMap<>();
    List<Article.Comment> withoutId = new ArrayList<>();
    for (Element c : doc.select(selectors.comment())) {
      Article.Comment comment = read(c);
      if (comment == null) {
        continue;
      }
      if (comment.id().isEmpty()) {
        withoutId.add(comment);
      } else {
        byId.putIfAbsent(comment.id(), comment);
      }
    }
    List<Article.Comment> out = new ArrayList<>(byId.values());
    out.addAll(withoutId);
    return out;
  }

  private Article.Comment read(Element c) {
    String type = c.hasClass("pingback") ? Article.Comment.PINGBACK
        : c.hasClass("trackback") ? Article.Comment.TRACKBACK : Article.Comment.COMMENT;
    Element authorEl = ownFirst(c, selectors.commentAuthor());
    Element textEl = innermost(ownFirst(c, selectors.commentContent()));
    String text = textEl != null ? TextBlocks.of(withoutMeta(textEl)) : fallbackText(c);
    if (text.isEmpty()) {
      return null;
    }
    String author = authorEl == null ? "" : SAYS.matcher(withoutMeta(authorEl).text().strip()).replaceFirst("");
    if (author.isEmpty() && type.equals(Article.Comment.COMMENT)) {
      author = replyToName(c);
    }
    if (author.isEmpty() && !type.equals(Article.Comment.COMMENT)) {
      Element link = c.selectFirst("a.url, a[href]");
      author = link == null ? "" : link.text().strip();
    }
    Element owner = ownerOf(c);
    return new Article.Comment(idOf(c), owner == null ? "" : idOf(owner), author,
        FieldReader.dateOf(ownFirst(c, selectors.commentDate())), text, type);
  }

  /** A copy of {@code e} without the date, reply and edit links. */
  private static Element withoutMeta(Element e) {
    Element copy = e.clone();
    copy.select(NOT_NAME_OR_TEXT).remove();
    return copy;
  }

  /**
   * The innermost text element inside {@code e}: OceanWP wraps the author, date and text in one
   * {@code .comment-content} and puts the text in a second one inside it.
   */
  private Element innermost(Element e) {
    Element current = e;
    for (Element inner = inner(current); inner != null; inner = inner(current)) {
      current = inner;
    }
    return current;
  }

  /** A descendant matching the same alternative as {@code e} (so a quote in a comment is not taken). */
  private Element inner(Element e) {
    if (e == null) {
      return null;
    }
    for (String css : Css.alternatives(selectors.commentContent())) {
      if (e.is(css)) {
        return Css.first(e, css, x -> x != e);
      }
    }
    return null;
  }

  /** The name in WordPress's reply link ({@code data-replyto="Reply to Grace Liu"}), or "". */
  private String replyToName(Element c) {
    Element link = ownFirst(c, "a.comment-reply-link[data-replyto], a.comment-reply-link[aria-label]");
    if (link == null) {
      return "";
    }
    String label = link.hasAttr("data-replyto") ? link.attr("data-replyto") : link.attr("aria-label");
    Matcher m = REPLY_TO.matcher(label.strip());
    return m.find() ? label.strip().substring(m.end()).strip() : "";
  }

  /** The comment's own text when no content selector matched: its body without meta, author or reply links. */
  private String fallbackText(Element c) {
    Element body = c.clone();
    body.select(selectors.comment()).remove();
    Element inner = body.selectFirst(".comment-body");
    Element textRoot = inner != null ? inner : body;
    textRoot.select(NOT_TEXT).remove();
    String text = TextBlocks.of(textRoot);
    return PING_LABEL.matcher(text).replaceFirst("").strip();
  }

  /** {@code comment-N} from the element's id or an inner {@code div-comment-N}, else its id as is. */
  String idOf(Element c) {
    Matcher own = COMMENT_ID.matcher(c.id());
    if (own.matches()) {
      return "comment-" + own.group(1);
    }
    for (Element inner : c.select("[id^=div-comment-], [id^=comment-]")) {
      Matcher m = COMMENT_ID.matcher(inner.id());
      if (m.matches() && ownerOf(inner) == c) {
        return "comment-" + m.group(1);
      }
    }
    return c.id();
  }

  private Element ownerOf(Element c) {
    return c.parents().stream().filter(p -> p.is(selectors.comment())).findFirst().orElse(null);
  }

  /** The first match of {@code group} (alternatives in order) inside {@code comment}, not in a nested reply. */
  private Element ownFirst(Element comment, String group) {
    return Css.first(comment, group, e -> e != comment && ownerOf(e) == comment);
  }
}
