<?php
// Prints, as JSON, what WordPress itself says the test blog on PORT holds: the ground truth a crawl
// of it is compared with (ThemeUnitTestCrawlTest).
//   posts       every published post (type post, status publish, no password): permalink, title
//               (raw, as WordPress renders it, and as text), author display name, date, modified,
//               categories, tags, approved comments (pingbacks and trackbacks included), the
//               number of pages (<!--nextpage-->) with the text of the first and the last page,
//               and the excerpt if one is set.
//   empty       published posts without any text (no content, or an image without caption): the
//               engine never indexes an empty body
//   protected   published posts with a password. WordPress shows a password form in place of their
//               content (and "Protected: " before the title), so a crawler cannot read them: they
//               must NOT be indexed.
//   unpublished drafts, pending, private and scheduled posts (their ?p= URL answers 404 to visitors).
//   notPosts    public URLs that are not posts: pages, attachment pages, and pages 2..n of
//               multi-page posts (archives are implicit).
// Dates: "date" is the moment the post page shows (post_date read in the site's time zone, as
// get_post_datetime does), in UTC; "dateGmt" is the post_date_gmt column. An import keeps both
// columns as the export gave them, so they can disagree (the Theme Unit Test has posts whose
// post_date_gmt is 7 hours after post_date while the site runs on UTC); pages, JSON-LD and
// <time> carry "date", feeds carry "dateGmt". Comments likewise ("date" from comment_date).
// A comment's "parent" is the one it is shown under (see truth_shown_parents), "storedParent" the column.
// Usage: php dump-truth.php PORT
require __DIR__ . '/boot.php';
if ($argc < 2) { fwrite(STDERR, "usage: php dump-truth.php PORT\n"); exit(2); }
blogsearch_boot_wordpress($argv[1]);
require '/usr/share/wordpress/wp-load.php';

function truth_iso($sql) {
  return $sql && $sql !== '0000-00-00 00:00:00' ? str_replace(' ', 'T', $sql) . 'Z' : null;
}

/** A comment's moment as its page shows it: comment_date in the site's time zone (like get_comment_date), in UTC. */
function truth_comment_moment($c) {
  $d = date_create_immutable_from_format('Y-m-d H:i:s', $c->comment_date, wp_timezone());
  return $d ? $d->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z') : null;
}

/**
 * The parent each comment is shown under. Replies deeper than the thread_comments_depth option are
 * shown flat, after their parent at the deepest level (Walker_Comment::display_element), so on the
 * page they reply to the comment one level up: the nearest ancestor at depth limit - 1.
 */
function truth_shown_parents($comments) {
  $parent = [];
  foreach ($comments as $c) {
    $parent[$c->comment_ID] = (int) $c->comment_parent;
  }
  $limit = get_option('thread_comments') ? max(1, (int) get_option('thread_comments_depth')) : 1;
  $shown = [];
  foreach ($comments as $c) {
    $chain = [];  // ancestors, nearest first
    for ($p = $parent[$c->comment_ID]; $p && isset($parent[$p]) && count($chain) < 100; $p = $parent[$p]) {
      $chain[] = $p;
    }
    $depth = count($chain);  // 0 for a top-level comment
    $shownDepth = min($depth, $limit - 1);
    $shown[$c->comment_ID] = $shownDepth === 0 ? 0 : $chain[$depth - $shownDepth];
  }
  return $shown;
}

function truth_moment($post, $field) {
  $d = get_post_datetime($post, $field, 'local');
  return $d ? $d->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z') : null;
}

