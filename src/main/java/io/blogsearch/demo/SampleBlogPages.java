package io.blogsearch.demo;

import static io.blogsearch.web.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the sample blog's HTML pages the way WordPress's stock twentytwentyone theme does:
 * the same body classes, post markup, comment list, pagination and sidebar widgets, plus a
 * "Similar Posts:" block inside the entry content and the usual boilerplate (share buttons,
 * author box, post navigation) that the extractor must see through.
 */
final class SampleBlogPages {
  private final SiteView site;
  private final String widgetScript;

  /** @param widgetScript URL of blogsearch's widget.js to embed under each post, or null */
  SampleBlogPages(SiteView site, String widgetScript) {
    this.site = site;
    this.widgetScript = widgetScript;
  }

  String post(SamplePost p) {
    StringBuilder h = new StringBuilder();
    String cats = p.categories().stream().map(c -> "category-" + SamplePost.slugOf(c)).collect(Collectors.joining(" "));
    String tags = p.tags().stream().map(t -> "tag-" + SamplePost.slugOf(t)).collect(Collectors.joining(" "));
    head(h, p.title() + " &#8211; " + SiteView.SITE_NAME, site.postUrl(p),
        "<link rel=\"shortlink\" href=\"" + site.url("/?p=" + p.id()) + "\">\n");
    h.append("<body class=\"post-template-default single single-post postid-").append(p.id())
        .append(" single-format-standard wp-embed-responsive is-light-theme singular has-main-navigation\">\n");
    header(h);
    h.append("<article id=\"post-").append(p.id()).append("\" class=\"post-").append(p.id())
        .append(" post type-post status-publish format-standard hentry ").append(cats).append(' ').append(tags)
        .append(" entry\">\n<header class=\"entry-header alignwide\"><h1 class=\"entry-title\">")
        .append(esc(p.title())).append("</h1></header>\n<div class=\"entry-content\">\n");
    h.append(p.bodyHtml());
    List<SamplePost> similar = p.similar().stream()
        .map(s -> site.posts().stream().filter(q -> q.slug().equals(s)).findFirst().orElse(null))
        .filter(q -> q != null).toList();
    if (!similar.isEmpty()) {
      h.append("<h3>Similar Posts:</h3>\n<ul class=\"similar-posts\">\n");
      for (SamplePost q : similar) {
        h.append("<li><a href=\"").append(site.postUrl(q)).append("\" rel=\"bookmark\" title=\"")
            .append(esc(q.title())).append("\">").append(esc(q.title())).append("</a></li>\n");
      }
      h.append("</ul>\n");
    }
    String shareUrl = URLEncoder.encode(site.postUrl(p), StandardCharsets.UTF_8);
    h.append("<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"sd-block sd-social\"><h3 class=\"sd-title\">Share this:</h3>")
        .append("<ul><li><a class=\"share-twitter\" href=\"https://twitter.com/intent/tweet?url=").append(shareUrl)
        .append("\" target=\"_blank\">Twitter</a></li><li><a class=\"share-linkedin\" href=\"https://www.linkedin.com/shareArticle?url=")
        .append(shareUrl).append("\" target=\"_blank\">LinkedIn</a></li></ul></div></div>\n</div>\n");
    h.append("<footer class=\"entry-footer default-max-width\"><div class=\"posted-by\">");
    postedOn(h, p);
    h.append("</div><div class=\"post-taxonomies\">");
    terms(h, p);
    h.append("</div></footer>\n<div class=\"author-bio show-avatars\"><h2 class=\"author-title\">By ")
        .append(esc(p.author())).append("</h2><p class=\"author-description\">").append(esc(p.author()))
        .append(" writes about ").append(esc(p.categories().get(0).toLowerCase(java.util.Locale.ROOT)))
        .append(" for ").append(SiteView.SITE_NAME).append(". <a class=\"author-link\" href=\"")
        .append(site.url("/author/" + SamplePost.slugOf(p.author()) + "/")).append("\" rel=\"author\">View all of ")
        .append(esc(p.author())).append("&#039;s posts.</a></p></div>\n</article>\n");
    if (widgetScript != null) {
      h.append("<aside class=\"related-posts-widget\" id=\"related\"><script src=\"").append(esc(widgetScript))
          .append("\" data-limit=\"5\" async></script></aside>\n");
    }
    comments(h, p);
    postNavigation(h, p);
    footer(h);
    return h.toString();
  }

