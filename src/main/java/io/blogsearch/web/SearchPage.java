package io.blogsearch.web;

import static io.blogsearch.web.Html.esc;

import io.blogsearch.index.IndexSchema;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The visitor search page, rendered on the server so it works without JavaScript; search.js
 * enhances it by fetching the results fragment ({@link #results}) as the visitor types. All the
 * state lives in the URL. Every crawled string is escaped here; snippets arrive escaped with
 * only {@code <mark>} added.
 */
final class SearchPage {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final Map<String, String> DIM_LABELS = Map.of("category", "Category", "tag", "Tag", "author", "Author", "year", "Year");

  private final SearchRequest req;
  private final SearchResponse res;
  private final String error;
  private final String base;
  private final String api;

  /** The page of the only site, at {@code /}. */
  SearchPage(SearchRequest req, SearchResponse res, String error) {
    this(req, res, error, "/", "/api");
  }

  /**
   * @param res the answer, or null when the request was bad ({@code error} says why)
   * @param base the page's own path ({@code /} or {@code /sites/{site}/}): form and links go there
   * @param api the site's API prefix ({@code /api} or {@code /api/sites/{site}}), for search.js
   */
  SearchPage(SearchRequest req, SearchResponse res, String error, String base, String api) {
    this.req = req;
    this.res = res;
    this.error = error;
    this.base = base;
    this.api = api;
  }

  String page() {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(req.q().isBlank() ? "Search" : esc(req.q()) + " – Search").append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n<script src=\"/assets/search.js\" defer></script>\n")
        .append("</head>\n<body>\n<a class=\"bs-skip\" href=\"#bs-results\">Skip to results</a>\n")
        .append("<header class=\"bs-header\"><a class=\"bs-brand\" href=\"").append(esc(base)).append("\">blogsearch</a></header>\n<main>\n");
    form(h);
    h.append("<div id=\"bs-results\" aria-live=\"polite\">\n").append(results()).append("</div>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private void form(StringBuilder h) {
    h.append("<form class=\"bs-search\" role=\"search\" action=\"").append(esc(base)).append("\" data-api=\"")
        .append(esc(api)).append("\" method=\"get\">\n")
        .append("<label for=\"bs-q\">Search the blog</label>\n<div class=\"bs-row\">\n<div class=\"bs-box\">")
        .append("<input id=\"bs-q\" name=\"q\" type=\"search\" value=\"").append(esc(req.q()))
        .append("\" autocomplete=\"off\" role=\"combobox\" aria-autocomplete=\"list\" aria-expanded=\"false\" aria-controls=\"bs-suggest\">")
        .append("<ul id=\"bs-suggest\" role=\"listbox\" aria-label=\"Suggestions\" hidden></ul></div>\n")
        .append("<label class=\"bs-sort-label\" for=\"bs-sort\">Sort</label><select id=\"bs-sort\" name=\"sort\">");
    for (String[] o : new String[][] {{"relevance", "Relevance"}, {"date", "Newest first"}, {"date-asc", "Oldest first"}}) {
      h.append("<option value=\"").append(o[0]).append('"').append(sortName().equals(o[0]) ? " selected" : "").append('>')
          .append(o[1]).append("</option>");
    }
    h.append("</select>\n");
    modeControl(h);
    h.append("<button type=\"submit\">Search</button>\n</div>\n");
    for (Map.Entry<String, List<String>> f : filters().entrySet()) {
      for (String v : f.getValue()) {
        h.append("<input type=\"hidden\" name=\"").append(f.getKey()).append("\" value=\"").append(esc(v)).append("\">\n");
      }
    }
    h.append("</form>\n");
  }

  /** Keyword, hybrid or semantic; the one selected is what the request named, else what the site's default ran as. */
  private void modeControl(StringBuilder h) {
    String current = modeName();
    h.append("<label class=\"bs-sort-label\" for=\"bs-mode\">Match</label><select id=\"bs-mode\" name=\"mode\" data-default=\"")
        .append(esc(current)).append("\">");
    for (String[] o : new String[][] {{"keyword", "Words"}, {"hybrid", "Words + meaning"}, {"semantic", "Meaning"}}) {
      h.append("<option value=\"").append(o[0]).append('"').append(current.equals(o[0]) ? " selected" : "").append('>')
          .append(o[1]).append("</option>");
    }
    h.append("</select>\n");
  }

  private String modeName() {
    if (req.mode() != null) {
      return req.mode().id();
    }
    return res == null || res.mode() == null ? "" : res.mode();
  }

  /** The part of the page that changes with each search (also served alone to search.js). */
  String results() {
    StringBuilder h = new StringBuilder(12_288);
    if (error != null) {
      h.append("<p class=\"bs-error\" role=\"alert\">").append(esc(error)).append("</p>\n");
      return h.toString();
    }
    String what = req.q().isBlank() ? "posts" : "results for “" + esc(req.q()) + "”";
    h.append("<p class=\"bs-summary\">").append(res.total()).append(' ').append(res.total() == 1 && req.q().isBlank() ? "post" : what)
        .append(res.relaxed() ? " (matching some of the words)" : "").append("</p>\n");
    if (res.fallback() != null) {
      h.append("<p class=\"bs-note\" role=\"status\">").append(esc(capitalized(res.fallback()))).append(".</p>\n");
    }
    if (res.didYouMean() != null) {
      h.append("<p class=\"bs-dym\">Did you mean <a href=\"").append(link(Map.of("q", List.of(res.didYouMean())), true))
          .append("\">").append(esc(res.didYouMean())).append("</a>?</p>\n");
    }
    h.append("<div class=\"bs-layout\">\n<aside class=\"bs-facets\" aria-label=\"Filters\">\n");
    for (Map.Entry<String, List<SearchResponse.FacetValue>> dim : res.facets().entrySet()) {
      facet(h, dim.getKey(), dim.getValue());
    }
    h.append("</aside>\n<section class=\"bs-main\" aria-label=\"Results\">\n");
    if (res.message() != null) {
      h.append("<p class=\"bs-empty bs-message\" role=\"status\">").append(esc(capitalized(res.message())))
          .append(". Try words from the post you are looking for.</p>\n");
    } else if (res.hits().isEmpty()) {
      h.append("<p class=\"bs-empty\">No posts match. Try fewer or different words")
          .append(filters().values().stream().anyMatch(l -> !l.isEmpty()) ? ", or <a href=\"" + link(Map.of(), false) + "\">remove the filters</a>" : "")
          .append(".</p>\n");
    } else {
      h.append("<ol class=\"bs-hits\" start=\"").append((req.page() - 1) * req.size() + 1).append("\">\n");
      for (SearchResponse.Hit hit : res.hits()) {
        hit(h, hit);
      }
      h.append("</ol>\n");
    }
    pagination(h);
    h.append("</section>\n</div>\n");
    return h.toString();
  }

  private void hit(StringBuilder h, SearchResponse.Hit hit) {
    boolean safeUrl = hit.url().startsWith("http://") || hit.url().startsWith("https://");
    h.append("<li class=\"bs-hit\">\n<h2 class=\"bs-title\"><a href=\"").append(safeUrl ? esc(hit.url()) : "#").append("\">")
        .append(esc(hit.title())).append("</a></h2>\n<p class=\"bs-meta\">");
    if (hit.published() != null) {
      h.append("<time datetime=\"").append(hit.published()).append("\">").append(DATE.format(hit.published())).append("</time>");
    }
    if (!hit.author().isBlank()) {
      h.append(" · ").append(esc(hit.author()));
    }
    if (!hit.categories().isEmpty()) {
      h.append(" · ").append(esc(String.join(", ", hit.categories())));
    }
    h.append("</p>\n<p class=\"bs-snippet\">").append(hit.snippet()).append("</p>\n</li>\n");
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void facet(StringBuilder h, String dim, List<SearchResponse.FacetValue> values) {
    if (values.isEmpty()) {
      return;
    }
    List<String> selected = filters().get(dim);
    h.append("<section class=\"bs-facet\"><h2>").append(DIM_LABELS.get(dim)).append("</h2>\n<ul>\n");
    int shown = 0;
    for (SearchResponse.FacetValue v : values) {
      // Filters match folded keys, so "cafe" in the URL selects the facet the site spells "Café".
      String key = IndexSchema.filterKey(v.value());
      boolean on = selected.stream().anyMatch(s -> IndexSchema.filterKey(s).equals(key));
      if (!on && shown >= 12) {
        continue;
      }
      shown++;
      List<String> next = new ArrayList<>(selected);
      if (on) {
        next.removeIf(s -> IndexSchema.filterKey(s).equals(key));
      } else {
        next.add(v.value());
      }
      h.append("<li><a class=\"bs-facet-link").append(on ? " bs-on" : "").append("\" data-dim=\"").append(dim)
          .append("\" aria-pressed=\"").append(on).append("\" href=\"").append(link(Map.of(dim, next), true)).append("\">")
          .append(on ? "✓ " : "").append(esc(v.value())).append(" <span class=\"bs-count\">").append(v.count())
          .append("</span></a></li>\n");
    }
    h.append("</ul></section>\n");
  }

  private void pagination(StringBuilder h) {
    long pages = Math.min((res.total() + req.size() - 1) / req.size(), SearchRequest.MAX_DEPTH / req.size());
    if (pages <= 1) {
      return;
    }
    h.append("<nav class=\"bs-pages\" aria-label=\"Pages\">");
    if (req.page() > 1) {
      h.append("<a rel=\"prev\" href=\"").append(page(req.page() - 1)).append("\">← Previous</a> ");
    }
    h.append("<span>Page ").append(req.page()).append(" of ").append(pages).append("</span>");
    if (req.page() < pages) {
      h.append(" <a rel=\"next\" href=\"").append(page(req.page() + 1)).append("\">Next →</a>");
    }
    h.append("</nav>\n");
  }

  private String page(int n) {
    Map<String, List<String>> p = params(Map.of());
    if (n > 1) {
      p.put("page", List.of(String.valueOf(n)));
    }
    return href(p);
  }

  /** A link to this search with {@code changes} applied; {@code resetPage} drops the page number. */
  private String link(Map<String, List<String>> changes, boolean resetPage) {
    Map<String, List<String>> p = params(changes);
    if (!resetPage && req.page() > 1) {
      p.put("page", List.of(String.valueOf(req.page())));
    }
    if (changes.isEmpty()) {
      filters().keySet().forEach(p::remove);
    }
    return href(p);
  }

  private Map<String, List<String>> params(Map<String, List<String>> changes) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("q", List.of(req.q()));
    p.putAll(filters());
    if (!sortName().equals("relevance")) {
      p.put("sort", List.of(sortName()));
    }
    if (req.size() != 10) {
      p.put("size", List.of(String.valueOf(req.size())));
    }
    if (req.mode() != null) {
      p.put("mode", List.of(req.mode().id()));
    }
    p.putAll(changes);
    return p;
  }

  private String href(Map<String, List<String>> p) {
    StringBuilder sb = new StringBuilder(base).append('?');
    for (Map.Entry<String, List<String>> e : p.entrySet()) {
      for (String v : e.getValue()) {
        if (!v.isEmpty() || e.getKey().equals("q")) {
          sb.append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        }
      }
    }
    return esc(sb.substring(0, sb.length() - 1));
  }

  private Map<String, List<String>> filters() {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("category", req.categories());
    f.put("tag", req.tags());
    f.put("author", req.authors());
    f.put("year", req.years());
    return f;
  }

  private String sortName() {
    return switch (req.sort()) {
      case RELEVANCE -> "relevance";
      case DATE -> "date";
      case DATE_ASC -> "date-asc";
    };
  }
}
