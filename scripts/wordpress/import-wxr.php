<?php
// Imports a WXR export (WordPress eXtended RSS 1.0-1.2, e.g. the Theme Unit Test data) into the test
// WordPress on PORT, as the WordPress Importer plugin would (Debian ships no importer):
//   authors (wp:author -> users with their display names; posts by an unknown login go to admin, as
//   the plugin maps them to the importing user), categories with parents, tags and other terms,
//   posts and pages with their status, dates (post_date and post_date_gmt as given), slugs, parents,
//   menu order, password, sticky flag, post format, excerpt, comment/ping status and post meta;
//   comments with type (comment, pingback, trackback), approval, dates and threading.
//   Attachments are inserted WITHOUT files: their pages exist, and their URLs stay the export's own
//   (the original host), so galleries and featured images keep linking to attachment pages.
//   Navigation menus (nav_menu_item) are skipped, and so is post meta that only caches or tracks
//   editing (_edit_lock, _edit_last, _publicize_*, _menu_item_*).
// The file is read and checked completely before anything is written: a malformed WXR exits 2 with
// a message naming the problem (line, element, item) and leaves WordPress untouched.
// Usage: php import-wxr.php PORT FILE
require __DIR__ . '/boot.php';

function wxr_fail($message) {
  fwrite(STDERR, "import-wxr: $message\n");
  exit(2);
}

if ($argc < 3) {
  wxr_fail("usage: php import-wxr.php PORT FILE");
}
$wxr = wxr_read($argv[2]);
blogsearch_boot_wordpress($argv[1]);
require '/usr/share/wordpress/wp-load.php';
wxr_import($wxr);

