<?php
/**
 * Related posts: the block, the shortcode and the list appended after post content.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Renders the engine's related list for a post in PHP, so it works without JavaScript. The HTML is kept
 * in a transient per post and attributes; once the engine's max-age has passed it is revalidated with
 * If-None-Match, and a 304 keeps it. While the engine is unreachable the last HTML is shown.
 */
final class Blogsearch_Related {
	const BLOCK        = 'blogsearch/related';
	const SHORTCODE    = 'blogsearch_related';
	const CACHE_PREFIX = 'blogsearch_rel_';
	/** How long a list may be shown stale while the engine cannot be reached. */
	const CACHE_TTL = DAY_IN_SECONDS;
	/** Revalidate after this many seconds when the engine sends no max-age. */
	const DEFAULT_MAX_AGE = 60;
	/** The engine lists at most 20 (RelatedEngine.MAX_ITEMS). */
	const MAX_COUNT = 20;
	const DEFAULTS  = array(
		'count'       => 5,
		'layout'      => 'list',
		'showImage'   => false,
		'showDate'    => true,
		'showExcerpt' => true,
	);

	public function __construct( private readonly Blogsearch_Client $client ) {}

	public function register(): void {
		// Activated mid-request (activate_plugin in tests, or a network activation) after init: register now.
		if ( did_action( 'init' ) ) {
			$this->init();
		} else {
			add_action( 'init', array( $this, 'init' ) );
		}
		add_filter( 'the_content', array( $this, 'append' ), 20 );
	}

	public function init(): void {
		if ( ! WP_Block_Type_Registry::get_instance()->is_registered( self::BLOCK ) ) {
			register_block_type( BLOGSEARCH_DIR . '/blocks/related', array( 'render_callback' => array( $this, 'render_block' ) ) );
			wp_set_script_translations( 'blogsearch-related-editor-script', 'blogsearch', BLOGSEARCH_DIR . '/languages' );
		}
		add_shortcode( self::SHORTCODE, array( $this, 'shortcode' ) );
	}

	/** @param array<string,mixed> $attributes */
	public function render_block( array $attributes, string $content = '', ?WP_Block $block = null ): string {
		$id = $block && isset( $block->context['postId'] ) ? (int) $block->context['postId'] : (int) get_the_ID();
		return $this->render( get_post( $id ), $attributes );
	}

	/**
	 * [blogsearch_related count="3" layout="grid" show_image="yes" show_date="no" show_excerpt="no" post="123"]
	 * (WordPress lowercases shortcode attributes, so showImage arrives as showimage; both spellings work.)
	 *
	 * @param array<string,string>|string $atts
	 */
	public function shortcode( $atts ): string {
		$atts  = is_array( $atts ) ? $atts : array();
		$given = array();
		foreach ( array( 'count' => 'count', 'layout' => 'layout', 'showimage' => 'showImage', 'show_image' => 'showImage', 'showdate' => 'showDate', 'show_date' => 'showDate', 'showexcerpt' => 'showExcerpt', 'show_excerpt' => 'showExcerpt' ) as $name => $attribute ) {
			if ( isset( $atts[ $name ] ) ) {
				$given[ $attribute ] = in_array( $attribute, array( 'count', 'layout' ), true ) ? $atts[ $name ] : filter_var( $atts[ $name ], FILTER_VALIDATE_BOOLEAN );
			}
		}
		$post = isset( $atts['post'] ) ? get_post( (int) $atts['post'] ) : get_post();
		return $this->render( $post, $given );
	}

	/** After the content of a single post, when "Related posts after each post" is on. */
	public function append( string $content ): string {
		if ( ! get_option( 'blogsearch_related_auto' ) || ! is_singular( 'post' ) || ! in_the_loop() || ! is_main_query()
			|| has_block( self::BLOCK ) || has_shortcode( $content, self::SHORTCODE ) ) {
			return $content;
		}
		return $content . $this->render( get_post(), array() );
	}

	/**
	 * The list's HTML for $post ('' when the engine has nothing for it and nothing is cached).
	 *
	 * @param array<string,mixed> $attributes count, layout, showImage, showDate, showExcerpt
	 */
	public function render( ?WP_Post $post, array $attributes ): string {
		$html = $this->list_html( $post, $attributes );
		if ( '' !== $html ) {
			// On every view, cached or not: the stylesheet is not part of the cached HTML.
			wp_enqueue_style( 'blogsearch-related-style' );
		}
		return $html;
	}

	private function list_html( ?WP_Post $post, array $attributes ): string {
		// False while a post's own content is rendered for the engine: the list is not part of the post.
		if ( ! $post || ! $this->client->configured() || ! apply_filters( 'blogsearch_render_related', true, $post ) ) {
			return '';
		}
		$a      = self::normalize( $attributes );
		$url    = (string) get_post_meta( $post->ID, Blogsearch_Sync::URL_META, true );
		$url    = '' !== $url ? $url : (string) get_permalink( $post );
		$key    = self::cache_key( $post->ID, $url, $a );
		$cached = get_transient( $key );
		$cached = is_array( $cached ) && isset( $cached['html'], $cached['etag'], $cached['fresh_until'] ) ? $cached : null;
		if ( $cached && $cached['fresh_until'] >= time() ) {
			return $cached['html'];
		}
		$response = $this->client->related( $url, $a['count'], $cached ? $cached['etag'] : '' );
		if ( $response instanceof Blogsearch_Response && 304 === $response->code && $cached ) {
			$cached['fresh_until'] = time() + $response->max_age( self::DEFAULT_MAX_AGE );
			set_transient( $key, $cached, self::CACHE_TTL );
			return $cached['html'];
		}
		if ( $response instanceof Blogsearch_Response && $response->ok() && isset( $response->json['items'] ) && is_array( $response->json['items'] ) ) {
			$html = $this->html( $response->json['items'], $a );
			set_transient( $key, array( 'html' => $html, 'etag' => $response->etag, 'fresh_until' => time() + $response->max_age( self::DEFAULT_MAX_AGE ) ), self::CACHE_TTL );
			return $html;
		}
		if ( $response instanceof Blogsearch_Response && 404 === $response->code ) {
			// Not in the engine (yet): remember that briefly instead of asking on every view.
			set_transient( $key, array( 'html' => '', 'etag' => '', 'fresh_until' => time() + self::DEFAULT_MAX_AGE ), self::CACHE_TTL );
			return '';
		}
		return $cached ? $cached['html'] : '';
	}

