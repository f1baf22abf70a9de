<?php
/**
 * Loads the real WordPress that scripts/wordpress/start.sh runs on BLOGSEARCH_WP_PORT (its wp-load.php),
 * with the plugin installed in its wp-content/plugins, and points the plugin at the running engine.
 *
 * Environment: BLOGSEARCH_WP_PORT, BLOGSEARCH_ENGINE_URL, BLOGSEARCH_TOKEN (the engine's admin token),
 * BLOGSEARCH_WP_ERROR_LOG (Apache's error log, where PHP warnings of page requests land).
 */
foreach ( array( 'BLOGSEARCH_WP_PORT', 'BLOGSEARCH_ENGINE_URL', 'BLOGSEARCH_TOKEN', 'BLOGSEARCH_WP_ERROR_LOG' ) as $name ) {
	if ( false === getenv( $name ) || '' === getenv( $name ) ) {
		fwrite( STDERR, "bootstrap: $name is not set (run through WordPressPluginTest)\n" );
		exit( 2 );
	}
}
// PHPUnit includes this file inside a function and then copies its new local variables into $GLOBALS:
// a core file that sets a global at file scope ($shortcode_tags = array() in shortcodes.php) would be
// reset to that first value. Declared global here (as WordPress's own test bootstrap does), they stay one.
global $wpdb, $wp_rewrite, $shortcode_tags, $wp, $wp_query, $wp_the_query, $wp_theme_directories, $table_prefix, $wp_embed;
require dirname( __DIR__, 2 ) . '/scripts/wordpress/boot.php';
blogsearch_boot_wordpress( getenv( 'BLOGSEARCH_WP_PORT' ) );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
// WordPress without WP_DEBUG hides notices; the tests see all of the plugin's.
error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED );
ini_set( 'display_errors', 'stderr' );

// The administrator (unfiltered_html, like the site's owner), as in the editor.
wp_set_current_user( 1 );
if ( ! is_plugin_active( 'blogsearch/blogsearch.php' ) ) {
	$activated = activate_plugin( 'blogsearch/blogsearch.php' );
	if ( is_wp_error( $activated ) ) {
		fwrite( STDERR, 'bootstrap: activate_plugin failed: ' . $activated->get_error_message() . "\n" );
		exit( 1 );
	}
}
require __DIR__ . '/BlogsearchTestCase.php';
