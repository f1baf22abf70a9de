<?php
// Loads the test WordPress started by start.sh on PORT from the command line. start.sh writes
// /etc/wordpress/config-blogsearch-PORT.php, and Debian's wp-config.php picks it by WORDPRESS_CONFIG,
// so several instances (one per port) can run side by side.
function blogsearch_boot_wordpress($port, $installing = false) {
  ini_set('display_errors', 'stderr');  // keep stdout for the script's own output (JSON)
  if (!preg_match('/^[0-9]+$/', (string) $port)) {
    fwrite(STDERR, "not a port number: $port\n");
    exit(2);
  }
  $_SERVER['WORDPRESS_CONFIG'] = 'blogsearch-' . $port;
  $_SERVER['HTTP_HOST'] = '127.0.0.1:' . $port;
  $_SERVER['REQUEST_URI'] = '/';
  if (!file_exists('/etc/wordpress/config-blogsearch-' . $port . '.php')) {
    fwrite(STDERR, "no test WordPress on port $port (start it with scripts/wordpress/start.sh)\n");
    exit(2);
  }
  if ($installing) {
    define('WP_INSTALLING', true);
  }
}
