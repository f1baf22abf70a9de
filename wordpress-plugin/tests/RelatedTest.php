<?php
/** The related list: block, shortcode and auto-append, rendered in PHP from /api/related and cached with ETag revalidation. */
class RelatedTest extends BlogsearchTestCase {
	private WP_Post $post;

	protected function setUp(): void {
		parent::setUp();
		self::await_engine_idle( $this );
		// A sample-blog post the engine crawled at start-up, with its related list.
		$this->post = get_posts( array( 'post_type' => 'post', 'numberposts' => 1, 'orderby' => 'ID', 'order' => 'ASC', 'title' => '' ) )[0];
		$GLOBALS['post'] = $this->post;
		setup_postdata( $this->post );
		$this->assertNotEmpty( self::engine_related( get_permalink( $this->post ) ), 'the sample post has a related list' );
	}

	protected function tearDown(): void {
		wp_reset_postdata();
		switch_theme( 'twentytwentyone' );
	}

	public function test_shortcode_renders_the_engines_list_with_its_attributes(): void {
		$html = do_shortcode( '[blogsearch_related count="3" show_date="no" showexcerpt="false"]' );
		$x    = self::dom( $html );
		$this->assertSame( self::engine_related( get_permalink( $this->post ), 3 ), self::hrefs( $x, '//nav[contains(@class,"blogsearch-related--list")]//li/a' ) );
		$this->assertSame( 0, $x->query( '//time' )->length );
		$this->assertSame( 0, $x->query( '//p[contains(@class,"blogsearch-related__excerpt")]' )->length );
		$this->assertSame( 'Related posts', trim( $x->query( '//h2' )->item( 0 )->textContent ) );
	}

	public function test_block_renders_the_engines_list_with_its_attributes(): void {
		$html  = render_block( array( 'blockName' => 'blogsearch/related', 'attrs' => array( 'count' => 2, 'layout' => 'grid', 'showExcerpt' => true ), 'innerBlocks' => array(), 'innerHTML' => '', 'innerContent' => array() ) );
		$x     = self::dom( $html );
		$items = self::engine( '/api/related', array( 'url' => get_permalink( $this->post ), 'limit' => 2 ) )[1]['items'];
		$this->assertSame( array_column( $items, 'url' ), self::hrefs( $x, '//nav[contains(@class,"blogsearch-related--grid")]//li/a' ) );
		$this->assertSame( array_column( $items, 'title' ), array_map( fn( $a ) => $a->textContent, iterator_to_array( $x->query( '//li/a' ) ) ) );
		$this->assertSame( 2, $x->query( '//li/time[@datetime]' )->length, 'dates shown by default' );
		$this->assertSame( 2, $x->query( '//li/p[contains(@class,"blogsearch-related__excerpt")]' )->length );
	}

	public function test_list_is_cached_and_revalidated_with_if_none_match(): void {
		$calls = array();
		$watch = function ( $response, $context, $class, $args, $url ) use ( &$calls ) {
			if ( str_contains( $url, '/api/related' ) ) {
				$calls[] = array( 'code' => is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response ), 'if-none-match' => $args['headers']['If-None-Match'] ?? '' );
			}
		};
		add_action( 'http_api_debug', $watch, 10, 5 );
		try {
			$attrs = array( 'count' => 4 );
			$first = blogsearch()->related->render( $this->post, $attrs );
			$this->assertSame( array( array( 'code' => 200, 'if-none-match' => '' ) ), $calls );
			$this->assertSame( $first, blogsearch()->related->render( $this->post, $attrs ) );
			$this->assertCount( 1, $calls, 'a cached list costs no request' );

			$key              = Blogsearch_Related::cache_key( $this->post->ID, get_permalink( $this->post ), Blogsearch_Related::normalize( $attrs ) );
			$cached           = get_transient( $key );
			$cached['fresh_until'] = time() - 1;  // the engine's max-age has passed
			set_transient( $key, $cached, HOUR_IN_SECONDS );
			$this->assertSame( $first, blogsearch()->related->render( $this->post, $attrs ) );
			$this->assertCount( 2, $calls );
			$this->assertSame( 304, $calls[1]['code'] );
			$this->assertSame( $cached['etag'], $calls[1]['if-none-match'] );
			$this->assertMatchesRegularExpression( '/^"[0-9a-f]+"$/', $cached['etag'] );
			$this->assertGreaterThanOrEqual( time() + 50, get_transient( $key )['fresh_until'], 'fresh again for the engine\'s max-age (60 s)' );

			// Engine stopped: the last list is still shown, without a warning.
			self::configure( self::dead_engine() );
			$cached['fresh_until'] = time() - 1;
			set_transient( $key, $cached, HOUR_IN_SECONDS );
			$this->assertSame( $first, blogsearch()->related->render( $this->post, $attrs ) );
			$this->assertSame( 0, $calls[2]['code'] );
			$this->assertSame( '', blogsearch()->related->render( $this->post, array( 'count' => 7 ) ), 'nothing cached, engine down: no list' );
		} finally {
			remove_action( 'http_api_debug', $watch, 10 );
		}
	}

	public static function themes(): array {
		return array( 'classic theme' => array( 'twentytwentyone' ), 'block theme' => array( 'twentytwentythree' ) );
	}

	/** @dataProvider themes */
	public function test_list_is_appended_after_post_content_when_the_option_is_on( string $theme ): void {
		switch_theme( $theme );
		$url = get_permalink( $this->post );
		[ , $html ] = self::page( wp_make_link_relative( $url ) );
		$this->assertStringNotContainsString( '<nav class="blogsearch-related', $html, 'off by default' );
		update_option( 'blogsearch_related_auto', 1 );
		$log = self::log_size();
		foreach ( array( 'first view', 'second view, from the cache' ) as $view ) {
			[ $code, $html ] = self::page( wp_make_link_relative( $url ) );
			$this->assertSame( 200, $code );
			$x = self::dom( $html );
			$this->assertSame( self::engine_related( $url, 5 ), self::hrefs( $x, '//nav[contains(@class,"blogsearch-related")]//li/a' ), $view );
			$this->assertSame( 1, $x->query( '//*[@id="blogsearch-related-style-css" or @id="blogsearch-related-style-inline-css"]' )->length, "$view: its stylesheet is loaded (linked or inlined)" );
		}
		$this->assertSame( array(), self::php_errors_since( $log ) );
	}

	/** @dataProvider themes */
	public function test_block_in_a_post_renders_on_its_page( string $theme ): void {
		switch_theme( $theme );
		$word = self::unique_word();
		$post = self::publish( array( 'post_title' => 'Managing up ' . $word, 'post_content' => "<!-- wp:paragraph -->\n<p>How to manage your manager, with feedback and one-on-ones, about $word.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:blogsearch/related {\"count\":3,\"layout\":\"grid\"} /-->", 'tags_input' => array( 'feedback', 'one-on-ones' ) ) );
		self::flush();
		$url = get_permalink( $post );
		$this->await( fn() => count( self::engine_related( $url, 3 ) ) === 3, 'the engine lists 3 related posts' );
		[ , $stored ] = self::engine( '/api/posts', array( 'url' => $url ) );
		$this->assertStringNotContainsString( 'Related posts', $stored['body'], 'the list is not pushed as part of the post' );
		self::await_engine_idle( $this );
		[ $code, $html ] = self::page( wp_make_link_relative( $url ) );
		$this->assertSame( 200, $code );
		$this->assertSame( self::engine_related( $url, 3 ), self::hrefs( self::dom( $html ), '//nav[contains(@class,"blogsearch-related--grid")]//li/a' ) );
	}
}
