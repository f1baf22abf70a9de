<?php
/** uninstall.php removes what the plugin stored; the test puts the settings back for later runs. */
class UninstallTest extends BlogsearchTestCase {
	public function test_uninstall_removes_options_meta_transients_and_the_scheduled_retry(): void {
		$post = self::publish( array( 'post_title' => 'Pushed ' . self::unique_word(), 'post_content' => '<p>x y z</p>' ) );
		self::flush();
		$this->assertNotSame( '', get_post_meta( $post->ID, Blogsearch_Sync::URL_META, true ) );
		update_option( Blogsearch_Sync::STATUS_OPTION, array( 'last_sync' => array( 'time' => time(), 'pushed' => 1, 'deleted' => 0 ) ), false );
		update_option( Blogsearch_Sync::QUEUE_OPTION, array( 'p1' => array() ), false );
		set_transient( Blogsearch_Related::CACHE_PREFIX . 'x', array( 'html' => '' ), 60 );
		wp_schedule_single_event( time() + 600, Blogsearch_Sync::RETRY_HOOK );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'blogsearch/blogsearch.php' );
		}
		include WP_PLUGIN_DIR . '/blogsearch/uninstall.php';
		wp_cache_flush();
		foreach ( array( 'blogsearch_engine_url', 'blogsearch_site', 'blogsearch_token', 'blogsearch_related_auto', Blogsearch_Sync::QUEUE_OPTION, Blogsearch_Sync::STATUS_OPTION ) as $option ) {
			$this->assertFalse( get_option( $option ), $option );
		}
		$this->assertFalse( get_transient( Blogsearch_Related::CACHE_PREFIX . 'x' ) );
		$this->assertFalse( wp_next_scheduled( Blogsearch_Sync::RETRY_HOOK ) );
		$this->assertSame( '', get_post_meta( $post->ID, Blogsearch_Sync::URL_META, true ) );
		self::configure( getenv( 'BLOGSEARCH_ENGINE_URL' ) );
	}
}