  /** A home page or archive: {@code page} is 1-based; {@code basePath} ends with a slash. */
  String listing(String bodyClass, String heading, String basePath, List<SamplePost> posts, int page) {
    StringBuilder h = new StringBuilder();
    int pages = Math.max(1, (posts.size() + SiteView.PER_PAGE - 1) / SiteView.PER_PAGE);
    String path = page == 1 ? basePath : basePath + "page/" + page + "/";
    head(h, (heading.isEmpty() ? SiteView.SITE_NAME : esc(heading) + " &#8211; " + SiteView.SITE_NAME), site.url(path), "");
    h.append("<body class=\"").append(bodyClass).append(page > 1 ? " paged paged-" + page : "")
        .append(" wp-embed-responsive is-light-theme hfeed has-main-navigation\">\n");
    header(h);
    if (!heading.isEmpty()) {
      h.append("<header class=\"page-header alignwide\"><h1 class=\"page-title\">").append(esc(heading)).append("</h1></header>\n");
    }
    for (SamplePost p : posts.subList(Math.min(posts.size(), (page - 1) * SiteView.PER_PAGE),
        Math.min(posts.size(), page * SiteView.PER_PAGE))) {
      h.append("<article id=\"post-").append(p.id()).append("\" class=\"post-").append(p.id())
          .append(" post type-post status-publish format-standard hentry entry\">\n<header class=\"entry-header\">")
          .append("<h2 class=\"entry-title default-max-width\"><a href=\"").append(site.postUrl(p)).append("\">")
          .append(esc(p.title())).append("</a></h2></header>\n<div class=\"entry-content\"><p>")
          .append(esc(teaser(p))).append(" <a class=\"more-link\" href=\"").append(site.postUrl(p))
          .append("\">Continue reading</a></p></div>\n<footer class=\"entry-footer default-max-width\">");
      postedOn(h, p);
      terms(h, p);
      h.append("</footer>\n</article>\n");
    }
    if (pages > 1) {
      h.append("<nav class=\"navigation pagination\" aria-label=\"Posts\"><div class=\"nav-links\">");
      if (page > 1) {
        h.append("<a class=\"prev page-numbers\" href=\"").append(site.url(page == 2 ? basePath : basePath + "page/" + (page - 1) + "/")).append("\">Newer posts</a>");
      }
      for (int i = 1; i <= pages; i++) {
        h.append(i == page ? "<span aria-current=\"page\" class=\"page-numbers current\">" + i + "</span>"
            : "<a class=\"page-numbers\" href=\"" + site.url(i == 1 ? basePath : basePath + "page/" + i + "/") + "\">" + i + "</a>");
      }
      if (page < pages) {
        h.append("<a class=\"next page-numbers\" href=\"").append(site.url(basePath + "page/" + (page + 1) + "/")).append("\">Older posts</a>");
      }
      h.append("</div></nav>\n");
    }
    footer(h);
    return h.toString();
  }

  /** A static WordPress page: an article with a title and content, but not a post. */
  String aboutPage() {
    StringBuilder h = new StringBuilder();
    head(h, "About &#8211; " + SiteView.SITE_NAME, site.url("/about/"), "");
    h.append("<body class=\"page-template-default page page-id-2 wp-embed-responsive is-light-theme singular\">\n");
    header(h);
    h.append("<article id=\"post-2\" class=\"post-2 page type-page status-publish hentry entry\">")
        .append("<header class=\"entry-header alignwide\"><h1 class=\"entry-title\">About</h1></header>")
        .append("<div class=\"entry-content\"><p>").append(SiteView.SITE_NAME)
        .append(" is a group blog by managers, for managers: practical notes on leading people, ")
        .append("hiring, meetings, feedback and change.</p></div></article>\n");
    footer(h);
    return h.toString();
  }

  String notFound() {
    StringBuilder h = new StringBuilder();
    head(h, "Page not found &#8211; " + SiteView.SITE_NAME, null, "");
    h.append("<body class=\"error404 wp-embed-responsive is-light-theme hfeed\">\n");
    header(h);
    h.append("<header class=\"page-header alignwide\"><h1 class=\"page-title\">Nothing here</h1></header>")
        .append("<div class=\"page-content\"><p>It looks like nothing was found at this location.</p></div>\n");
    footer(h);
    return h.toString();
  }

