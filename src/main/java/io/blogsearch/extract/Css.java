package io.blogsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * Selector lists read in priority order. jsoup answers a selector group ({@code a, b}) in document
 * order, so a generic entry such as {@code h1} would beat {@code h1.entry-title} whenever the site
 * title comes first; config selectors are lists of alternatives, most specific first.
 */
final class Css {
  private Css() {}

  /** The comma-separated alternatives of a selector group, ignoring commas inside (), [] or quotes. */
  static List<String> alternatives(String group) {
    List<String> out = new ArrayList<>();
    if (group == null) {
      return out;
    }
    int depth = 0;
    char quote = 0;
    StringBuilder current = new StringBuilder();
    for (char c : group.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        add(current, out);
        continue;
      }
      current.append(c);
    }
    add(current, out);
    return out;
  }

  private static void add(StringBuilder current, List<String> out) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    current.setLength(0);
  }

  /** The first element matching the earliest alternative that matches anything inside {@code root}. */
  static Element first(Element root, String group) {
    for (String css : alternatives(group)) {
      Element e = root.selectFirst(css);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /** Like {@link #first(Element, String)}, skipping elements {@code accept} refuses. */
  static Element first(Element root, String group, Predicate<Element> accept) {
    for (String css : alternatives(group)) {
      for (Element e : root.select(css)) {
        if (accept.test(e)) {
          return e;
        }
      }
    }
    return null;
  }
}
