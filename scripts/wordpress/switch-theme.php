<?php
// Switches the running test WordPress to another theme. Arg: theme slug.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
switch_theme($argv[1]);
echo "theme " . get_stylesheet() . "\n";
