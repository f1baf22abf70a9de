package io.blogsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an element's text as paragraphs: every block element (paragraph, heading, list item,
 * quote, table row…) becomes its own paragraph, whitespace inside a paragraph is collapsed, and
 * paragraphs are joined by a blank line. Keeps the structure search snippets and excerpts need
 * without any markup.
 */
final class TextBlocks {
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5",
      "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table",
      "thead", "tbody", "tr", "td", "th", "hr", "address", "details", "summary");

  private TextBlocks() {}

  /** The element's text as paragraphs separated by {@code "\n\n"}. */
  static String of(Element element) {
    return String.join("\n\n", paragraphs(element));
  }

  /** The element's paragraphs, each trimmed and whitespace-collapsed, empty ones dropped. */
  static List<String> paragraphs(Element element) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          current.append(text.getWholeText());
        } else if (node instanceof Element e) {
          if (e.normalName().equals("br")) {
            current.append('\n');
          } else if (BLOCKS.contains(e.normalName())) {
            flush(current, out);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          flush(current, out);
        }
      }
    }, element);
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() == 0) {
      return;
    }
    String[] lines = current.toString().replace('\u00a0', ' ').split("\n");
    StringBuilder para = new StringBuilder();
    for (String line : lines) {
      String collapsed = line.replaceAll("[ \\t\\r\\f\\u000b]+", " ").strip();
      if (!collapsed.isEmpty()) {
        if (para.length() > 0) {
          para.append('\n');
        }
        para.append(collapsed);
      }
    }
    if (para.length() > 0) {
      out.add(para.toString());
    }
    current.setLength(0);
  }
}
