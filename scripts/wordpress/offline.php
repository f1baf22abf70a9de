<?php
/*
 * Plugin Name: Offline (test)
 * Description: The test WordPress never calls out: oEmbed look-ups, update checks and pings fail at
 * once instead of waiting on the network, so pages render the same everywhere and fast.
 */
add_filter('pre_http_request', function ($pre, $args, $url) {
  $host = parse_url($url, PHP_URL_HOST);
  return $host === '127.0.0.1' || $host === 'localhost' ? $pre : new WP_Error('http_request_blocked', 'offline test WordPress');
}, 10, 3);
