package io.blogsearch.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.blogsearch.extract.UrlNormalizer;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Reads a fetched sitemap, sitemap index or feed: queues what it lists (child sitemaps as
 * discovery, URLs as pages), tells {@link SitemapRecrawl} the lastmods an XML sitemap gives, and
 * writes the one report line.
 */
final class DiscoveryReader {
  /** Where listed URLs go (the page processor's scope and depth checks). */
  interface Enqueuer {
    void enqueue(String url, int depth, Frontier.Kind kind);
  }

  private final CrawlRun run;
  private final UrlNormalizer urls;
  private final SitemapRecrawl recrawl;
  private final Enqueuer frontier;

  DiscoveryReader(CrawlRun run, UrlNormalizer urls, SitemapRecrawl recrawl, Enqueuer frontier) {
    this.run = run;
    this.urls = urls;
    this.recrawl = recrawl;
    this.frontier = frontier;
  }

  void read(Frontier.Task task, FetchResult r) {
    try {
      SiteMapParser parser = new SiteMapParser(false);
      AbstractSiteMap map = parser.parseSiteMap(r.contentType().isEmpty() ? "application/xml" : r.contentType(),
          SitemapLocs.absolutise(r.body(), r.finalUrl()), URI.create(r.finalUrl()).toURL());
      int found = 0;
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          found++;
          urls.normalize(child.getUrl().toString())
              .ifPresent(u -> frontier.enqueue(u, task.depth() + 1, Frontier.Kind.DISCOVERY));
        }
        run.record(task.url(), Outcome.DISCOVERY, r.status(), "sitemap index: " + found + " sitemaps");
      } else if (map instanceof SiteMap sitemap) {
        // a feed's dates are publication dates, not lastmods: only XML sitemaps vouch for pages
        boolean xml = map.getType() == AbstractSiteMap.SitemapType.XML;
        for (SiteMapURL u : sitemap.getSiteMapUrls()) {
          found++;
          urls.normalize(u.getUrl().toString()).ifPresent(l -> {
            if (xml && u.getLastModified() != null) {
              recrawl.listed(l, u.getLastModified().toInstant());
            }
            frontier.enqueue(l, task.depth() + 1, Frontier.Kind.PAGE);
          });
        }
        run.record(task.url(), Outcome.DISCOVERY, r.status(),
            map.getType().name().toLowerCase(Locale.ROOT) + ": " + found + " URLs");
      }
    } catch (IOException | RuntimeException | UnknownFormatException e) {
      run.record(task.url(), Outcome.ERROR, r.status(), "not a readable sitemap or feed: " + e.getMessage());
    }
  }
}
