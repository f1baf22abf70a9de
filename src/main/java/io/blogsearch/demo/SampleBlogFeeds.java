package io.blogsearch.demo;

import static io.blogsearch.web.Html.esc;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/**
 * The sample blog's machine-readable files, as WordPress core serves them (post lastmods added, as
 * Yoast does, unless switched off): robots.txt with a
 * {@code Sitemap:} line, the {@code wp-sitemap.xml} index and its sub-sitemaps, and the RSS feed.
 */
final class SampleBlogFeeds {
  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private final SiteView site;
  private final boolean lastmods;

  /** @param lastmods whether the post sitemap gives {@code <lastmod>} (Yoast, Rank Math) or not (WordPress core) */
  SampleBlogFeeds(SiteView site, boolean lastmods) {
    this.site = site;
    this.lastmods = lastmods;
  }

  String robots(Duration crawlDelay) {
    StringBuilder r = new StringBuilder("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n");
    if (crawlDelay != null && !crawlDelay.isZero()) {
      r.append("Crawl-delay: ").append(crawlDelay.toMillis() / 1000.0).append('\n');
    }
    return r.append("\nSitemap: ").append(site.url("/wp-sitemap.xml")).append('\n').toString();
  }

  String sitemapIndex() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"")
        .append(SITEMAP_NS).append("\">\n");
    for (String name : List.of("posts-post-1", "posts-page-1", "taxonomies-category-1", "taxonomies-post_tag-1", "users-1")) {
      x.append("<sitemap><loc>").append(site.url("/wp-sitemap-" + name + ".xml")).append("</loc></sitemap>\n");
    }
    return x.append("</sitemapindex>\n").toString();
  }

  /** A sub-sitemap by its name ({@code posts-post-1}, …), or null if there is none. */
  String sitemap(String name) {
    return switch (name) {
      case "posts-post-1" -> urlset(site.posts().stream()
          .map(p -> entry(site.postUrl(p), lastmods ? SiteView.ISO.format(p.lastChange()) : null)).toList());
      case "posts-page-1" -> urlset(List.of(entry(site.url("/about/"), null)));
      case "taxonomies-category-1" -> urlset(terms("/category/", site.categories()));
      case "taxonomies-post_tag-1" -> urlset(terms("/tag/", site.tags()));
      case "users-1" -> urlset(terms("/author/", site.authors()));
      default -> null;
    };
  }

  String rss() {
    DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
        .append("<title>").append(SiteView.SITE_NAME).append("</title>\n<atom:link href=\"").append(site.url("/feed/"))
        .append("\" rel=\"self\" type=\"application/rss+xml\" />\n<link>").append(site.url("/")).append("</link>\n")
        .append("<description>Notes on leading people and teams</description>\n<language>en-US</language>\n");
    for (SamplePost p : site.posts().subList(0, Math.min(10, site.posts().size()))) {
      x.append("<item>\n<title>").append(esc(p.title())).append("</title>\n<link>").append(site.postUrl(p))
          .append("</link>\n<dc:creator><![CDATA[").append(p.author()).append("]]></dc:creator>\n<pubDate>")
          .append(rfc.format(p.published())).append("</pubDate>\n");
      p.categories().forEach(c -> x.append("<category><![CDATA[").append(c).append("]]></category>\n"));
      x.append("<guid isPermaLink=\"false\">").append(site.url("/?p=" + p.id())).append("</guid>\n<description>")
          .append(esc(p.bodyBlocks().get(0))).append("</description>\n</item>\n");
    }
    return x.append("</channel>\n</rss>\n").toString();
  }

  private List<String> terms(String prefix, Collection<String> names) {
    return names.stream().map(n -> entry(site.url(prefix + SamplePost.slugOf(n) + "/"), null)).toList();
  }

  private static String entry(String loc, String lastmod) {
    return "<url><loc>" + loc + "</loc>" + (lastmod == null ? "" : "<lastmod>" + lastmod + "</lastmod>") + "</url>";
  }

  private static String urlset(List<String> entries) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + SITEMAP_NS + "\">\n"
        + String.join("\n", entries) + "\n</urlset>\n";
  }
}
