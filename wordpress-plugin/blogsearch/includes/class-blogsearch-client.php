<?php
/**
 * HTTP client of the blogsearch engine: the only host the plugin ever calls.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Calls the engine with the settings' URL, token and site. Every answer becomes a
 * Blogsearch_Response; a network failure, a timeout or an unusable body is a WP_Error, never a PHP warning.
 */
final class Blogsearch_Client {
	/** Visitors' searches wait at most this long before WordPress's own search answers instead. */
	const SEARCH_TIMEOUT = 1.0;
	/** Related lists are rendered in the page, so they must not hold it up either. */
	const RELATED_TIMEOUT = 1.0;
	/** Pushes run after the response (or in WP-Cron), so they may wait for a busy engine. */
	const ADMIN_TIMEOUT = 15.0;

	public function engine_url(): string {
		return untrailingslashit( (string) get_option( 'blogsearch_engine_url', '' ) );
	}

	public function configured(): bool {
		return '' !== $this->engine_url();
	}

	/** GET /api/search. */
	public function search( string $query, int $page, int $size ): Blogsearch_Response|WP_Error {
		return $this->request( 'GET', '/api/search', array( 'q' => $query, 'page' => $page, 'size' => $size ), null, self::SEARCH_TIMEOUT );
	}

	/** GET /api/related, conditional on the ETag of the answer cached before (304 then). */
	public function related( string $url, int $limit, string $etag = '' ): Blogsearch_Response|WP_Error {
		$headers = '' === $etag ? array() : array( 'If-None-Match' => $etag );
		return $this->request( 'GET', '/api/related', array( 'url' => $url, 'limit' => $limit ), null, self::RELATED_TIMEOUT, $headers );
	}

	/** PUT /api/admin/posts with up to 100 posts. */
	public function put_posts( array $posts ): Blogsearch_Response|WP_Error {
		return $this->request( 'PUT', '/api/admin/posts', array(), array( 'posts' => array_values( $posts ) ), self::ADMIN_TIMEOUT );
	}

	/** DELETE /api/admin/posts?url=. */
	public function delete_post( string $url ): Blogsearch_Response|WP_Error {
		return $this->request( 'DELETE', '/api/admin/posts', array( 'url' => $url ), null, self::ADMIN_TIMEOUT );
	}

	/** GET /health (no token) and GET /api/admin/status (token): what "Test connection" reports. */
	public function health(): Blogsearch_Response|WP_Error {
		return $this->request( 'GET', '/health', array(), null, 5.0 );
	}

	public function status(): Blogsearch_Response|WP_Error {
		return $this->request( 'GET', '/api/admin/status', array(), null, 5.0 );
	}

	/**
	 * One call to the engine.
	 *
	 * @param array<string,mixed>      $query   query parameters
	 * @param array<string,mixed>|null $body    JSON body, or null for none
	 * @param array<string,string>     $headers extra request headers
	 */
	private function request( string $method, string $path, array $query, ?array $body, float $timeout, array $headers = array() ): Blogsearch_Response|WP_Error {
		$base = $this->engine_url();
		if ( '' === $base ) {
			return new WP_Error( 'blogsearch_not_configured', __( 'No engine URL is set.', 'blogsearch' ) );
		}
		$url   = $base . $path . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' );
		$token = (string) get_option( 'blogsearch_token', '' );
		$site  = (string) get_option( 'blogsearch_site', '' );
		$headers['Accept'] = 'application/json';
		if ( '' !== $token && str_starts_with( $path, '/api/admin/' ) ) {
			// The token goes only to admin routes: visitors' searches never carry it.
			$headers['Authorization'] = 'Bearer ' . $token;
		}
		if ( '' !== $site ) {
			$headers['X-Blogsearch-Site'] = $site;
		}
		$args = array(
			'method'      => $method,
			'timeout'     => $timeout,
			'redirection' => 0,
			'headers'     => $headers,
			'user-agent'  => 'blogsearch-wordpress/' . BLOGSEARCH_VERSION . '; ' . home_url( '/' ),
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = wp_json_encode( $body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE );
		}
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		$raw  = (string) wp_remote_retrieve_body( $response );
		$json = null;
		if ( '' !== $raw ) {
			$json = json_decode( $raw, true );
			if ( ! is_array( $json ) ) {
				/* translators: %d: HTTP status code */
				return new WP_Error( 'blogsearch_bad_body', sprintf( __( 'The engine answered HTTP %d without JSON.', 'blogsearch' ), $code ) );
			}
		}
		return new Blogsearch_Response( $code, $json, (string) wp_remote_retrieve_header( $response, 'etag' ), (string) wp_remote_retrieve_header( $response, 'cache-control' ) );
	}
}

/** One answer of the engine. */
final class Blogsearch_Response {
	/**
	 * @param int                       $code          HTTP status
	 * @param array<string,mixed>|null  $json          decoded body (null for an empty body, e.g. 304)
	 * @param string                    $etag          ETag header, '' when none
	 * @param string                    $cache_control Cache-Control header, '' when none
	 */
	public function __construct(
		public readonly int $code,
		public readonly ?array $json,
		public readonly string $etag = '',
		public readonly string $cache_control = ''
	) {}

	public function ok(): bool {
		return $this->code >= 200 && $this->code < 300 && null !== $this->json;
	}

	/** The engine's error message ({error, message}), or the status. */
	public function message(): string {
		if ( is_array( $this->json ) && isset( $this->json['message'] ) && is_string( $this->json['message'] ) ) {
			return sprintf( 'HTTP %d: %s', $this->code, $this->json['message'] );
		}
		return sprintf( 'HTTP %d', $this->code );
	}

	/** Seconds from Cache-Control max-age, or $fallback. */
	public function max_age( int $fallback ): int {
		return preg_match( '/max-age=(\d+)/', $this->cache_control, $m ) ? (int) $m[1] : $fallback;
	}
}
