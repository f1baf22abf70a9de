<?php
use PHPUnit\Framework\TestCase;

/** Shared by the plugin's tests: settings reset per test, calls to the engine and to the running Apache, polling. */
abstract class BlogsearchTestCase extends TestCase {
	/** The issue's freshness bar for the plugin's tests: found within 5 s of the push. */
	const FRESHNESS = 5.0;

	protected function setUp(): void {
		wp_set_current_user( 1 );
		self::configure( getenv( 'BLOGSEARCH_ENGINE_URL' ) );
		update_option( 'blogsearch_related_auto', 0 );
		update_option( Blogsearch_Sync::QUEUE_OPTION, array(), false );
		update_option( 'posts_per_page', 10 );
		wp_clear_scheduled_hook( Blogsearch_Sync::RETRY_HOOK );
		Blogsearch_Related::clear_cache();
	}

	protected static function configure( string $engine ): void {
		update_option( 'blogsearch_engine_url', $engine );
		update_option( 'blogsearch_token', getenv( 'BLOGSEARCH_TOKEN' ) );
		update_option( 'blogsearch_site', '' );
	}

	/** A URL where nothing listens: a port just bound and released. */
	protected static function dead_engine(): string {
		$server = stream_socket_server( 'tcp://127.0.0.1:0' );
		$port   = (int) substr( strrchr( stream_socket_get_name( $server, false ), ':' ), 1 );
		fclose( $server );
		return 'http://127.0.0.1:' . $port;
	}

	/** A word no sample post has, so a search for it finds exactly the posts a test made. */
	protected static function unique_word(): string {
		$w = 'zq';
		for ( $i = 0; $i < 8; $i++ ) {
			$w .= chr( ord( 'a' ) + random_int( 0, 25 ) );
		}
		return $w;
	}

	/** GET on the engine, bypassing the plugin (admin routes with the token). @return array{0:int,1:?array} */
	protected static function engine( string $path, array $query = array() ): array {
		$url = getenv( 'BLOGSEARCH_ENGINE_URL' ) . $path . ( $query ? '?' . http_build_query( $query ) : '' );
		$r   = wp_remote_get( $url, array( 'timeout' => 10, 'headers' => str_starts_with( $path, '/api/admin/' ) ? array( 'Authorization' => 'Bearer ' . getenv( 'BLOGSEARCH_TOKEN' ) ) : array() ) );
		if ( is_wp_error( $r ) ) {
			throw new RuntimeException( "$url: " . $r->get_error_message() );
		}
		return array( (int) wp_remote_retrieve_response_code( $r ), json_decode( wp_remote_retrieve_body( $r ), true ) );
	}

	/** URLs of the engine's hits for $q, in order. @return string[] */
	protected static function engine_hits( string $q, int $size = 10, int $page = 1 ): array {
		[ $code, $json ] = self::engine( '/api/search', array( 'q' => $q, 'size' => $size, 'page' => $page ) );
		return 200 === $code ? array_column( $json['hits'], 'url' ) : array();
	}

	/** URLs of the engine's related list of $url (empty when the engine has none). @return string[] */
	protected static function engine_related( string $url, int $limit = 5 ): array {
		[ $code, $json ] = self::engine( '/api/related', array( 'url' => $url, 'limit' => $limit ) );
		return 200 === $code ? array_column( $json['items'], 'url' ) : array();
	}

	/** Polls $condition every 50 ms until it holds; fails after $seconds. Returns the seconds it took. */
	public function await( callable $condition, string $what, float $seconds = self::FRESHNESS ): float {
		$t0 = microtime( true );
		do {
			if ( $condition() ) {
				return microtime( true ) - $t0;
			}
			usleep( 50000 );
		} while ( microtime( true ) - $t0 < $seconds );
		$this->fail( sprintf( '%s: not within %.1f s', $what, $seconds ) );
	}

	/**
	 * Waits until the engine runs no job: a push job recomputing related lists may keep it busy past
	 * the plugin's 1 s timeout for a page's related list, and these tests compare the lists themselves.
	 */
	protected static function await_engine_idle( TestCase $test ): void {
		$test->await( function () {
			[ $code, $status ] = self::engine( '/api/admin/status' );
			return 200 === $code && null === $status['runningJob'] && 0 === (int) ( $status['queue']['length'] ?? 0 );
		}, 'the engine is idle', 60 );
	}