/** Reads and checks the whole file; returns plain arrays. */
function wxr_read($file) {
  if (!is_readable($file)) {
    wxr_fail("cannot read $file");
  }
  libxml_use_internal_errors(true);
  $doc = new DOMDocument();
  if (!$doc->load($file, LIBXML_NONET | LIBXML_PARSEHUGE | LIBXML_NOCDATA)) {
    $e = libxml_get_errors();
    $first = $e ? $e[0] : null;
    wxr_fail("$file is not well-formed XML" . ($first ? " (line {$first->line}, column {$first->column}: " . trim($first->message) . ")" : ""));
  }
  $rss = $doc->documentElement;
  if ($rss->localName !== 'rss') {
    wxr_fail("$file is not a WXR export: the root element is <{$rss->nodeName}>, not <rss>");
  }
  $wp = $rss->lookupNamespaceURI('wp');
  if (!$wp || !preg_match('#^https?://wordpress\.org/export/1\.[0-2]/$#', $wp)) {
    wxr_fail("$file is not a WXR export: no xmlns:wp namespace of WXR 1.0-1.2 on <rss>" . ($wp ? " (found $wp)" : ""));
  }
  $x = new DOMXPath($doc);
  $x->registerNamespace('wp', $wp);
  $x->registerNamespace('content', 'http://purl.org/rss/1.0/modules/content/');
  $x->registerNamespace('dc', 'http://purl.org/dc/elements/1.1/');
  $excerpt = $rss->lookupNamespaceURI('excerpt') ?: preg_replace('#/$#', '/excerpt/', $wp);
  $x->registerNamespace('excerpt', $excerpt);
  $channel = $x->query('/rss/channel')->item(0);
  if (!$channel) {
    wxr_fail("$file has no <channel> under <rss>");
  }
  $version = wxr_text($x, 'wp:wxr_version', $channel);
  if (!preg_match('/^1\.[0-2]$/', $version)) {
    wxr_fail("$file: <wp:wxr_version> is " . ($version === '' ? "missing" : "'$version'") . ", expected 1.0, 1.1 or 1.2");
  }
  $out = ['title' => wxr_text($x, 'title', $channel), 'description' => wxr_text($x, 'description', $channel),
    'authors' => [], 'terms' => [], 'items' => []];
  foreach ($x->query('wp:author', $channel) as $a) {
    $login = wxr_text($x, 'wp:author_login', $a);
    if ($login === '') {
      wxr_fail("$file line {$a->getLineNo()}: <wp:author> without <wp:author_login>");
    }
    $out['authors'][] = ['login' => $login, 'email' => wxr_text($x, 'wp:author_email', $a),
      'display' => wxr_text($x, 'wp:author_display_name', $a), 'first' => wxr_text($x, 'wp:author_first_name', $a),
      'last' => wxr_text($x, 'wp:author_last_name', $a)];
  }
  foreach ($x->query('wp:category', $channel) as $c) {
    $out['terms'][] = wxr_term($x, $c, $file, 'category', 'wp:category_nicename', 'wp:cat_name', 'wp:category_parent', 'wp:category_description');
  }
  foreach ($x->query('wp:tag', $channel) as $t) {
    $out['terms'][] = wxr_term($x, $t, $file, 'post_tag', 'wp:tag_slug', 'wp:tag_name', null, 'wp:tag_description');
  }
  foreach ($x->query('wp:term', $channel) as $t) {
    $out['terms'][] = wxr_term($x, $t, $file, wxr_text($x, 'wp:term_taxonomy', $t), 'wp:term_slug', 'wp:term_name', 'wp:term_parent', 'wp:term_description');
  }
  $statuses = ['publish', 'draft', 'pending', 'private', 'future', 'inherit', 'trash', 'auto-draft'];
  foreach ($x->query('item', $channel) as $item) {
    $where = "$file line {$item->getLineNo()} (item '" . wxr_text($x, 'title', $item) . "')";
    $id = wxr_text($x, 'wp:post_id', $item);
    $type = wxr_text($x, 'wp:post_type', $item);
    $status = wxr_text($x, 'wp:status', $item);
    if (!ctype_digit($id)) {
      wxr_fail("$where: <wp:post_id> is " . ($id === '' ? "missing" : "'$id', not a number"));
    }
    if ($type === '') {
      wxr_fail("$where: <wp:post_type> is missing");
    }
    if (!in_array($status, $statuses, true)) {
      wxr_fail("$where: <wp:status> is " . ($status === '' ? "missing" : "'$status'") . ", expected one of " . implode(', ', $statuses));
    }
    $date = wxr_date($x, 'wp:post_date', $item, $where, true);
    $gmt = wxr_date($x, 'wp:post_date_gmt', $item, $where, false);
    $terms = [];
    foreach ($x->query('category[@domain]', $item) as $c) {
      $terms[] = ['taxonomy' => $c->getAttribute('domain'), 'slug' => $c->getAttribute('nicename'), 'name' => trim($c->textContent)];
    }
    $meta = [];
    foreach ($x->query('wp:postmeta', $item) as $m) {
      $meta[] = ['key' => wxr_text($x, 'wp:meta_key', $m), 'value' => wxr_text($x, 'wp:meta_value', $m, false)];
    }
    $comments = [];
    foreach ($x->query('wp:comment', $item) as $c) {
      $cwhere = "$where, comment line {$c->getLineNo()}";
      $cid = wxr_text($x, 'wp:comment_id', $c);
      if (!ctype_digit($cid)) {
        wxr_fail("$cwhere: <wp:comment_id> is " . ($cid === '' ? "missing" : "'$cid', not a number"));
      }
      $parent = wxr_text($x, 'wp:comment_parent', $c);
      $comments[] = ['id' => (int) $cid, 'author' => wxr_text($x, 'wp:comment_author', $c),
        'email' => wxr_text($x, 'wp:comment_author_email', $c), 'url' => wxr_text($x, 'wp:comment_author_url', $c),
        'ip' => wxr_text($x, 'wp:comment_author_IP', $c), 'date' => wxr_date($x, 'wp:comment_date', $c, $cwhere, true),
        'gmt' => wxr_date($x, 'wp:comment_date_gmt', $c, $cwhere, false), 'content' => wxr_text($x, 'wp:comment_content', $c, false),
        'approved' => wxr_text($x, 'wp:comment_approved', $c), 'type' => wxr_text($x, 'wp:comment_type', $c),
        'parent' => ctype_digit($parent) ? (int) $parent : 0];
    }
    $out['items'][] = ['id' => (int) $id, 'type' => $type, 'status' => $status, 'title' => wxr_text($x, 'title', $item, false),
      'author' => wxr_text($x, 'dc:creator', $item), 'content' => wxr_text($x, 'content:encoded', $item, false),
      'excerpt' => wxr_text($x, 'excerpt:encoded', $item, false), 'date' => $date, 'gmt' => $gmt,
      'comment_status' => wxr_text($x, 'wp:comment_status', $item) ?: 'open', 'ping_status' => wxr_text($x, 'wp:ping_status', $item) ?: 'open',
      'slug' => wxr_text($x, 'wp:post_name', $item), 'parent' => (int) wxr_text($x, 'wp:post_parent', $item),
      'menu_order' => (int) wxr_text($x, 'wp:menu_order', $item), 'password' => wxr_text($x, 'wp:post_password', $item, false),
      'sticky' => wxr_text($x, 'wp:is_sticky', $item) === '1', 'guid' => wxr_text($x, 'guid', $item),
      'attachment_url' => wxr_text($x, 'wp:attachment_url', $item), 'terms' => $terms, 'meta' => $meta, 'comments' => $comments];
  }
  if (!$out['items']) {
    wxr_fail("$file has no <item>s: nothing to import");
  }
  return $out;
}