function truth_decode($s) {
  return html_entity_decode((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

/** Visible text of rendered HTML: no scripts or styles, block tags become spaces, inline tags nothing, entities decoded. */
function truth_text($html) {
  $html = preg_replace('#<(script|style|noscript|template)\b.*?</\1>#is', ' ', $html);
  $html = preg_replace('#<!--.*?-->#s', ' ', $html);
  $blocks = 'address|article|aside|audio|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|img'
    . '|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video';
  $html = preg_replace('#</?(' . $blocks . ')\b[^>]*>#i', ' ', $html);
  $text = truth_decode(preg_replace('#<[^>]*>#', '', $html));
  return trim(preg_replace('/\s+/u', ' ', $text));
}

/**
 * Blocks whose output is not the post's own text (other posts, comments, site navigation): the
 * engine removes them from bodies, so the truth leaves them out too.
 */
const TRUTH_DYNAMIC_BLOCKS = ['core/query', 'core/latest-posts', 'core/latest-comments', 'core/archives', 'core/calendar',
  'core/tag-cloud', 'core/comments', 'core/post-comments', 'core/comments-query-loop', 'core/navigation', 'core/search',
  'core/rss', 'core/page-list', 'core/categories', 'core/loginout', 'core/post-navigation-link', 'core/site-logo',
  'core/site-title', 'core/site-tagline', 'core/social-links'];

function truth_without_dynamic_blocks(array $blocks) {
  $out = [];
  foreach ($blocks as $b) {
    if (in_array($b['blockName'], TRUTH_DYNAMIC_BLOCKS, true)) {
      continue;
    }
    if (!empty($b['innerBlocks'])) {
      $b['innerBlocks'] = truth_without_dynamic_blocks($b['innerBlocks']);
    }
    $out[] = $b;
  }
  return $out;
}

/** Text of page $n (1-based) of the current post, rendered as on the post page, dynamic blocks left out. */
function truth_page_text($n) {
  global $page;
  $page = $n;
  $content = get_the_content();
  if (has_blocks($content)) {
    $content = serialize_blocks(truth_without_dynamic_blocks(parse_blocks($content)));
  }
  $html = apply_filters('the_content', $content);
  $page = 1;
  return truth_text($html);
}

$out = ['home' => home_url('/'), 'name' => get_bloginfo('name'), 'posts' => [], 'protected' => [], 'empty' => [], 'unpublished' => [],
  'notPosts' => []];
$all = get_posts(['post_type' => 'post', 'post_status' => 'any', 'numberposts' => -1, 'orderby' => 'ID', 'order' => 'ASC',
  'suppress_filters' => true]);
foreach ($all as $p) {
  $GLOBALS['post'] = $p;
  setup_postdata($p);
  if ($p->post_status !== 'publish') {
    $out['unpublished'][] = ['id' => $p->ID, 'status' => $p->post_status, 'url' => get_permalink($p), 'title' => $p->post_title];
    continue;
  }
  if (post_password_required($p)) {
    $out['protected'][] = ['id' => $p->ID, 'url' => get_permalink($p), 'title' => $p->post_title];
    continue;
  }
  global $numpages;
  $pageCount = max(1, (int) $numpages);
  // A post without any text (no content, or only an image without caption) has nothing to search
  // or recommend: the engine never indexes an empty body.
  if (trim($p->post_content) === '' || ($pageCount === 1 && truth_page_text(1) === '')) {
    $out['empty'][] = ['id' => $p->ID, 'url' => get_permalink($p), 'title' => $p->post_title];
    continue;
  }
  $comments = [];
  $approved = get_comments(['post_id' => $p->ID, 'status' => 'approve', 'orderby' => ['comment_date_gmt', 'comment_ID'], 'order' => 'ASC']);
  $shown = truth_shown_parents($approved);
  foreach ($approved as $c) {
    $comments[] = ['id' => 'comment-' . $c->comment_ID, 'parent' => $shown[$c->comment_ID] ? 'comment-' . $shown[$c->comment_ID] : '',
      'storedParent' => $c->comment_parent ? 'comment-' . $c->comment_parent : '', 'author' => truth_decode(get_comment_author($c)),
      'date' => truth_comment_moment($c), 'dateGmt' => truth_iso($c->comment_date_gmt), 'type' => $c->comment_type ?: 'comment'];
  }
  $titleHtml = get_the_title($p);
  $permalink = get_permalink($p);
  $out['posts'][] = ['id' => $p->ID, 'url' => $permalink, 'slug' => $p->post_name, 'title' => $p->post_title,
    'titleHtml' => $titleHtml, 'titleText' => truth_decode(wp_strip_all_tags($titleHtml)),
    'author' => truth_decode(get_the_author_meta('display_name', $p->post_author)),
    'date' => truth_moment($p, 'date'), 'dateGmt' => truth_iso($p->post_date_gmt), 'modified' => truth_moment($p, 'modified'),
    'categories' => array_map('truth_decode', wp_get_post_categories($p->ID, ['fields' => 'names'])),
    'tags' => array_map('truth_decode', wp_get_post_tags($p->ID, ['fields' => 'names'])),
    'sticky' => is_sticky($p->ID), 'format' => get_post_format($p) ?: 'standard', 'commentStatus' => $p->comment_status,
    'pages' => $pageCount,
    // Block themes print page links only for posts split with the Next Page block; pages 2..n of a
    // classic <!--nextpage--> post are then linked nowhere, for visitors and crawlers alike.
    'pagesLinked' => $pageCount > 1 && (!wp_is_block_theme() || has_block('core/nextpage', $p)),
    'firstPageText' => truth_page_text(1), 'lastPageText' => truth_page_text($pageCount),
    'excerpt' => $p->post_excerpt === '' ? null : truth_text($p->post_excerpt), 'comments' => $comments];
  for ($n = 2; $n <= $pageCount; $n++) {
    $out['notPosts'][] = trailingslashit($permalink) . user_trailingslashit((string) $n, 'single_paged');
  }
}
foreach (get_posts(['post_type' => 'page', 'post_status' => 'publish', 'numberposts' => -1, 'has_password' => false]) as $p) {
  $out['notPosts'][] = get_permalink($p);
}
foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'numberposts' => -1]) as $a) {
  $out['notPosts'][] = get_attachment_link($a);
}
wp_reset_postdata();
echo wp_json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
