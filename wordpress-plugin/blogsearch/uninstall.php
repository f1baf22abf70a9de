<?php
/**
 * Deleting the plugin removes everything it stored: settings, the retry queue, status, cached
 * related lists, the pushed-URL post meta and the scheduled retry. The engine's index is left alone.
 *
 * @package Blogsearch
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

foreach ( array( 'blogsearch_engine_url', 'blogsearch_site', 'blogsearch_token', 'blogsearch_related_auto', 'blogsearch_queue', 'blogsearch_status' ) as $blogsearch_option ) {
	delete_option( $blogsearch_option );
}
wp_clear_scheduled_hook( 'blogsearch_retry' );
delete_post_meta_by_key( '_blogsearch_url' );
global $wpdb;
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( '_transient_blogsearch_' ) . '%', $wpdb->esc_like( '_transient_timeout_blogsearch_' ) . '%' ) ); // phpcs:ignore WordPress.DB
