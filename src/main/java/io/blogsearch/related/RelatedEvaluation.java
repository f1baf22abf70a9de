package io.blogsearch.related;

import io.blogsearch.extract.Article;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Quality of related lists against evidence the scorer did not see: recall of known related
 * links (a site's own "Similar Posts", or internal links) in the top k, and the share of the top
 * k that shares a category with the source post.
 */
public final class RelatedEvaluation {
  /**
   * The figures.
   *
   * @param k list length evaluated
   * @param posts posts evaluated
   * @param categoryPrecision mean share of the top k sharing a category with the source
   * @param linkRecall known related links found in the top k, over all known links
   * @param postsWithLinks posts that had at least one known link
   * @param fallbacks posts whose list was a fallback
   */
  public record Result(int k, int posts, double categoryPrecision, double linkRecall, int postsWithLinks, int fallbacks) {
    public String format() {
      return String.format(Locale.ROOT, "P@%d same-category %.4f | link recall@%d %.4f (%d posts with links) | %d posts, %d fallbacks",
          k, categoryPrecision, k, linkRecall, postsWithLinks, posts, fallbacks);
    }
  }

  private RelatedEvaluation() {}

  /**
   * @param articles the posts (their categories are the category ground truth)
   * @param set related lists computed without the evidence links
   * @param links per post URL, URLs known to be related to it
   */
  public static Result evaluate(Collection<Article> articles, RelatedSet set, Map<String, Set<String>> links, int k) {
    return evaluate(articles, set, links, k, url -> true);
  }

  /** As {@link #evaluate(Collection, RelatedSet, Map, int)}, over only the posts whose URL {@code which} accepts. */
  public static Result evaluate(Collection<Article> articles, RelatedSet set, Map<String, Set<String>> links, int k,
      Predicate<String> which) {
    Map<String, List<String>> lists = new java.util.HashMap<>();
    int fallbacks = 0;
    for (Article a : articles) {
      RelatedList list = set.lists().get(a.url());
      if (list != null && which.test(a.url())) {
        lists.put(a.url(), list.items().stream().map(RelatedItem::url).toList());
        fallbacks += list.fallback() ? 1 : 0;
      }
    }
    Result r = evaluateLists(articles, lists, links, k);
    return new Result(r.k(), r.posts(), r.categoryPrecision(), r.linkRecall(), r.postsWithLinks(), fallbacks);
  }

  /**
   * Splits posts into two halves by a hash of the URL's path (and query), the same on every run
   * and wherever the site is served (the demo blog's port changes per run): knobs are tuned on one
   * half and reported on the other, so a figure is never that of a blend fitted to it.
   */
  public static boolean inTuningHalf(String url) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(
          pathOf(url).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return (h[0] & 1) == 0;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everything after scheme and authority ({@code /2024/05/post/}), or the whole string if it has none. */
  static String pathOf(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int slash = url.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : url.substring(slash);
  }

  /**
   * The same figures for related lists from anywhere (another engine's, say), given as URLs, best
   * first; fallbacks are not known here and count as 0. Only posts with a list are evaluated.
   */
  public static Result evaluateLists(Collection<Article> articles, Map<String, List<String>> lists,
      Map<String, Set<String>> links, int k) {
    Map<String, Article> byUrl = new java.util.HashMap<>();
    articles.forEach(a -> byUrl.put(a.url(), a));
    double precisionSum = 0;
    int evaluated = 0;
    long found = 0;
    long known = 0;
    int withLinks = 0;
    for (Article a : articles) {
      List<String> list = lists.get(a.url());
      if (list == null) {
        continue;
      }
      evaluated++;
      List<String> top = list.subList(0, Math.min(k, list.size()));
      Set<String> cats = lower(a.categories());
      int same = 0;
      for (String url : top) {
        Article b = byUrl.get(url);
        if (b != null && lower(b.categories()).stream().anyMatch(cats::contains)) {
          same++;
        }
      }
      precisionSum += same / (double) k;
      Set<String> truth = links.getOrDefault(a.url(), Set.of());
      if (!truth.isEmpty()) {
        withLinks++;
        known += truth.size();
        found += top.stream().filter(truth::contains).count();
      }
    }
    return new Result(k, evaluated, evaluated == 0 ? 0 : precisionSum / evaluated, known == 0 ? 0 : found / (double) known,
        withLinks, 0);
  }

  private static Set<String> lower(List<String> values) {
    Set<String> out = new HashSet<>();
    values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }
}
