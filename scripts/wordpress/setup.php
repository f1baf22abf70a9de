<?php
// Installs WordPress and imports the sample blog. Args: port, export JSON file (or none: install only), theme.
// Keep the arguments out of the global names WordPress itself uses ($theme is one).
define('BLOGSEARCH_EXPORT', $argv[2]);
define('BLOGSEARCH_THEME', $argv[3]);
require __DIR__ . '/boot.php';
blogsearch_boot_wordpress($argv[1], true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

if (!is_blog_installed()) {
  wp_install('Managing Well', 'admin', 'admin@example.com', true, '', wp_generate_password(20));
}
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'UTC');
update_option('gmt_offset', 0);
update_option('comment_moderation', 0);
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
update_option('page_comments', 0);
update_option('default_comments_page', 'oldest');
update_option('comment_order', 'asc');
foreach ([1, 2, 3] as $id) { wp_delete_post($id, true); }  // Hello world!, Sample Page, Privacy Policy draft
switch_theme(BLOGSEARCH_THEME);
if (BLOGSEARCH_EXPORT === 'none') {
  flush_rewrite_rules(true);
  echo "installed, no posts\n";
  exit(0);
}

$export = json_decode(file_get_contents(BLOGSEARCH_EXPORT), true);
$authors = [];
foreach ($export['posts'] as $p) {
  $name = $p['author'];
  if (!isset($authors[$name])) {
    $login = sanitize_user(strtolower(str_replace(' ', '.', remove_accents($name))), true);
    $uid = wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(20), 'display_name' => $name,
      'nickname' => $name, 'first_name' => $name, 'role' => 'author', 'user_nicename' => sanitize_title($name)]);
    if (is_wp_error($uid)) { fwrite(STDERR, $uid->get_error_message() . "\n"); exit(1); }
    $authors[$name] = $uid;
  }
  $cats = array_map(fn($c) => (int) wp_create_category($c), $p['categories']);
  $id = wp_insert_post(['post_title' => wp_slash($p['title']), 'post_name' => $p['slug'], 'post_content' => wp_slash($p['content']),
    'post_status' => 'publish', 'post_type' => 'post', 'post_author' => $authors[$name], 'post_date' => $p['date'],
    'post_date_gmt' => $p['date'], 'post_category' => $cats, 'comment_status' => 'open'], true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  wp_set_post_terms($id, $p['tags'], 'post_tag');
  update_post_meta($id, '_similar', $p['similar']);
  if (!empty($p['modified'])) {
    $wpdb->update($wpdb->posts, ['post_modified' => $p['modified'], 'post_modified_gmt' => $p['modified']], ['ID' => $id]);
  }
  $ids = [];
  foreach ($p['comments'] as $c) {
    $cid = wp_insert_comment(['comment_post_ID' => $id, 'comment_author' => wp_slash($c['author']), 'comment_content' => wp_slash($c['text']),
      'comment_date' => $c['date'], 'comment_date_gmt' => $c['date'], 'comment_approved' => 1, 'comment_type' => 'comment',
      'comment_parent' => $c['parent'] ? $ids[$c['parent']] : 0, 'comment_author_email' => 'reader@example.com']);
    $ids[$c['id']] = $cid;
  }
  wp_update_comment_count($id);
}
// One image attachment, linked from the first post: its attachment page must not be indexed.
$first = get_page_by_path($export['posts'][0]['slug'], OBJECT, 'post');
if ($first) {
  $upload = wp_upload_dir();
  wp_mkdir_p($upload['path']);
  $file = $upload['path'] . '/team-photo.png';
  file_put_contents($file, base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='));
  $att = wp_insert_attachment(['post_title' => 'Team photo', 'post_mime_type' => 'image/png', 'post_status' => 'inherit'], $file, $first->ID);
  wp_update_post(['ID' => $first->ID, 'post_content' => $first->post_content
    . '<p><a href="' . esc_url(get_attachment_link($att)) . '">Team photo</a></p>']);
}
$about = wp_insert_post(['post_title' => 'About', 'post_name' => 'about', 'post_content' => '<p>A group blog by managers.</p>',
  'post_status' => 'publish', 'post_type' => 'page', 'post_author' => 1]);
flush_rewrite_rules(true);
echo "imported " . count($export['posts']) . " posts\n";
