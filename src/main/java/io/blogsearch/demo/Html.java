package io.blogsearch.demo;

/** HTML escaping for the sample blog's generator: article text is data, never markup. */
final class Html {
  private Html() {}

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#039;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
