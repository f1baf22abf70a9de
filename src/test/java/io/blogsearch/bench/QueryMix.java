package io.blogsearch.bench;

import io.blogsearch.demo.SamplePost;
import io.blogsearch.index.BlogAnalyzers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic, realistic mix of visitor searches drawn from a corpus: 1–4 words from titles
 * (45%) or body text (35%), quoted two-word phrases (10%) and searches with a category filter
 * (10%).
 */
public final class QueryMix {
  /** One search: its query text and extra URL parameters. */
  public record Search(String q, String category) {
    public String path() {
      return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
          + (category == null ? "" : "&category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
    }
  }

  private QueryMix() {}

  public static List<Search> generate(List<SamplePost> posts, int n, long seed) {
    Random r = new Random(seed);
    List<Search> out = new ArrayList<>();
    while (out.size() < n) {
      SamplePost p = posts.get(r.nextInt(posts.size()));
      int kind = r.nextInt(100);
      List<String> source = kind < 45 || kind >= 80 && kind < 90 ? words(p.title()) : words(p.plainBody());
      if (source.size() < 2) {
        continue;
      }
      int len = kind >= 80 && kind < 90 ? 2 : 1 + r.nextInt(Math.min(4, source.size()));
      int start = r.nextInt(source.size() - len + 1);
      String q = String.join(" ", source.subList(start, start + len));
      if (kind >= 80 && kind < 90) {
        q = "\"" + q + "\"";
      }
      out.add(new Search(q, kind >= 90 ? p.categories().get(0) : null));
    }
    return out;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> w.length() > 2 && !BlogAnalyzers.STOP_WORDS.contains(w)).limit(400).toList();
  }
}
