<?php
/** The plugin activates through WordPress's own API and registers its parts. */
class ActivationTest extends BlogsearchTestCase {
	public function test_activates_through_the_plugin_api_and_registers_block_shortcode_and_hooks(): void {
		deactivate_plugins( 'blogsearch/blogsearch.php' );
		$this->assertFalse( is_plugin_active( 'blogsearch/blogsearch.php' ) );
		$this->assertNull( activate_plugin( 'blogsearch/blogsearch.php' ) );
		$this->assertTrue( is_plugin_active( 'blogsearch/blogsearch.php' ) );
		$this->assertTrue( in_array( 'blogsearch/blogsearch.php', (array) self::stored_option( 'active_plugins' ), true ) );

		$data = get_plugin_data( WP_PLUGIN_DIR . '/blogsearch/blogsearch.php', false, false );
		$this->assertSame( 'Blog search', $data['Name'] );
		$this->assertSame( 'blogsearch', $data['TextDomain'] );
		$this->assertSame( '6.1', $data['RequiresWP'] );
		$this->assertSame( '8.2', $data['RequiresPHP'] );

		$block = WP_Block_Type_Registry::get_instance()->get_registered( 'blogsearch/related' );
		$this->assertNotNull( $block );
		$this->assertSame( array( 'count', 'layout', 'showImage', 'showDate', 'showExcerpt' ), array_slice( array_keys( $block->attributes ), 0, 5 ) );
		$this->assertSame( array( 'list', 'grid' ), $block->attributes['layout']['enum'] );
		$this->assertTrue( $block->is_dynamic() );
		// The inspector controls: a plain script (no build step) on the editor's own packages.
		$this->assertSame( array( 'blogsearch-related-editor-script' ), $block->editor_script_handles );
		$editor = wp_scripts()->query( 'blogsearch-related-editor-script' );
		$this->assertNotFalse( $editor );
		$this->assertStringEndsWith( '/blogsearch/blocks/related/editor.js', $editor->src );
		$this->assertSame( array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render' ), $editor->deps );
		$this->assertTrue( shortcode_exists( 'blogsearch_related' ) );
		$this->assertNotFalse( has_filter( 'posts_pre_query', array( blogsearch()->search, 'pre_query' ) ) );
		$this->assertNotFalse( has_action( 'wp_after_insert_post', array( blogsearch()->sync, 'on_save' ) ) );
		$this->assertNotFalse( has_action( Blogsearch_Sync::RETRY_HOOK, array( blogsearch()->sync, 'flush' ) ) );
		$this->assertNotFalse( has_action( 'wp_ajax_blogsearch_test_connection', array( blogsearch()->admin, 'ajax_test_connection' ) ) );
	}

	public function test_deactivation_clears_the_scheduled_retry_but_keeps_settings(): void {
		wp_schedule_single_event( time() + 600, Blogsearch_Sync::RETRY_HOOK );
		deactivate_plugins( 'blogsearch/blogsearch.php' );
		$this->assertFalse( wp_next_scheduled( Blogsearch_Sync::RETRY_HOOK ) );
		$this->assertSame( getenv( 'BLOGSEARCH_ENGINE_URL' ), get_option( 'blogsearch_engine_url' ) );
		$this->assertNull( activate_plugin( 'blogsearch/blogsearch.php' ) );
	}
}
