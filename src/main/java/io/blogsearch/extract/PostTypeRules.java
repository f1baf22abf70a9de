package io.blogsearch.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Which WordPress post type a single page shows, read from the classes WordPress prints:
 * {@code single single-<type> postid-N} on the body, {@code page page-id-N} for pages, and
 * {@code type-<type>} on the post element when a theme strips the body classes. Only the types
 * listed in {@code selectors.postTypes} are posts; custom types (testimonials, products,
 * portfolio items) and attachments are not.
 */
final class PostTypeRules {
  /** Body classes of the form {@code single-*} that name a template or layout, not a post type. */
  private static final List<String> NOT_TYPE_PREFIXES = List.of("single-format-", "single-template-");
  private static final Set<String> NOT_TYPES = Set.of("single-author", "single-paged");

  /** A page's post type and the class that said so. */
  record PostType(String type, String signal) {}

  private PostTypeRules() {}

  /** The post type of a single WordPress page, empty when the classes do not say (archives, other engines). */
  static Optional<PostType> of(Set<String> bodyClasses, Element postElement) {
    boolean single = bodyClasses.contains("single") || bodyClasses.contains("singular");
    List<String> named = bodyClasses.stream()
        .filter(c -> c.startsWith("single-") && !NOT_TYPES.contains(c))
        .filter(c -> NOT_TYPE_PREFIXES.stream().noneMatch(c::startsWith))
        .toList();
    if (!named.isEmpty()) {
      // WordPress prints single-<type> right after single; a theme's own single-* classes may follow
      String stated = ofElement(postElement).map(t -> "single-" + t.type()).filter(named::contains)
          .orElse(named.get(0));
      return Optional.of(new PostType(stated.substring("single-".length()), "body class " + stated));
    }
    if (bodyClasses.contains("page") && bodyClasses.stream().anyMatch(c -> c.startsWith("page-id-"))) {
      return Optional.of(new PostType("page", "body class page"));
    }
    if (bodyClasses.contains("attachment")) {
      return Optional.of(new PostType("attachment", "body class attachment"));
    }
    boolean postId = bodyClasses.stream().anyMatch(c -> c.startsWith("postid-"));
    if (single && postId) {
      return Optional.of(ofElement(postElement).orElse(new PostType("post", "body class postid")));
    }
    return Optional.empty();
  }

  /** The type a lone post element states in its {@code type-<type>} class (themes that strip body classes). */
  static Optional<PostType> ofElement(Element postElement) {
    if (postElement == null) {
      return Optional.empty();
    }
    for (String c : postElement.classNames()) {
      if (c.startsWith("type-") && c.length() > "type-".length()) {
        return Optional.of(new PostType(c.substring("type-".length()), "post class " + c));
      }
    }
    return Optional.empty();
  }
}