	/** A published post; extra fields as wp_insert_post takes them. */
	protected static function publish( array $fields ): WP_Post {
		$id = wp_insert_post( wp_slash( array_merge( array( 'post_status' => 'publish', 'post_type' => 'post', 'post_author' => 1 ), $fields ) ), true );
		if ( is_wp_error( $id ) ) {
			throw new RuntimeException( $id->get_error_message() );
		}
		return get_post( $id );
	}

	/** Flushes the plugin's queue (the shutdown hook does not run inside PHPUnit) and asserts it pushed. */
	protected static function flush(): array {
		return blogsearch()->sync->flush();
	}

	/** A page of the running WordPress, over HTTP from Apache. @return array{0:int,1:string,2:array} */
	protected static function page( string $path, array $args = array() ): array {
		$r = wp_remote_request( home_url( $path ), array_merge( array( 'timeout' => 30, 'redirection' => 0 ), $args ) );
		if ( is_wp_error( $r ) ) {
			throw new RuntimeException( "$path: " . $r->get_error_message() );
		}
		return array( (int) wp_remote_retrieve_response_code( $r ), (string) wp_remote_retrieve_body( $r ), $r );
	}

	protected static function dom( string $html ): DOMXPath {
		$doc = new DOMDocument();
		libxml_use_internal_errors( true );  // themes' HTML5 is not XML
		$doc->loadHTML( '<?xml encoding="utf-8"?>' . $html );
		libxml_clear_errors();
		return new DOMXPath( $doc );
	}

	/** @return string[] the href of each node matched by $query */
	protected static function hrefs( DOMXPath $x, string $query ): array {
		$out = array();
		foreach ( $x->query( $query ) as $a ) {
			$out[] = $a->getAttribute( 'href' );
		}
		return $out;
	}

	/** Lines Apache's error log gained since $offset that are PHP errors, warnings, notices. */
	protected static function php_errors_since( int $offset ): array {
		clearstatcache();
		$log   = (string) file_get_contents( getenv( 'BLOGSEARCH_WP_ERROR_LOG' ), false, null, $offset );
		$lines = array_filter( explode( "\n", $log ), fn( $l ) => (bool) preg_match( '/PHP (Warning|Notice|Fatal|Parse|Deprecated)/', $l ) && ! str_contains( $l, '/usr/share/wordpress/wp-includes/' ) );
		return array_values( $lines );
	}

	protected static function log_size(): int {
		clearstatcache();
		return (int) @filesize( getenv( 'BLOGSEARCH_WP_ERROR_LOG' ) );
	}

	/** Cookies of a logged-in session of $user_id and a nonce for $action made in it. @return array{0:array,1:string} */
	protected static function login( int $user_id, string $action ): array {
		$expiration = time() + HOUR_IN_SECONDS;
		$token      = WP_Session_Tokens::get_instance( $user_id )->create( $expiration );
		$auth       = wp_generate_auth_cookie( $user_id, $expiration, 'auth', $token );
		$logged_in  = wp_generate_auth_cookie( $user_id, $expiration, 'logged_in', $token );
		$saved_user = get_current_user_id();
		$saved      = $_COOKIE[ LOGGED_IN_COOKIE ] ?? null;
		$_COOKIE[ LOGGED_IN_COOKIE ] = $logged_in;  // wp_create_nonce reads the session token from it
		wp_set_current_user( $user_id );
		$nonce = wp_create_nonce( $action );
		wp_set_current_user( $saved_user );
		if ( null === $saved ) {
			unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		} else {
			$_COOKIE[ LOGGED_IN_COOKIE ] = $saved;
		}
		return array( array( AUTH_COOKIE => $auth, LOGGED_IN_COOKIE => $logged_in ), $nonce );
	}

	protected static function user( string $role ): int {
		$login = 'test-' . $role;
		$user  = get_user_by( 'login', $login );
		return $user ? $user->ID : (int) wp_insert_user( array( 'user_login' => $login, 'user_pass' => wp_generate_password( 20 ), 'user_email' => $login . '@example.com', 'role' => $role ) );
	}

	/** The option as stored now (another process, Apache, may have written it). */
	protected static function stored_option( string $name ) {
		wp_cache_delete( $name, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		return get_option( $name );
	}
}
