package io.blogsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blogsearch.config.Selectors;
import java.util.Set;
import org.jsoup.Jsoup;

/** Small realistic pages for extractor tests: a head, a body class and body markup. */
final class HtmlPages {
  static final String BLOG = "https://blog.example.com";

  private HtmlPages() {}

  static ArticleExtractor extractor() {
    return extractor(Selectors.wordpressDefaults());
  }

  static ArticleExtractor extractor(Selectors selectors) {
    return new ArticleExtractor(selectors, new UrlNormalizer(Set.of()), false);
  }

  static String html(String head, String bodyClass, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "</head>"
        + (bodyClass == null ? "<body>" : "<body class=\"" + bodyClass + "\">") + body + "</body></html>";
  }

  static PageAnalysis analyze(ArticleExtractor extractor, String url, String html) {
    return extractor.analyze(url, Jsoup.parse(html, url));
  }

  static PageAnalysis analyze(String url, String html) {
    return analyze(extractor(), url, html);
  }

  static Article post(String url, String html) {
    return post(analyze(url, html));
  }

  static Article post(PageAnalysis p) {
    assertEquals(PageKind.POST, p.kind(), "kind (" + p.kindReason() + ")");
    assertTrue(p.article().isPresent(), "a POST page must yield an article");
    return p.article().get();
  }

  /** A stock classic-theme single post page around {@code article} markup. */
  static String wordpressSingle(String head, String bodyClass, String article) {
    return html("<title>Page &#8211; Quiet Management</title>" + head, bodyClass,
        "<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\">Quiet Management</a></p>"
            + "<p class=\"site-description\">Notes on leading small teams</p></header>"
            + "<main id=\"main\" class=\"site-main\">" + article + "</main>"
            + "<aside class=\"widget-area\"><section class=\"widget\"><h2>Recent</h2><ul><li><a href=\"/x/\">X</a></li></ul>"
            + "</section></aside><footer id=\"colophon\" class=\"site-footer\">Proudly powered by WordPress</footer>");
  }

  static final String SINGLE_POST = "post-template-default single single-post postid-5 single-format-standard";
}
