<?php
/**
 * Plugin Name:       Blog search
 * Plugin URI:        https://github.com/blogsearch/blogsearch
 * Description:       Real search and related posts from a blogsearch engine: posts are pushed to the engine on publish, the theme's search page shows the engine's results, and a block, a shortcode or an option lists related posts.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            blogsearch
 * License:           Apache-2.0
 * Text Domain:       blogsearch
 * Domain Path:       /languages
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'BLOGSEARCH_VERSION', '1.0.0' );
define( 'BLOGSEARCH_FILE', __FILE__ );
define( 'BLOGSEARCH_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-blogsearch-client.php';
require_once __DIR__ . '/includes/class-blogsearch-payload.php';
require_once __DIR__ . '/includes/class-blogsearch-sync.php';
require_once __DIR__ . '/includes/class-blogsearch-search.php';
require_once __DIR__ . '/includes/class-blogsearch-related.php';
require_once __DIR__ . '/includes/class-blogsearch-admin.php';

/**
 * The plugin's parts, wired once per request. One container object instead of globals or static state,
 * so tests can reach the same instances the hooks use.
 */
final class Blogsearch_Plugin {
	public readonly Blogsearch_Client $client;
	public readonly Blogsearch_Sync $sync;
	public readonly Blogsearch_Search $search;
	public readonly Blogsearch_Related $related;
	public readonly Blogsearch_Admin $admin;

	public function __construct() {
		$this->client  = new Blogsearch_Client();
		$this->sync    = new Blogsearch_Sync( $this->client, new Blogsearch_Payload() );
		$this->search  = new Blogsearch_Search( $this->client );
		$this->related = new Blogsearch_Related( $this->client );
		$this->admin   = new Blogsearch_Admin( $this->client, $this->sync );
	}

	public function register(): void {
		$this->sync->register();
		$this->search->register();
		$this->related->register();
		$this->admin->register();
		add_action( 'init', array( $this, 'load_textdomain' ) );
	}

	public function load_textdomain(): void {
		load_plugin_textdomain( 'blogsearch', false, dirname( plugin_basename( BLOGSEARCH_FILE ) ) . '/languages' );
	}
}

/** The plugin's instance for this request. */
function blogsearch(): Blogsearch_Plugin {
	global $blogsearch_plugin;
	if ( ! $blogsearch_plugin instanceof Blogsearch_Plugin ) {
		$blogsearch_plugin = new Blogsearch_Plugin();
		$blogsearch_plugin->register();
	}
	return $blogsearch_plugin;
}

/** Defaults on activation; existing settings are kept. */
function blogsearch_activate(): void {
	add_option( 'blogsearch_engine_url', '' );
	add_option( 'blogsearch_site', '' );
	add_option( 'blogsearch_token', '', '', false );
	add_option( 'blogsearch_related_auto', 0 );
}

/** Deactivation stops retries; the queue stays, so nothing is lost when the plugin comes back. */
function blogsearch_deactivate(): void {
	wp_clear_scheduled_hook( Blogsearch_Sync::RETRY_HOOK );
}

register_activation_hook( __FILE__, 'blogsearch_activate' );
register_deactivation_hook( __FILE__, 'blogsearch_deactivate' );

blogsearch();
