<?php
/** Settings → Blog search over HTTP, as a browser would: capability and nonce required for every change. */
class SettingsTest extends BlogsearchTestCase {
	/** POST to wp-admin/options.php with the session of $user and (if given) its nonce. */
	private static function save( int $user, bool $with_nonce, array $fields ): array {
		[ $cookies, $nonce ] = self::login( $user, 'blogsearch-options' );
		$body = array_merge( array( 'option_page' => 'blogsearch', 'action' => 'update', '_wp_http_referer' => '/wp-admin/options-general.php?page=blogsearch' ), $fields );
		if ( $with_nonce ) {
			$body['_wpnonce'] = $nonce;
		}
		return self::page( '/wp-admin/options.php', array( 'method' => 'POST', 'cookies' => $cookies, 'body' => $body ) );
	}

	private static function ajax( int $user, string $action, ?string $nonce_action, array $fields = array() ): array {
		[ $cookies, $nonce ] = self::login( $user, (string) $nonce_action );
		$body = array_merge( array( 'action' => $action ), $fields, $nonce_action ? array( 'nonce' => $nonce ) : array() );
		[ $code, $html ] = self::page( '/wp-admin/admin-ajax.php', array( 'method' => 'POST', 'cookies' => $cookies, 'body' => $body ) );
		return array( $code, json_decode( $html, true ) );
	}

	public function test_administrator_with_nonce_saves_the_settings(): void {
		$engine = getenv( 'BLOGSEARCH_ENGINE_URL' );
		[ $code, , $r ] = self::save( 1, true, array( 'blogsearch_engine_url' => $engine . '/', 'blogsearch_site' => 'my blog!', 'blogsearch_token' => '', 'blogsearch_related_auto' => '1' ) );
		$this->assertSame( 302, $code );
		$this->assertStringContainsString( 'settings-updated=true', wp_remote_retrieve_header( $r, 'location' ) );
		$this->assertSame( $engine, self::stored_option( 'blogsearch_engine_url' ), 'trailing slash dropped' );
		$this->assertSame( 'myblog', self::stored_option( 'blogsearch_site' ) );
		$this->assertSame( getenv( 'BLOGSEARCH_TOKEN' ), self::stored_option( 'blogsearch_token' ), 'an empty token field keeps the token' );
		$this->assertSame( '1', (string) self::stored_option( 'blogsearch_related_auto' ) );
	}

	public function test_save_without_nonce_is_refused(): void {
		[ $code, $html ] = self::save( 1, false, array( 'blogsearch_engine_url' => 'http://evil.example', 'blogsearch_site' => 'x' ) );
		$this->assertSame( 403, $code );
		$this->assertStringContainsString( 'The link you followed has expired.', $html );
		$this->assertSame( getenv( 'BLOGSEARCH_ENGINE_URL' ), self::stored_option( 'blogsearch_engine_url' ) );
	}

	public function test_save_without_the_capability_is_refused_even_with_a_nonce(): void {
		[ $code, $html ] = self::save( self::user( 'editor' ), true, array( 'blogsearch_engine_url' => 'http://evil.example', 'blogsearch_site' => 'x' ) );
		$this->assertSame( 403, $code );
		$this->assertStringContainsString( 'not allowed to manage options', $html );
		$this->assertSame( getenv( 'BLOGSEARCH_ENGINE_URL' ), self::stored_option( 'blogsearch_engine_url' ) );
	}

	public function test_an_engine_url_that_is_not_http_keeps_the_old_value_and_says_why(): void {
		[ $code ] = self::save( 1, true, array( 'blogsearch_engine_url' => 'javascript:alert(1)', 'blogsearch_site' => '' ) );
		$this->assertSame( 302, $code );
		$this->assertSame( getenv( 'BLOGSEARCH_ENGINE_URL' ), self::stored_option( 'blogsearch_engine_url' ) );
	}

	public function test_settings_page_renders_for_administrators_only_and_never_prints_the_token(): void {
		[ $cookies ] = self::login( 1, 'x' );
		[ $code, $html ] = self::page( '/wp-admin/options-general.php?page=blogsearch', array( 'cookies' => $cookies ) );
		$this->assertSame( 200, $code );
		$x = self::dom( $html );
		foreach ( array( 'blogsearch_engine_url', 'blogsearch_site', 'blogsearch_token', 'blogsearch_related_auto' ) as $name ) {
			$this->assertSame( 1, $x->query( '//form[@action="options.php"]//input[@name="' . $name . '"]' )->length, $name );
		}
		$this->assertSame( 1, $x->query( '//input[@name="_wpnonce"]' )->length );
		$this->assertSame( 1, $x->query( '//button[@id="blogsearch-test"]' )->length );
		$this->assertSame( 1, $x->query( '//button[@id="blogsearch-sync-all"]' )->length );
		$this->assertSame( 1, $x->query( '//table[@id="blogsearch-status"]' )->length );
		$this->assertStringNotContainsString( getenv( 'BLOGSEARCH_TOKEN' ), $html );
		[ $editor ] = self::login( self::user( 'editor' ), 'x' );
		$this->assertSame( 403, self::page( '/wp-admin/options-general.php?page=blogsearch', array( 'cookies' => $editor ) )[0] );
	}

	public function test_test_connection_reports_the_engine_and_the_token(): void {
		[ $code, $json ] = self::ajax( 1, 'blogsearch_test_connection', Blogsearch_Admin::NONCE );
		$this->assertSame( 200, $code );
		$this->assertTrue( $json['success'] );
		$documents = self::engine( '/ready' )[1]['documents'];
		$this->assertSame( $documents, $json['data']['documents'] );
		$this->assertStringStartsWith( 'Connected: the engine serves ' . $documents . ' posts', $json['data']['message'] );

		update_option( 'blogsearch_token', 'wrong-token' );
		$this->assertStringContainsString( 'refuses the admin token', self::ajax( 1, 'blogsearch_test_connection', Blogsearch_Admin::NONCE )[1]['data']['message'] );
		self::configure( self::dead_engine() );
		$this->assertStringStartsWith( 'The engine cannot be reached', self::ajax( 1, 'blogsearch_test_connection', Blogsearch_Admin::NONCE )[1]['data']['message'] );
	}

	public function test_ajax_actions_need_the_capability_and_the_nonce(): void {
		foreach ( array( 'blogsearch_test_connection', 'blogsearch_sync_batch' ) as $action ) {
			[ $code, $json ] = self::ajax( 1, $action, null );
			$this->assertSame( 403, $code, "$action without nonce" );
			$this->assertFalse( $json['success'] );
			[ $code ] = self::ajax( self::user( 'editor' ), $action, Blogsearch_Admin::NONCE );
			$this->assertSame( 403, $code, "$action as editor" );
		}
	}

	public function test_sync_all_over_ajax_reports_progress(): void {
		[ $code, $json ] = self::ajax( 1, 'blogsearch_sync_batch', Blogsearch_Admin::NONCE, array( 'after' => '0' ) );
		$this->assertSame( 200, $code );
		$this->assertTrue( $json['success'] );
		$total = (int) wp_count_posts( 'post' )->publish;
		$this->assertSame( $total, $json['data']['total'] );
		$this->assertSame( min( $total, Blogsearch_Sync::BATCH ), $json['data']['pushed'] );
		$this->assertSame( $total <= Blogsearch_Sync::BATCH, $json['data']['done'] );
	}
}
