package io.blogsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the best passage as a short snippet: a window of about {@link #WINDOW} characters
 * around the first match, cut at word boundaries, text HTML-escaped and matches wrapped in
 * {@code <mark>}. Sentences stay the highlighter's unit (cheap to find); the window keeps long
 * sentences and list-like text from flooding the result page.
 */
final class SnippetFormatter extends PassageFormatter {
  static final int WINDOW = 220;
  private static final int LEAD = 60;

  @Override
  public String format(Passage[] passages, String content) {
    if (passages.length == 0) {
      return "";
    }
    Passage p = passages[0];
    int from = p.getStartOffset();
    int to = p.getEndOffset();
    if (to - from > WINDOW) {
      int firstMatch = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : from;
      from = Math.max(from, firstMatch - LEAD);
      to = Math.min(to, from + WINDOW);
      from = wordStart(content, from, p.getStartOffset());
      to = wordEnd(content, to, p.getEndOffset());
    }
    StringBuilder out = new StringBuilder();
    if (from > p.getStartOffset() || from > 0 && p.getStartOffset() > 0) {
      out.append("… ");
    }
    int pos = from;
    for (int i = 0; i < p.getNumMatches(); i++) {
      int ms = Math.max(p.getMatchStarts()[i], pos);
      int me = Math.min(p.getMatchEnds()[i], to);
      if (me <= ms || ms >= to) {
        continue;
      }
      escape(content, pos, ms, out);
      out.append("<mark>");
      escape(content, ms, me, out);
      out.append("</mark>");
      pos = me;
    }
    escape(content, pos, to, out);
    if (to < content.length()) {
      out.append(" …");
    }
    return out.toString().strip();
  }

  /** A snippet of plain text with no match (a post's excerpt): its opening window, escaped. */
  static String opening(String text) {
    String t = text == null ? "" : text.strip();
    int to = t.length() <= WINDOW ? t.length() : wordEnd(t, WINDOW, t.length());
    StringBuilder out = new StringBuilder();
    escape(t, 0, to, out);
    if (to < t.length()) {
      out.append(" …");
    }
    return out.toString().strip();
  }

  private static int wordStart(String s, int i, int min) {
    while (i > min && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String s, int i, int max) {
    while (i < max && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n' -> out.append(' ');
        default -> out.append(c);
      }
    }
  }
}
