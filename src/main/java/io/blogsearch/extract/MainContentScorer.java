package io.blogsearch.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Finds a post's main content when no configured content selector matches (themes never seen,
 * engines with their own markup), the way readability-style extractors do: every paragraph
 * scores its parent fully and its grandparent half (longer paragraphs and more commas score
 * more), each candidate's score is damped by its link density, and the best candidate wins; when
 * its siblings carry much of the text too (content split into sections), an ancestor holding them all is taken.
 * Navigation, sidebars, footers, comments and related-post blocks never take part.
 *
 * <p>A library was considered first: readability4j 1.0.8 (the newest, from 2020) is built against
 * jsoup 1.11 and Kotlin 1.3 and crux needs OkHttp and Kotlin; neither fits jsoup 1.24 cleanly, and
 * both rewrite the markup where only the choice of element is needed here.
 */
final class MainContentScorer {
  /** Areas whose paragraphs are never post content. */
  static final String EXCLUDED = String.join(", ",
      "nav", "aside", "footer", "form", "header", "#comments", ".comments-area", ".comment-list", ".comment",
      ".widget:not(.Blog)", ".sidebar", "#sidebar", "[role=complementary]", "[role=navigation]", "[role=contentinfo]",
      ".site-footer", ".site-header", Boilerplate.SHARE_ADS_RELATED, Boilerplate.DYNAMIC_BLOCKS);
  private static final int MIN_PARAGRAPH_CHARS = 25;
  private static final double SIBLING_SHARE = 0.5;
  private static final double MAX_LINK_DENSITY = 0.25;

  /** The element holding the main content inside {@code root}, or null if no paragraph qualifies. */
  Element find(Element root) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    Map<Element, Double> contained = new IdentityHashMap<>();
    for (Element p : root.select("p, pre, blockquote, div")) {
      // a div's own text counts as a paragraph held by the div itself (text separated by <br>)
      boolean div = p.normalName().equals("div");
      String text = div ? p.ownText() : p.text();
      int length = text.strip().length();
      Element parent = div ? p : p.parent();
      if (length < MIN_PARAGRAPH_CHARS || parent == null || p.closest(EXCLUDED) != null) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(length / 100.0, 3);
      scores.merge(parent, score, Double::sum);
      if (parent != root && parent.parent() != null) {
        scores.merge(parent.parent(), score / 2, Double::sum);
      }
      for (Element up = parent; up != null; up = up == root ? null : up.parent()) {
        contained.merge(up, score, Double::sum);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey()));
      if (s > bestScore) {
        best = e.getKey();
        bestScore = s;
      }
    }
    return best == null ? null : widen(best, root, contained);
  }

  /**
   * The best candidate, or the nearest ancestor that holds much more paragraph text than it and is
   * not mostly links (content split into sections scores each section's block separately).
   */
  private static Element widen(Element best, Element root, Map<Element, Double> contained) {
    Element current = best;
    boolean widened = true;
    while (widened) {
      widened = false;
      double own = contained.get(current);
      for (Element up = current.parent(); up != null && current != root; up = up == root ? null : up.parent()) {
        if (contained.getOrDefault(up, 0.0) >= own * (1 + SIBLING_SHARE) && linkDensity(up) <= MAX_LINK_DENSITY) {
          current = up;
          widened = true;
          break;
        }
      }
    }
    return current;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }

  private static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int linked = 0;
    for (Element a : e.select("a")) {
      linked += a.text().length();
    }
    return Math.min(1.0, (double) linked / total);
  }
}
