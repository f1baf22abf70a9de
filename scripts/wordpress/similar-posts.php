<?php
/*
 * Plugin Name: Similar Posts (test)
 * Description: Prints a "Similar Posts:" heading and list under single posts from the _similar meta (slugs),
 * like the Similar Posts plugin does.
 */
add_filter('the_content', function ($content) {
  if (!is_singular('post') || !in_the_loop() || !is_main_query()) {
    return $content;
  }
  $slugs = get_post_meta(get_the_ID(), '_similar', true);
  if (!is_array($slugs) || !$slugs) {
    return $content;
  }
  $items = '';
  foreach ($slugs as $slug) {
    $p = get_page_by_path($slug, OBJECT, 'post');
    if ($p) {
      $items .= '<li><a href="' . esc_url(get_permalink($p)) . '" rel="bookmark" title="' . esc_attr(get_the_title($p)) . '">'
        . esc_html(get_the_title($p)) . '</a></li>';
    }
  }
  return $content . ($items ? '<h3>Similar Posts:</h3><ul class="similar-posts">' . $items . '</ul>' : '');
}, 20);
