package io.blogsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads where a page sits in a post split with {@code <!--nextpage-->}, from the post's own page
 * links ({@code .page-links} in classic themes, {@code .post-nav-links} in older ones; not the
 * previous/next-post links). WordPress prints the current page unlinked
 * ({@code span.post-page-numbers.current}) and the others as links to {@code <post-url>/2/} or
 * {@code ?page=2}.
 */
final class PaginationReader {
  private static final String CURRENT = ".current, [aria-current=page]";
  private static final Pattern PAGE_NUMBER = Pattern.compile("\\D*?(\\d{1,4})\\D*");

  private final UrlNormalizer urls;

  PaginationReader(UrlNormalizer urls) {
    this.urls = urls;
  }

  /**
   * @param scope the post element (page links of other posts are not read)
   * @param pageUrl this page's canonical URL, normalised
   */
  PageAnalysis.Pagination read(Element scope, String pageUrl) {
    Element links = scope.selectFirst(Boilerplate.PAGE_LINKS);
    if (links == null) {
      return PageAnalysis.Pagination.SINGLE;
    }
    Map<Integer, String> pages = new TreeMap<>();
    for (Element a : links.select("a[href]")) {
      Integer n = number(a.text());
      if (n != null) {
        urls.resolve(pageUrl, a.attr("href")).ifPresent(u -> pages.putIfAbsent(n, u));
      }
    }
    Integer current = currentPage(links, pages);
    if (current == null || pages.isEmpty()) {
      return PageAnalysis.Pagination.SINGLE;
    }
    pages.put(current, pageUrl);
    String first = pages.get(1);
    if (first == null) {
      return PageAnalysis.Pagination.SINGLE;
    }
    List<String> later = new ArrayList<>();
    pages.forEach((n, url) -> {
      if (n > 1) {
        later.add(url);
      }
    });
    return new PageAnalysis.Pagination(current, first, later);
  }

  /** The number marked current, else the one number printed without a link. */
  private static Integer currentPage(Element links, Map<Integer, String> linked) {
    Element marked = links.selectFirst(CURRENT);
    if (marked != null && number(marked.text()) != null) {
      return number(marked.text());
    }
    for (Element e : links.select("span, strong, b")) {
      Integer n = number(e.ownText());
      if (n != null && e.closest("a") == null && !linked.containsKey(n)) {
        return n;
      }
    }
    for (String token : links.ownText().split("\\s+")) {
      Integer n = number(token);
      if (n != null && !linked.containsKey(n)) {
        return n;
      }
    }
    return null;
  }

  /** The one page number in a short link text ("2", "Page 2"), or null. */
  private static Integer number(String text) {
    Matcher m = PAGE_NUMBER.matcher(text.strip());
    return text.length() <= 20 && m.matches() ? Integer.valueOf(m.group(1)) : null;
  }
}
