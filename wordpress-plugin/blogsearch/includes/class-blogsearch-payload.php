<?php
/**
 * What the engine receives for a post: the body of PUT /api/admin/posts.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Turns a WP_Post into one entry of {"posts": [...]}, as its page shows it. */
final class Blogsearch_Payload {
	/** The engine's limits (README, admin API): longer lists are cut here rather than refused there. */
	const MAX_COMMENTS = 1000;
	const MAX_TERMS    = 100;
	const MAX_NAME     = 200;

	/** Whether visitors can read the post, so it belongs in the engine. */
	public function indexable( ?WP_Post $post ): bool {
		if ( ! $post ) {
			return false;
		}
		$types = (array) apply_filters( 'blogsearch_post_types', array( 'post' ) );
		return in_array( $post->post_type, $types, true ) && 'publish' === $post->post_status && '' === $post->post_password;
	}

	/**
	 * The post as the engine takes it. Text fields are the text readers see: tags stripped (a script's
	 * code with them), entities decoded; the body goes as the HTML the_content renders, which the engine cleans.
	 *
	 * @return array<string,mixed>
	 */
	public function build( WP_Post $post ): array {
		$doc = array(
			'url'        => get_permalink( $post ),
			'title'      => self::text( $post->post_title ),
			'html'       => $this->content_html( $post ),
			'author'     => self::name( (string) get_the_author_meta( 'display_name', (int) $post->post_author ) ),
			'published'  => self::iso( get_post_datetime( $post, 'date' ) ),
			'modified'   => self::iso( get_post_datetime( $post, 'modified' ) ),
			'categories' => $this->term_names( $post, 'category' ),
			'tags'       => $this->term_names( $post, 'post_tag' ),
			'comments'   => $this->comments( $post ),
		);
		if ( '' === $doc['title'] ) {
			/* translators: %d: post ID */
			$doc['title'] = sprintf( __( 'Post %d', 'blogsearch' ), $post->ID );
		}
		if ( has_excerpt( $post ) ) {
			$doc['excerpt'] = self::text( $post->post_excerpt );
		}
		$image = get_the_post_thumbnail_url( $post, 'medium' );
		if ( $image ) {
			$doc['image'] = $image;
		}
		$language = str_replace( '_', '-', (string) get_bloginfo( 'language' ) );
		if ( preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/', $language ) ) {
			$doc['language'] = $language;
		}
		$links = apply_filters( 'blogsearch_related_links', array(), $post );
		if ( is_array( $links ) && $links ) {
			$doc['relatedLinks'] = array_values( $links );
		}
		return (array) apply_filters( 'blogsearch_post_payload', $doc, $post );
	}

	/** Every page of the post, rendered by the_content as on its own page (shortcodes and blocks run). */
	private function content_html( WP_Post $item ): string {
		global $post;
		$saved = $post;
		// Blocks and shortcodes read the global post: render with it set, then put the caller's back.
		$post = $item; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		setup_postdata( $item );
		add_filter( 'blogsearch_render_related', '__return_false' );
		$html = (string) apply_filters( 'the_content', str_replace( '<!--nextpage-->', '', $item->post_content ) );
		remove_filter( 'blogsearch_render_related', '__return_false' );
		$post = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		if ( $saved instanceof WP_Post ) {
			setup_postdata( $saved );
		}
		// The engine needs a body: a post with only a title is indexed by its title.
		return '' === trim( wp_strip_all_tags( $html ) ) ? '<p>' . esc_html( self::text( $item->post_title ) ) . '</p>' : $html;
	}

	/** @return list<string> */
	private function term_names( WP_Post $post, string $taxonomy ): array {
		$terms = get_the_terms( $post, $taxonomy );
		if ( ! is_array( $terms ) ) {
			return array();
		}
		$names = array();
		foreach ( $terms as $term ) {
			$name = self::name( html_entity_decode( $term->name, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
			if ( '' !== $name && ! in_array( $name, $names, true ) ) {
				$names[] = $name;
			}
		}
		return array_slice( $names, 0, self::MAX_TERMS );
	}

	/** Approved comments, pingbacks and trackbacks, oldest first. @return list<array<string,string>> */
	private function comments( WP_Post $post ): array {
		$out = array();
		$all = get_comments(
			array(
				'post_id' => $post->ID,
				'status'  => 'approve',
				'orderby' => 'comment_date_gmt',
				'order'   => 'ASC',
				'number'  => self::MAX_COMMENTS,
			)
		);
		foreach ( $all as $c ) {
			$type = in_array( $c->comment_type, array( 'pingback', 'trackback' ), true ) ? $c->comment_type : 'comment';
			$text = self::text( $c->comment_content );
			if ( '' === $text ) {
				continue;
			}
			$date  = '0000-00-00 00:00:00' === $c->comment_date_gmt ? null : date_create_immutable( $c->comment_date_gmt, new DateTimeZone( 'UTC' ) );
			$entry = array(
				'author' => self::name( html_entity_decode( (string) $c->comment_author, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ),
				'text'   => $text,
				'type'   => $type,
			);
			if ( $date ) {
				$entry['date'] = $date->format( 'Y-m-d\TH:i:s\Z' );
			}
			$out[] = $entry;
		}
		return $out;
	}

	/** Text readers see in stored HTML: elements (and script or style code) removed, entities decoded. */
	public static function text( string $html ): string {
		$text = html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		return trim( (string) preg_replace( '/[ \t\x{00A0}]+/u', ' ', $text ) );
	}

	private static function name( string $name ): string {
		return mb_substr( trim( $name ), 0, self::MAX_NAME );
	}

	private static function iso( DateTimeImmutable|false $date ): ?string {
		return $date ? $date->format( DATE_ATOM ) : null;
	}
}