  private void head(StringBuilder h, String titleHtml, String canonical, String extra) {
    h.append("<!doctype html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(titleHtml).append("</title>\n<meta name=\"robots\" content=\"max-image-preview:large\">\n")
        .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(SiteView.SITE_NAME)
        .append(" &raquo; Feed\" href=\"").append(site.url("/feed/")).append("\">\n")
        .append("<script>document.documentElement.className += ' js';</script>\n");
    if (canonical != null) {
      h.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">\n");
    }
    h.append(extra).append("</head>\n");
  }

  private void header(StringBuilder h) {
    h.append("<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n")
        .append("<header id=\"masthead\" class=\"site-header has-title-and-tagline has-menu\"><div class=\"site-branding\">")
        .append("<p class=\"site-title\"><a href=\"").append(site.url("/")).append("\" rel=\"home\">").append(SiteView.SITE_NAME)
        .append("</a></p><p class=\"site-description\">Notes on leading people and teams</p></div>\n")
        .append("<nav id=\"site-navigation\" class=\"primary-navigation\" aria-label=\"Primary menu\"><ul class=\"menu-wrapper\">")
        .append("<li><a href=\"").append(site.url("/")).append("\">Home</a></li><li><a href=\"").append(site.url("/about/"))
        .append("\">About</a></li></ul></nav></header>\n<div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">\n");
  }

  private void footer(StringBuilder h) {
    h.append("</main></div></div>\n<aside class=\"widget-area\">\n<section class=\"widget widget_recent_entries\"><h2>Recent Posts</h2><ul>");
    for (SamplePost p : site.posts().subList(0, Math.min(5, site.posts().size()))) {
      h.append("<li><a href=\"").append(site.postUrl(p)).append("\">").append(esc(p.title())).append("</a></li>");
    }
    h.append("</ul></section>\n<section class=\"widget widget_categories\"><h2>Categories</h2><ul>");
    for (String c : site.categories()) {
      h.append("<li class=\"cat-item\"><a href=\"").append(site.url("/category/" + SamplePost.slugOf(c) + "/")).append("\">").append(esc(c)).append("</a></li>");
    }
    h.append("</ul></section>\n<section class=\"widget widget_archive\"><h2>Archives</h2><ul>");
    for (String month : site.monthPaths()) {
      h.append("<li><a href=\"").append(site.url(month)).append("\">").append(month, 1, 8).append("</a></li>");
    }
    h.append("</ul></section>\n<section class=\"widget widget_tag_cloud\"><h2>Tags</h2><div class=\"tagcloud\">");
    for (String t : site.tags()) {
      h.append("<a href=\"").append(site.url("/tag/" + SamplePost.slugOf(t) + "/")).append("\" class=\"tag-cloud-link\">").append(esc(t)).append("</a> ");
    }
    h.append("</div></section>\n<section class=\"widget widget_meta\"><h2>Meta</h2><ul><li><a href=\"")
        .append(site.url("/wp-admin/")).append("\">Site admin</a></li><li><a href=\"").append(site.url("/feed/"))
        .append("\">Entries feed</a></li></ul></section>\n</aside>\n")
        .append("<footer id=\"colophon\" class=\"site-footer\"><div class=\"site-info\"><div class=\"powered-by\">Proudly powered by ")
        .append("<a href=\"https://wordpress.org/\">WordPress</a>.</div></div></footer>\n</div>\n</body>\n</html>\n");
  }

  private void postedOn(StringBuilder h, SamplePost p) {
    h.append("<span class=\"posted-on\">Published <time class=\"entry-date published\" datetime=\"")
        .append(SiteView.ISO.format(p.published())).append("\">").append(SiteView.HUMAN.format(p.published())).append("</time>");
    if (p.modified() != null) {
      h.append("<time class=\"updated\" datetime=\"").append(SiteView.ISO.format(p.modified())).append("\">")
          .append(SiteView.HUMAN.format(p.modified())).append("</time>");
    }
    h.append("</span><span class=\"byline\"> By <a href=\"").append(site.url("/author/" + SamplePost.slugOf(p.author()) + "/"))
        .append("\" rel=\"author\">").append(esc(p.author())).append("</a></span>");
  }

  private void terms(StringBuilder h, SamplePost p) {
    h.append("<span class=\"cat-links\">Categorized as ");
    h.append(p.categories().stream().map(c -> "<a href=\"" + site.url("/category/" + SamplePost.slugOf(c) + "/")
        + "\" rel=\"category tag\">" + esc(c) + "</a>").collect(Collectors.joining(", ")));
    h.append("</span><span class=\"tags-links\">Tagged ");
    h.append(p.tags().stream().map(t -> "<a href=\"" + site.url("/tag/" + SamplePost.slugOf(t) + "/")
        + "\" rel=\"tag\">" + esc(t) + "</a>").collect(Collectors.joining(", ")));
    h.append("</span>");
  }

  private void comments(StringBuilder h, SamplePost p) {
    if (p.comments().isEmpty()) {
      return;
    }
    h.append("<div id=\"comments\" class=\"comments-area default-max-width show-avatars\"><h2 class=\"comments-title\">")
        .append(p.comments().size()).append(p.comments().size() == 1 ? " comment" : " comments")
        .append(" on &ldquo;").append(esc(p.title())).append("&rdquo;</h2>\n<ol class=\"comment-list\">\n");
    Map<Integer, List<SamplePost.SampleComment>> byParent = p.comments().stream()
        .collect(Collectors.groupingBy(SamplePost.SampleComment::parent));
    commentThread(h, p, byParent, 0, 1);
    h.append("</ol>\n<div id=\"respond\" class=\"comment-respond\"><h2 class=\"comment-reply-title\">Leave a comment</h2>")
        .append("<form action=\"").append(site.url("/wp-comments-post.php")).append("\" method=\"post\" class=\"comment-form\">")
        .append("<p class=\"comment-form-comment\"><label for=\"comment\">Comment</label><textarea id=\"comment\" name=\"comment\"></textarea></p>")
        .append("<input name=\"submit\" type=\"submit\" value=\"Post Comment\"></form></div>\n</div>\n");
  }

  private void commentThread(StringBuilder h, SamplePost p, Map<Integer, List<SamplePost.SampleComment>> byParent,
      int parent, int depth) {
    for (SamplePost.SampleComment c : byParent.getOrDefault(parent, new ArrayList<>())) {
      int gid = p.globalCommentId(c.id());
      List<SamplePost.SampleComment> replies = byParent.getOrDefault(c.id(), List.of());
      h.append("<li id=\"comment-").append(gid).append("\" class=\"comment depth-").append(depth)
          .append(replies.isEmpty() ? "" : " parent").append("\">\n<article id=\"div-comment-").append(gid)
          .append("\" class=\"comment-body\"><footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">")
          .append(esc(c.author())).append("</b> <span class=\"says\">says:</span></div><div class=\"comment-metadata\"><a href=\"")
          .append(site.postUrl(p)).append("#comment-").append(gid).append("\"><time datetime=\"").append(SiteView.ISO.format(c.date()))
          .append("\">").append(SiteView.HUMAN.format(c.date())).append("</time></a></div></footer>\n<div class=\"comment-content\">");
      for (String para : c.text().split("\\n\\s*\\n")) {
        h.append("<p>").append(esc(para.strip()).replace("\n", "<br>\n")).append("</p>");
      }
      h.append("</div>\n<div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"").append(site.postUrl(p))
          .append("?replytocom=").append(gid).append("#respond\">Reply</a></div></article>\n");
      if (!replies.isEmpty()) {
        h.append("<ol class=\"children\">\n");
        commentThread(h, p, byParent, c.id(), depth + 1);
        h.append("</ol>\n");
      }
      h.append("</li>\n");
    }
  }

  private void postNavigation(StringBuilder h, SamplePost p) {
    List<SamplePost> all = site.posts();
    int i = all.indexOf(p);
    h.append("<nav class=\"navigation post-navigation\" aria-label=\"Posts\"><div class=\"nav-links\">");
    if (i + 1 < all.size()) {
      h.append("<div class=\"nav-previous\"><a href=\"").append(site.postUrl(all.get(i + 1))).append("\" rel=\"prev\">Previous post: ")
          .append(esc(all.get(i + 1).title())).append("</a></div>");
    }
    if (i > 0) {
      h.append("<div class=\"nav-next\"><a href=\"").append(site.postUrl(all.get(i - 1))).append("\" rel=\"next\">Next post: ")
          .append(esc(all.get(i - 1).title())).append("</a></div>");
    }
    h.append("</div></nav>\n");
  }

  private static String teaser(SamplePost p) {
    String first = p.bodyBlocks().get(0);
    return first.length() <= 220 ? first : first.substring(0, first.lastIndexOf(' ', 220)) + " …";
  }
}