function wxr_text($x, $path, $context, $trim = true) {
  $n = $x->query($path, $context)->item(0);
  $s = $n ? $n->textContent : '';
  return $trim ? trim($s) : $s;
}

function wxr_term($x, $el, $file, $taxonomy, $slugPath, $namePath, $parentPath, $descriptionPath) {
  $slug = wxr_text($x, $slugPath, $el);
  $name = wxr_text($x, $namePath, $el);
  if ($taxonomy === '' || $name === '') {
    wxr_fail("$file line {$el->getLineNo()}: <{$el->nodeName}> without " . ($taxonomy === '' ? "a taxonomy" : "<$namePath>"));
  }
  return ['taxonomy' => $taxonomy, 'slug' => $slug, 'name' => $name,
    'parent' => $parentPath ? wxr_text($x, $parentPath, $el) : '', 'description' => wxr_text($x, $descriptionPath, $el)];
}

/** A 'Y-m-d H:i:s' date; the zero date only where allowed (drafts have no GMT date). */
function wxr_date($x, $path, $context, $where, $required) {
  $s = wxr_text($x, $path, $context);
  if ($s === '' && !$required) {
    return '0000-00-00 00:00:00';
  }
  if (!preg_match('/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/', $s) || ($s === '0000-00-00 00:00:00' && $required)) {
    wxr_fail("$where: <$path> is " . ($s === '' ? "missing" : "'$s'") . ", expected YYYY-MM-DD HH:MM:SS");
  }
  return $s;
}

function wxr_check($result, $what) {
  if (is_wp_error($result)) {
    fwrite(STDERR, "import-wxr: $what: " . $result->get_error_message() . "\n");
    exit(1);
  }
  return $result;
}

