<?php
// Switches the running test WordPress to another theme. Args: theme slug, port (start.sh's PORT).
require __DIR__ . '/boot.php';
if ($argc < 3) { fwrite(STDERR, "usage: php switch-theme.php THEME PORT\n"); exit(2); }
blogsearch_boot_wordpress($argv[2]);
require '/usr/share/wordpress/wp-load.php';
if (!wp_get_theme($argv[1])->exists()) { fwrite(STDERR, "no such theme: {$argv[1]}\n"); exit(1); }
switch_theme($argv[1]);
echo "theme " . get_stylesheet() . "\n";
