<?php
/** The theme's own search page (/?s=), requested from the running Apache, shows the engine's results. */
class SearchTest extends BlogsearchTestCase {
	private static string $word = '';
	/** @var string[] permalinks of the posts made for the searches */
	private static array $urls = array();

	protected function setUp(): void {
		parent::setUp();
		if ( '' === self::$word ) {
			// Twelve posts with the word: two result pages of 10, ranked by how often they say it.
			self::$word = self::unique_word();
			for ( $i = 1; $i <= 12; $i++ ) {
				$post         = self::publish( array( 'post_title' => "Search fixture $i", 'post_content' => '<p>' . str_repeat( self::$word . ' ', $i ) . 'and other words about teams.</p>', 'post_date' => gmdate( 'Y-m-d H:i:s', time() - 86400 * $i ) ) );
				self::$urls[] = get_permalink( $post );
			}
			self::flush();
			$this->await( fn() => count( self::engine_hits( self::$word, 50 ) ) === 12, 'the engine finds the 12 posts' );
		}
		self::await_engine_idle( $this );  // a visitor's search gets 1 s; a job recomputing related lists may take the CPU
	}

	protected function tearDown(): void {
		switch_theme( 'twentytwentyone' );
	}

	public static function themes(): array {
		return array(
			'classic theme' => array( 'twentytwentyone', '//h2[contains(@class,"entry-title")]/a', '//div[contains(@class,"entry-content")]' ),
			'block theme'   => array( 'twentytwentythree', '//h2[contains(@class,"wp-block-post-title")]/a', '//div[contains(@class,"wp-block-post-excerpt")]' ),
		);
	}

	/** @dataProvider themes */
	public function test_search_page_shows_the_engines_results_in_engine_order_inside_the_theme( string $theme, string $titles, string $excerpts ): void {
		switch_theme( $theme );
		$per_page = 'twentytwentythree' === $theme ? 6 : 10;  // the block theme's query loop asks for 6
		update_option( 'posts_per_page', $per_page );
		$log = self::log_size();
		[ $code, $html ] = self::page( '/?s=' . self::$word );
		$this->assertSame( 200, $code );
		$x = self::dom( $html );
		$this->assertStringContainsString( 'blogsearch-results', $x->query( '//body' )->item( 0 )->getAttribute( 'class' ) );
		$this->assertStringContainsString( 'search-results', $x->query( '//body' )->item( 0 )->getAttribute( 'class' ) );
		$this->assertSame( self::engine_hits( self::$word, $per_page ), self::hrefs( $x, $titles ), 'the theme lists the engine\'s hits, in its order' );
		$first = $x->query( $excerpts )->item( 0 );
		$this->assertNotNull( $first );
		$this->assertGreaterThan( 0, $x->query( './/mark', $first )->length, 'the snippet, with its <mark>, is the excerpt' );
		$this->assertSame( array(), self::php_errors_since( $log ) );
	}

	public function test_found_posts_and_the_second_page_follow_the_engine(): void {
		[ , $html ] = self::page( '/?s=' . self::$word );
		$this->assertStringContainsString( 'We found 12 results for your search.', $html );
		$x = self::dom( $html );
		$this->assertGreaterThan( 0, $x->query( '//nav[contains(@class,"pagination")]//a[contains(@href,"/page/2/")]' )->length, 'a link to page 2' );
		$this->assertSame( 0, $x->query( '//nav[contains(@class,"pagination")]//a[contains(@href,"/page/3/")]' )->length, 'no page 3' );
		[ $code, $html ] = self::page( '/page/2/?s=' . self::$word );
		$this->assertSame( 200, $code );
		$this->assertSame( self::engine_hits( self::$word, 10, 2 ), self::hrefs( self::dom( $html ), '//h2[contains(@class,"entry-title")]/a' ) );
		$this->assertCount( 2, self::engine_hits( self::$word, 10, 2 ) );
	}

	public function test_engine_stopped_gives_wordpress_native_results_and_no_warning(): void {
		self::configure( self::dead_engine() );
		$log = self::log_size();
		[ $code, $html ] = self::page( '/?s=' . self::$word );
		$this->assertSame( 200, $code );
		$x = self::dom( $html );
		$this->assertStringNotContainsString( 'blogsearch-results', $x->query( '//body' )->item( 0 )->getAttribute( 'class' ) );
		$native = new WP_Query( array( 's' => self::$word, 'posts_per_page' => 10, 'post_type' => 'post', 'post_status' => 'publish' ) );
		$this->assertSame( array_map( 'get_permalink', $native->posts ), self::hrefs( $x, '//h2[contains(@class,"entry-title")]/a' ) );
		$this->assertStringContainsString( 'We found 12 results for your search.', $html );
		$this->assertSame( 0, $x->query( '//mark' )->length );
		$this->assertSame( array(), self::php_errors_since( $log ) );
	}

	public function test_engine_that_never_answers_gives_native_results_after_the_one_second_timeout(): void {
		// Accepts connections (the kernel completes them) but never reads or answers.
		$server = stream_socket_server( 'tcp://127.0.0.1:0' );
		self::configure( 'http://' . stream_socket_get_name( $server, false ) );
		try {
			$log = self::log_size();
			$t0  = microtime( true );
			[ $code, $html ] = self::page( '/?s=' . self::$word );
			$took = microtime( true ) - $t0;
		} finally {
			fclose( $server );
		}
		$this->assertSame( 200, $code );
		$this->assertGreaterThanOrEqual( 1.0, $took );
		$this->assertLessThan( 4.0, $took, 'the page waits for the engine about a second, not longer' );
		$this->assertStringNotContainsString( 'blogsearch-results', $html );
		$this->assertStringContainsString( 'We found 12 results for your search.', $html );
		$this->assertSame( array(), self::php_errors_since( $log ) );
	}

	public function test_other_queries_are_left_to_wordpress(): void {
		// A secondary query (a widget's, a plugin's) is not the main search query.
		$q = new WP_Query( array( 's' => self::$word, 'posts_per_page' => 3 ) );
		$this->assertFalse( blogsearch()->search->answered() );
		$this->assertCount( 3, $q->posts );
		$this->assertSame( 12, $q->found_posts );
	}
}
