package io.blogsearch.extract;

import static io.blogsearch.extract.HtmlPages.BLOG;
import static io.blogsearch.extract.HtmlPages.SINGLE_POST;
import static io.blogsearch.extract.HtmlPages.wordpressSingle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blogsearch.config.Selectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WordPress dynamic blocks, share/ad boxes and configured selectors never reach a post's body. */
class BoilerplateTest {
  private static final String URL = BLOG + "/2024/03/blocks/";
  private static final String OWN = "The post's own paragraph is the only text that belongs in the body.";

  private static String postWith(String blocks) {
    return wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry\"><h1 class=\"entry-title\">Blocks</h1>"
        + "<div class=\"entry-content\"><p>" + OWN + "</p>" + blocks + "</div></article>");
  }

  private static String bodyOf(String blocks) {
    return HtmlPages.post(URL, postWith(blocks)).body();
  }

  @Test
  void removesLatestPostsBlock() {
    assertEquals(OWN, bodyOf("<ul class=\"wp-block-latest-posts__list wp-block-latest-posts\"><li><a class=\"wp-block-latest-posts__post-title\""
        + " href=\"/other/\">Another post</a><time datetime=\"2024-05-01T00:00:00+00:00\" class=\"wp-block-latest-posts__post-date\">"
        + "May 1, 2024</time><div class=\"wp-block-latest-posts__post-excerpt\">Its excerpt.</div></li></ul>"));
  }

  @Test
  void removesLatestCommentsBlock() {
    assertEquals(OWN, bodyOf("<ol class=\"has-dates wp-block-latest-comments\"><li class=\"wp-block-latest-comments__comment\">"
        + "<article><footer class=\"wp-block-latest-comments__comment-meta\"><a href=\"/c/\">Jo</a> on <a href=\"/p/\">Other</a>"
        + "<time datetime=\"2024-06-01T00:00:00+00:00\">June 1</time></footer></article></li></ol>"));
  }

  @Test
  void removesArchivesCalendarAndTagCloud() {
    assertEquals(OWN, bodyOf("<ul class=\"wp-block-archives-list wp-block-archives\"><li><a href=\"/2024/03/\">March 2024</a></li></ul>"
        + "<div class=\"wp-block-calendar\"><table id=\"wp-calendar\" class=\"wp-calendar-table\"><caption>March 2024</caption>"
        + "<tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>"
        + "<p class=\"wp-block-tag-cloud\"><a href=\"/tag/a/\" class=\"tag-cloud-link\">alpha</a></p>"
        + "<div class=\"tagcloud\"><a href=\"/tag/b/\">beta</a></div>"));
  }

  @Test
  void removesQueryLoopCommentsNavigationSearchAndRss() {
    assertEquals(OWN, bodyOf("<div class=\"wp-block-query\"><ul class=\"wp-block-post-template\"><li><h2 class=\"wp-block-post-title\">"
        + "Looped</h2><div class=\"wp-block-post-excerpt\"><p class=\"wp-block-post-excerpt__excerpt\">Looped excerpt that is long"
        + " enough to be mistaken for content.</p></div></li></ul></div>"
        + "<div class=\"wp-block-comments\"><h2 class=\"wp-block-comments-title\">One response</h2></div>"
        + "<div class=\"wp-block-post-comments\"><p>Old comments block</p></div>"
        + "<ul class=\"wp-block-navigation__container wp-block-navigation\"><li>Menu item</li></ul>"
        + "<div class=\"wp-block-search\"><label>Search</label></div><div class=\"search-form\">Search for:</div>"
        + "<ul class=\"wp-block-rss\"><li><a href=\"https://elsewhere.example/\">Feed item</a></li></ul>"));
  }

  @Test
  void removesCategoriesPageListLoginAndFailedBlockPlaceholders() {
    assertEquals(OWN, bodyOf("<ul class=\"wp-block-categories-list wp-block-categories\"><li><a href=\"/category/a/\">A</a></li></ul>"
        + "<ul class=\"wp-block-page-list\"><li class=\"wp-block-pages-list__item\"><a href=\"/about/\">About</a></li></ul>"
        + "<div class=\"wp-block-loginout\"><a href=\"/wp-login.php\">Log in</a></div>"
        + "<div class=\"components-placeholder\"><div class=\"notice notice-error\"><strong>RSS Error:</strong> WP HTTP Error:"
        + " offline</div></div>"));
  }

  @Test
  void removesShareAdAndRelatedBoxes() {
    assertEquals(OWN, bodyOf("<div class=\"sharedaddy\"><h3>Share this:</h3></div><div class=\"share-buttons\">Tweet</div>"
        + "<ins class=\"adsbygoogle\">Ad</ins><div class=\"advertisement\">Sponsored</div>"
        + "<div class=\"related-posts\"><h3>Related</h3><a href=\"/r/\">Other</a></div>"));
  }

  @Test
  void removesConfiguredSelectorsToo() {
    Selectors d = Selectors.wordpressDefaults();
    Selectors custom = new Selectors(d.post(), d.title(), d.content(), d.author(), d.published(), d.modified(),
        d.categories(), d.tags(), d.comment(), d.commentAuthor(), d.commentContent(), d.commentDate(), d.relatedLinks(),
        List.of(".promo-box"));
    Article a = HtmlPages.post(HtmlPages.analyze(HtmlPages.extractor(custom), URL,
        postWith("<div class=\"promo-box\"><p>Buy the book, it is really quite a good book.</p></div>")));
    assertEquals(OWN, a.body());
  }

  @Test
  void removesAdSlotsAndTheirLabels() {
    assertEquals(OWN, bodyOf("<div class=\"td-a-rec td-a-rec-id-content_inline\"><span class=\"td-adspot-title\">"
        + "- Advertisement -</span><a href=\"/advertise/\"><img src=\"/rec.png\" alt=\"\"></a></div>"
        + "<div class=\"stream-item\"><span class=\"stream-title\">Advertisement</span></div>"
        + "<div class=\"code-block code-block-2\"><div class=\"code-block-label\">Advertisement</div>"
        + "<ins class=\"adsbygoogle\" data-ad-slot=\"1\"></ins></div><div class=\"ad-slot\">Buy now, it is great</div>"
        + "<div class=\"advert-box\">Our sponsor sells pens to managers</div>"));
  }

  @Test
  void keepsAPostWhoseCategoryClassMentionsAdvertising() {
    String html = wordpressSingle("", SINGLE_POST, "<article class=\"post-5 post type-post hentry category-advertising\">"
        + "<h1 class=\"entry-title\">Ads</h1><div class=\"entry-content\"><p>" + OWN + "</p></div></article>");
    assertEquals(OWN, HtmlPages.post(URL, html).body());
  }

  @Test
  void removesSubstackSubscribeAndShareWidgets() {
    assertEquals(OWN, bodyOf("<div class=\"subscription-widget-wrap-editor\"><div class=\"subscription-widget show-subscribe\">"
        + "<p class=\"cta-caption\">Thanks for reading Weekly! Subscribe for free to receive new posts.</p></div></div>"
        + "<p class=\"button-wrapper\"><a class=\"button primary\" href=\"/p/x?action=share\"><span>Share Weekly</span></a></p>"
        + "<div class=\"share-dialog\"><p>Copy link to share this post with a friend</p></div>"));
  }

  @Test
  void removesReadingTimesAndBylineSeparators() {
    assertEquals(OWN, bodyOf("<div><span data-testid=\"authorName\">Hanna</span><span>·</span>"
        + "<span data-testid=\"storyReadTime\">4 min read</span><span>·</span><span data-testid=\"storyPublishDate\">May 2</span>"
        + "</div><p class=\"reading-time\">7 minutes read</p><div><span class=\"kc\">--</span></div>"));
  }

  @Test
  void removesHeadingSelfLinks() {
    assertEquals("Write it first\n\n" + OWN, HtmlPages.post(URL, wordpressSingle("", SINGLE_POST,
        "<article class=\"post-5 post type-post hentry\"><h1 class=\"entry-title\">Blocks</h1><div class=\"entry-content\">"
        + "<h2 id=\"first\">Write it first<a hidden class=\"anchor\" aria-hidden=\"true\" href=\"#first\">#</a></h2>"
        + "<p>" + OWN + "</p></div></article>")).body());
  }

  @Test
  void removesTheCommentCountLink() {
    assertEquals(OWN, bodyOf("<span class=\"comments-link\"><a href=\"#comments\">3 comments</a></span>"));
  }
}
