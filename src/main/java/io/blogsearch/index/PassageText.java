package io.blogsearch.index;

import io.blogsearch.extract.Article;

/**
 * What of a post is embedded: its title, then its opening words. The opening states the topic,
 * and the model's cost grows with the text while its window is small anyway.
 */
public final class PassageText {
  /** What the index stage embeds (chosen by scripts/bench-embedders.sh, see BENCHMARKS.md). */
  public static final PassageText DEFAULT = new PassageText(256);

  private final int maxWords;

  public PassageText(int maxWords) {
    this.maxWords = maxWords;
  }

  /** Words of the body kept after the title; the rest of the post is not embedded. */
  public int maxWords() {
    return maxWords;
  }

  /** Names the choice, part of the vectors' identity. */
  public String id() {
    return "title+" + maxWords + "w";
  }

  public String of(Article a) {
    StringBuilder sb = new StringBuilder(a.title()).append("\n\n");
    int words = 0;
    int i = 0;
    String body = a.body();
    while (i < body.length() && words < maxWords) {
      while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      if (i > start) {
        sb.append(body, start, i).append(' ');
        words++;
      }
    }
    return sb.toString().strip();
  }
}