	/** Drops every cached list (after settings change). One by one, so the object cache forgets them too. */
	public static function clear_cache(): void {
		global $wpdb;
		$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_transient_' . self::CACHE_PREFIX ) . '%' ) ); // phpcs:ignore WordPress.DB
		foreach ( $names as $name ) {
			delete_transient( substr( $name, strlen( '_transient_' ) ) );
		}
	}

	/** @param array<string,mixed> $a normalized attributes */
	public static function cache_key( int $post_id, string $url, array $a ): string {
		return self::CACHE_PREFIX . md5( wp_json_encode( array( $post_id, $url, $a, get_locale(), BLOGSEARCH_VERSION ) ) );
	}

	/** @return array{count:int,layout:string,showImage:bool,showDate:bool,showExcerpt:bool} */
	public static function normalize( array $attributes ): array {
		$a = array_merge( self::DEFAULTS, array_intersect_key( $attributes, self::DEFAULTS ) );
		return array(
			'count'       => max( 1, min( self::MAX_COUNT, (int) $a['count'] ) ),
			'layout'      => 'grid' === $a['layout'] ? 'grid' : 'list',
			'showImage'   => (bool) $a['showImage'],
			'showDate'    => (bool) $a['showDate'],
			'showExcerpt' => (bool) $a['showExcerpt'],
		);
	}

	/**
	 * The list. Everything from the engine is untrusted text: escaped here, whatever the engine sent.
	 *
	 * @param array<int,mixed> $items
	 */
	private function html( array $items, array $a ): string {
		$lis = '';
		foreach ( $items as $item ) {
			if ( ! is_array( $item ) || ! isset( $item['url'], $item['title'] ) || ! is_string( $item['url'] ) || ! preg_match( '#^https?://#i', $item['url'] ) ) {
				continue;
			}
			$reasons = isset( $item['reasons'] ) && is_array( $item['reasons'] ) ? implode( '; ', array_filter( $item['reasons'], 'is_string' ) ) : '';
			$li      = '<li class="blogsearch-related__item">';
			if ( $a['showImage'] ) {
				$li .= $this->image( $item );
			}
			$li .= '<a class="blogsearch-related__link" href="' . esc_url( $item['url'] ) . '"' . ( '' !== $reasons ? ' title="' . esc_attr( $reasons ) . '"' : '' ) . '>'
				. esc_html( (string) $item['title'] ) . '</a>';
			if ( $a['showDate'] && ! empty( $item['published'] ) && is_string( $item['published'] ) ) {
				$time = strtotime( $item['published'] );
				if ( false !== $time ) {
					$li .= ' <time class="blogsearch-related__date" datetime="' . esc_attr( gmdate( 'c', $time ) ) . '">' . esc_html( wp_date( (string) get_option( 'date_format' ), $time ) ) . '</time>';
				}
			}
			if ( $a['showExcerpt'] && ! empty( $item['excerpt'] ) && is_string( $item['excerpt'] ) ) {
				$li .= '<p class="blogsearch-related__excerpt">' . esc_html( self::trim_words( $item['excerpt'], 30 ) ) . '</p>';
			}
			$lis .= $li . '</li>';
		}
		if ( '' === $lis ) {
			return '';
		}
		return '<nav class="blogsearch-related blogsearch-related--' . esc_attr( $a['layout'] ) . '" aria-label="' . esc_attr__( 'Related posts', 'blogsearch' ) . '">'
			. '<h2 class="blogsearch-related__heading">' . esc_html__( 'Related posts', 'blogsearch' ) . '</h2>'
			. '<ul class="blogsearch-related__items">' . $lis . '</ul></nav>';
	}

	/**
	 * The first $words words of plain text. Not wp_trim_words: that strips tags, and in the engine's text
	 * a "<script>" is a reader-visible word to escape, not markup to remove.
	 */
	private static function trim_words( string $text, int $words ): string {
		$parts = preg_split( '/\s+/u', trim( $text ), $words + 1 );
		if ( ! is_array( $parts ) || count( $parts ) <= $words ) {
			return trim( $text );
		}
		return implode( ' ', array_slice( $parts, 0, $words ) ) . "\u{2026}";
	}

	/** The engine's image, else the local post's featured image. */
	private function image( array $item ): string {
		if ( ! empty( $item['image'] ) && is_string( $item['image'] ) && preg_match( '#^https?://#i', $item['image'] ) ) {
			return '<img class="blogsearch-related__image" src="' . esc_url( $item['image'] ) . '" alt="" loading="lazy" />';
		}
		$id = url_to_postid( $item['url'] );
		return $id && has_post_thumbnail( $id ) ? (string) get_the_post_thumbnail( $id, 'medium', array( 'class' => 'blogsearch-related__image', 'alt' => '', 'loading' => 'lazy' ) ) : '';
	}
}