function wxr_import($wxr) {
  global $wpdb;
  // As the importing administrator: no kses on content, titles keep their markup.
  wp_set_current_user(1);
  kses_remove_filters();
  wp_defer_term_counting(true);
  wp_defer_comment_counting(true);
  update_option('blogname', $wxr['title']);
  update_option('blogdescription', $wxr['description']);

  $users = [];
  foreach ($wxr['authors'] as $a) {
    $existing = get_user_by('login', $a['login']);
    $users[$a['login']] = $existing ? $existing->ID : wxr_check(wp_insert_user(['user_login' => $a['login'],
      'user_pass' => wp_generate_password(20), 'user_email' => $a['email'], 'display_name' => $a['display'] ?: $a['login'],
      'nickname' => $a['display'] ?: $a['login'], 'first_name' => $a['first'], 'last_name' => $a['last'], 'role' => 'author']),
      "author {$a['login']}");
  }

  // Terms: parents first (a parent is named by slug and may come later in the file).
  $pending = $wxr['terms'];
  for ($pass = 0; $pending && $pass < 10; $pass++) {
    $later = [];
    foreach ($pending as $t) {
      $parent = 0;
      if ($t['parent'] !== '') {
        $p = get_term_by('slug', $t['parent'], $t['taxonomy']);
        if (!$p) {
          $later[] = $t;
          continue;
        }
        $parent = $p->term_id;
      }
      wxr_term_id($t['taxonomy'], $t['slug'], $t['name'], $parent, $t['description']);
    }
    $pending = $later;
  }
  foreach ($pending as $t) {
    fwrite(STDERR, "import-wxr: warning: {$t['taxonomy']} '{$t['slug']}' names unknown parent '{$t['parent']}'; imported at the top\n");
    wxr_term_id($t['taxonomy'], $t['slug'], $t['name'], 0, $t['description']);
  }

  $ids = [];
  $counts = [];
  foreach ($wxr['items'] as $it) {
    if ($it['type'] === 'nav_menu_item') {
      $counts['nav_menu_item (skipped)'] = ($counts['nav_menu_item (skipped)'] ?? 0) + 1;
      continue;
    }
    if (!isset($users[$it['author']])) {
      fwrite(STDERR, "import-wxr: warning: item {$it['id']} '{$it['title']}' has unknown author '{$it['author']}'; assigned to admin\n");
    }
    $post = ['import_id' => $it['id'], 'post_type' => $it['type'], 'post_status' => $it['status'],
      'post_author' => $users[$it['author']] ?? 1, 'post_title' => wp_slash($it['title']), 'post_content' => wp_slash($it['content']),
      'post_excerpt' => wp_slash($it['excerpt']), 'post_name' => $it['slug'], 'post_date' => $it['date'], 'post_date_gmt' => $it['gmt'],
      'comment_status' => $it['comment_status'], 'ping_status' => $it['ping_status'], 'menu_order' => $it['menu_order'],
      'post_password' => wp_slash($it['password']), 'guid' => $it['guid']];
    if ($it['type'] === 'attachment') {
      $url = $it['attachment_url'] ?: $it['guid'];
      $post['guid'] = $url;
      $post['post_mime_type'] = wp_check_filetype(parse_url($url, PHP_URL_PATH))['type'] ?: 'application/octet-stream';
      $id = wxr_check(wp_insert_attachment($post, false, 0, true), "attachment {$it['id']}");
    } else {
      $id = wxr_check(wp_insert_post($post, true), "{$it['type']} {$it['id']} '{$it['title']}'");
    }
    $ids[$it['id']] = $id;
    $counts[$it['type'] . ' ' . $it['status']] = ($counts[$it['type'] . ' ' . $it['status']] ?? 0) + 1;
    $byTaxonomy = [];
    foreach ($it['terms'] as $t) {
      if ($t['taxonomy'] === 'post_format') {
        set_post_format($id, preg_replace('/^post-format-/', '', $t['slug']));
      } elseif (taxonomy_exists($t['taxonomy'])) {
        $byTaxonomy[$t['taxonomy']][] = wxr_term_id($t['taxonomy'], $t['slug'], $t['name'], 0, '');
      }
    }
    foreach ($byTaxonomy as $taxonomy => $termIds) {
      wxr_check(wp_set_object_terms($id, $termIds, $taxonomy), "terms of item {$it['id']}");
    }
    if ($it['sticky'] && $it['type'] === 'post') {
      stick_post($id);
    }
  }
  // Parents and featured images point at export ids: map them once everything exists.
  foreach ($wxr['items'] as $it) {
    if (!isset($ids[$it['id']])) {
      continue;
    }
    $id = $ids[$it['id']];
    if ($it['parent'] && isset($ids[$it['parent']])) {
      $wpdb->update($wpdb->posts, ['post_parent' => $ids[$it['parent']]], ['ID' => $id]);
    }
    foreach ($it['meta'] as $m) {
      if ($m['key'] === '' || preg_match('/^(_edit_lock|_edit_last|_publicize_|_menu_item_|_wp_attached_file$)/', $m['key'])) {
        continue;
      }
      $value = $m['key'] === '_thumbnail_id' ? ($ids[(int) $m['value']] ?? null) : maybe_unserialize($m['value']);
      if ($value !== null) {
        add_post_meta($id, wp_slash($m['key']), is_string($value) ? wp_slash($value) : $value);
      }
    }
    clean_post_cache($id);
  }
  $commentCount = 0;
  foreach ($wxr['items'] as $it) {
    if (!isset($ids[$it['id']]) || !$it['comments']) {
      continue;
    }
    $cids = [];
    foreach ($it['comments'] as $c) {
      $approved = $c['approved'] === '' ? '1' : $c['approved'];
      $cid = wp_insert_comment(wp_slash(['comment_post_ID' => $ids[$it['id']], 'comment_author' => $c['author'],
        'comment_author_email' => $c['email'], 'comment_author_url' => $c['url'], 'comment_author_IP' => $c['ip'],
        'comment_date' => $c['date'], 'comment_date_gmt' => $c['gmt'] === '0000-00-00 00:00:00' ? $c['date'] : $c['gmt'],
        'comment_content' => $c['content'], 'comment_approved' => $approved, 'comment_type' => $c['type'] ?: 'comment',
        'comment_parent' => 0, 'user_id' => 0]));
      if (!$cid) {
        fwrite(STDERR, "import-wxr: comment {$c['id']} of item {$it['id']} could not be inserted\n");
        exit(1);
      }
      $cids[$c['id']] = $cid;
      $commentCount++;
    }
    foreach ($it['comments'] as $c) {
      if ($c['parent'] && isset($cids[$c['parent']])) {
        $wpdb->update($wpdb->comments, ['comment_parent' => $cids[$c['parent']]], ['comment_ID' => $cids[$c['id']]]);
        clean_comment_cache($cids[$c['id']]);
      }
    }
    wp_update_comment_count_now($ids[$it['id']]);
  }
  wp_defer_term_counting(false);
  wp_defer_comment_counting(false);
  flush_rewrite_rules(true);
  ksort($counts);
  foreach ($counts as $what => $n) {
    echo "$n $what\n";
  }
  echo "$commentCount comments\n";
  echo "imported " . count($ids) . " items\n";
}

function wxr_term_id($taxonomy, $slug, $name, $parent, $description) {
  if (!taxonomy_exists($taxonomy)) {
    return 0;
  }
  $t = $slug !== '' ? get_term_by('slug', $slug, $taxonomy) : get_term_by('name', $name, $taxonomy);
  if ($t) {
    return (int) $t->term_id;
  }
  $r = wxr_check(wp_insert_term(wp_slash($name), $taxonomy, ['slug' => $slug, 'parent' => $parent, 'description' => wp_slash($description)]),
    "$taxonomy '$name'");
  return (int) $r['term_id'];
}
