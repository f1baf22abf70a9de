<?php
/**
 * The theme's search results page, answered by the engine.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Answers the main search query with the engine's hits, as the site's own WP_Post objects in the
 * engine's order, so the theme's templates render them unchanged; the engine's snippet becomes the
 * excerpt. When the engine is not configured, down, slow (1 s) or answers anything but a usable list,
 * the filter steps aside and WordPress runs its own SQL search, as without the plugin.
 */
final class Blogsearch_Search {
	/** The engine pages at most 50 hits (SearchRequest.MAX_SIZE). */
	const MAX_SIZE = 50;

	/** @var array<int,string> post ID → snippet HTML of this request's engine answer */
	private array $snippets = array();
	private bool $answered  = false;

	public function __construct( private readonly Blogsearch_Client $client ) {}

	public function register(): void {
		add_filter( 'posts_pre_query', array( $this, 'pre_query' ), 10, 2 );
		add_filter( 'get_the_excerpt', array( $this, 'excerpt' ), 20, 2 );
		add_filter( 'body_class', array( $this, 'body_class' ) );
	}

	/** Whether the engine answered this request's search. */
	public function answered(): bool {
		return $this->answered;
	}

	/**
	 * @param WP_Post[]|int[]|null $posts null unless another filter answered
	 * @return WP_Post[]|int[]|null
	 */
	public function pre_query( $posts, WP_Query $query ) {
		if ( null !== $posts || is_admin() || ! $query->is_main_query() || ! $query->is_search() || ! $this->client->configured() ) {
			return $posts;
		}
		$terms = trim( (string) $query->get( 's' ) );
		$types = (array) $query->get( 'post_type' );
		$size  = (int) $query->get( 'posts_per_page' );
		$size  = $size > 0 ? $size : (int) get_option( 'posts_per_page', 10 );
		// The engine holds posts only, pages 50 at most: other searches stay WordPress's.
		if ( '' === $terms || $size > self::MAX_SIZE || array_diff( array_filter( $types ), array( 'post', 'any' ) ) || $query->get( 'author' ) || $query->get( 'cat' ) || $query->get( 'tag' ) ) {
			return $posts;
		}
		$page     = max( 1, (int) $query->get( 'paged' ) );
		$response = $this->client->search( $terms, $page, $size );
		if ( ! $response instanceof Blogsearch_Response || ! $response->ok() || ! isset( $response->json['hits'] ) || ! is_array( $response->json['hits'] ) ) {
			return $posts;
		}
		$total = max( 0, (int) ( $response->json['total'] ?? 0 ) );
		$hits  = array_filter( $response->json['hits'], fn( $h ) => is_array( $h ) && isset( $h['url'] ) && is_string( $h['url'] ) );
		$ids   = $this->post_ids( array_column( $hits, 'url' ) );
		$found = array();
		foreach ( $hits as $hit ) {
			$id = $ids[ $hit['url'] ] ?? 0;
			if ( $id && ! isset( $found[ $id ] ) ) {
				$found[ $id ] = true;
				// Escaped by the engine with only <mark> added; kses keeps it that way whatever arrives.
				$this->snippets[ $id ] = wp_kses( (string) ( $hit['snippet'] ?? '' ), array( 'mark' => array() ) );
			}
		}
		if ( ! $found && $total > 0 ) {
			return $posts;  // hits, but none of this site's posts: the engine serves another site
		}
		$this->answered       = true;
		$query->found_posts   = $total;
		$query->max_num_pages = (int) ceil( $total / $size );
		$ids                  = array_keys( $found );
		return 'ids' === $query->get( 'fields' ) ? $ids : array_map( 'get_post', $ids );
	}

	/** The engine's snippet as the excerpt of a post it found (classic and block themes alike). */
	public function excerpt( string $excerpt, $post = null ): string {
		$post = get_post( $post );
		return $post && isset( $this->snippets[ $post->ID ] ) && '' !== $this->snippets[ $post->ID ] ? $this->snippets[ $post->ID ] : $excerpt;
	}

	/** @param string[] $classes */
	public function body_class( array $classes ): array {
		if ( $this->answered ) {
			$classes[] = 'blogsearch-results';
		}
		return $classes;
	}

	/**
	 * Local post IDs of engine URLs: by the URL the plugin pushed, else by WordPress's own URL parsing
	 * (posts the engine crawled before the plugin pushed them).
	 *
	 * @param string[] $urls
	 * @return array<string,int>
	 */
	private function post_ids( array $urls ): array {
		global $wpdb;
		if ( ! $urls ) {
			return array();
		}
		$in   = implode( ',', array_fill( 0, count( $urls ), '%s' ) );
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT post_id, meta_value FROM {$wpdb->postmeta} WHERE meta_key = %s AND meta_value IN ($in)", Blogsearch_Sync::URL_META, ...$urls ) ); // phpcs:ignore WordPress.DB
		$ids  = array();
		foreach ( $rows as $row ) {
			$ids[ $row->meta_value ] = (int) $row->post_id;
		}
		foreach ( $urls as $url ) {
			if ( ! isset( $ids[ $url ] ) ) {
				$ids[ $url ] = url_to_postid( $url );
			}
		}
		// Only posts visitors may see: a stale engine must not reveal drafts or private posts.
		return array_filter( $ids, fn( $id ) => $id && 'publish' === get_post_status( $id ) && ! post_password_required( $id ) );
	}
}
