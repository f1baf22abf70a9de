<?php
/**
 * Keeps the engine in step with WordPress: a persistent queue of changed posts, pushed after the response.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Post and comment hooks only note the post ID in a queue (an option, so it survives failed pushes and
 * restarts); the queue is pushed on shutdown, after the editor's response is sent where the server
 * allows it, and retried by a WP-Cron event with exponential backoff while the engine is unreachable.
 */
final class Blogsearch_Sync {
	const QUEUE_OPTION  = 'blogsearch_queue';
	const STATUS_OPTION = 'blogsearch_status';
	const RETRY_HOOK    = 'blogsearch_retry';
	/** The URL the engine holds for a post: a trashed post's permalink changes, its old URL must still go. */
	const URL_META = '_blogsearch_url';
	/** Posts per PUT (the engine takes up to 100). */
	const BATCH = 50;
	const MIN_BACKOFF = 30;
	const MAX_BACKOFF = 3600;

	private bool $shutdown_hooked = false;

	public function __construct( private readonly Blogsearch_Client $client, private readonly Blogsearch_Payload $payload ) {}

	public function register(): void {
		// After terms and meta are saved; fires for publish, update, trash, untrash and unpublish alike.
		add_action( 'wp_after_insert_post', array( $this, 'on_save' ), 10, 4 );
		add_action( 'before_delete_post', array( $this, 'on_delete' ), 10, 2 );
		// Any change of a post's approved comments (approval, unapproval, spam, trash, delete) updates its count.
		add_action( 'wp_update_comment_count', array( $this, 'on_comment_count' ), 10, 3 );
		add_action( 'edit_comment', array( $this, 'on_comment_edit' ), 10, 2 );
		add_action( self::RETRY_HOOK, array( $this, 'flush' ) );
	}

	/** @param WP_Post|null $before the post before an update */
	public function on_save( int $post_id, WP_Post $post, bool $update, ?WP_Post $before = null ): void {
		if ( wp_is_post_revision( $post_id ) || wp_is_post_autosave( $post_id ) || 'auto-draft' === $post->post_status ) {
			return;
		}
		$was_indexed = $before && $this->payload->indexable( $before );
		if ( $this->payload->indexable( $post ) || $was_indexed || get_post_meta( $post_id, self::URL_META, true ) ) {
			$this->enqueue( $post_id );
		}
	}

	public function on_delete( int $post_id, ?WP_Post $post = null ): void {
		$url = (string) get_post_meta( $post_id, self::URL_META, true );
		if ( '' === $url && $post && $this->payload->indexable( $post ) ) {
			$url = (string) get_permalink( $post );
		}
		if ( '' !== $url ) {
			$this->enqueue( $post_id, $url );
		}
	}

	public function on_comment_count( int $post_id, int $new = 0, int $old = 0 ): void {
		if ( $new !== $old && $this->payload->indexable( get_post( $post_id ) ) ) {
			$this->enqueue( $post_id );
		}
	}

	public function on_comment_edit( int $comment_id, array $data = array() ): void {
		$comment = get_comment( $comment_id );
		if ( $comment && '1' === (string) $comment->comment_approved && $this->payload->indexable( get_post( (int) $comment->comment_post_ID ) ) ) {
			$this->enqueue( (int) $comment->comment_post_ID );
		}
	}

	/**
	 * Notes that the post must be pushed (or deleted, when no longer readable) and flushes on shutdown.
	 *
	 * @param string $url for a post about to be deleted: the URL to delete from the engine
	 */
	public function enqueue( int $post_id, string $url = '' ): void {
		$queue         = $this->queue();
		$key           = 'p' . $post_id;
		$queue[ $key ] = array(
			'post'     => $post_id,
			'url'      => '' !== $url ? $url : (string) ( $queue[ $key ]['url'] ?? '' ),
			'attempts' => 0,
			'due'      => time(),
			'queued'   => microtime( true ),
			'error'    => '',
		);
		update_option( self::QUEUE_OPTION, $queue, false );
		if ( ! $this->shutdown_hooked ) {
			add_action( 'shutdown', array( $this, 'flush_after_response' ) );
			$this->shutdown_hooked = true;
		}
	}

	/** The shutdown hook: lets the response go first (PHP-FPM, LiteSpeed), then pushes. */
	public function flush_after_response(): void {
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		}
		$this->flush();
	}

	/**
	 * Pushes every due entry of the queue: changed posts in PUTs of BATCH, gone posts as DELETEs.
	 * Failures stay queued with backoff and a WP-Cron retry; a post the engine refuses (400) is dropped
	 * with its error shown in the status box, since sending it again cannot help.
	 *
	 * @param bool $all also entries whose retry time has not come
	 * @return array{pushed:int,deleted:int,failed:int,dropped:int}
	 */
	public function flush( bool $all = false ): array {
		$counts = array( 'pushed' => 0, 'deleted' => 0, 'failed' => 0, 'dropped' => 0 );
		$due    = array_filter( $this->queue(), fn( $e ) => $all || (int) $e['due'] <= time() );
		if ( ! $due || ! $this->client->configured() ) {
			$this->schedule_retry();
			return $counts;
		}
		$puts    = array();
		$deletes = array();
		foreach ( $due as $key => $entry ) {
			$post = get_post( (int) $entry['post'] );
			if ( $this->payload->indexable( $post ) ) {
				$doc          = $this->payload->build( $post );
				$puts[ $key ] = $doc;
				$old          = (string) get_post_meta( $post->ID, self::URL_META, true );
				if ( '' !== $old && $old !== $doc['url'] ) {
					$deletes[ $key . ':old' ] = array( $old, $key );
				}
			} else {
				$url = '' !== $entry['url'] ? $entry['url'] : (string) get_post_meta( (int) $entry['post'], self::URL_META, true );
				if ( '' !== $url ) {
					$deletes[ $key ] = array( $url, $key );
				}
			}
		}
		$results = array_fill_keys( array_keys( $due ), true );
		foreach ( array_chunk( $puts, self::BATCH, true ) as $chunk ) {
			foreach ( $this->put( $chunk ) as $key => $outcome ) {
				if ( true === $outcome ) {
					update_post_meta( (int) $due[ $key ]['post'], self::URL_META, $chunk[ $key ]['url'] );
					++$counts['pushed'];
				} else {
					$results[ $key ] = $outcome;
				}
			}
		}
		foreach ( $deletes as $id => [ $url, $key ] ) {
			$outcome = $this->delete( $url );
			if ( true === $outcome ) {
				if ( ! isset( $puts[ $key ] ) ) {
					delete_post_meta( (int) $due[ $key ]['post'], self::URL_META );
				}
				++$counts['deleted'];
			} elseif ( true === $results[ $key ] ) {
				$results[ $key ] = $outcome;
			}
		}
		$this->settle( $due, $results, $counts );
		return $counts;
	}

	/**
	 * One PUT; per key true, or the failure: array('retry' => bool, 'error' => string).
	 *
	 * @param array<string,array<string,mixed>> $chunk
	 * @return array<string,true|array{retry:bool,error:string}>
	 */
	private function put( array $chunk ): array {
		$out = array();
		while ( $chunk ) {
			$response = $this->client->put_posts( array_values( $chunk ) );
			if ( $response instanceof Blogsearch_Response && $response->ok() ) {
				return $out + array_fill_keys( array_keys( $chunk ), true );
			}
			$error = is_wp_error( $response ) ? $response->get_error_message() : $response->message();
			// A 400 names the post (posts[3].published): drop that one and send the others again.
			$field = $response instanceof Blogsearch_Response ? (string) ( $response->json['field'] ?? $response->json['message'] ?? '' ) : '';
			if ( $response instanceof Blogsearch_Response && 400 === $response->code && preg_match( '/^posts\[(\d+)\]/', $field, $m ) ) {
				$keys = array_keys( $chunk );
				$bad  = $keys[ (int) $m[1] ] ?? null;
				if ( null !== $bad ) {
					$out[ $bad ] = array( 'retry' => false, 'error' => $error );
					unset( $chunk[ $bad ] );
					continue;
				}
			}
			$retry = ! ( $response instanceof Blogsearch_Response && in_array( $response->code, array( 400, 413 ), true ) );
			return $out + array_fill_keys( array_keys( $chunk ), array( 'retry' => $retry, 'error' => $error ) );
		}
		return $out;
	}

	/** @return true|array{retry:bool,error:string} */
	private function delete( string $url ): true|array {
		$response = $this->client->delete_post( $url );
		// 404 for the post: the engine does not hold it (never pushed, or already gone), nothing left to do.
		// A 404 for the route (an engine without push ingestion) is a failure like any other.
		$gone = $response instanceof Blogsearch_Response && 404 === $response->code
			&& ! str_starts_with( (string) ( $response->json['message'] ?? '' ), 'no such endpoint' );
		if ( $response instanceof Blogsearch_Response && ( $response->ok() || $gone ) ) {
			return true;
		}
		$error = is_wp_error( $response ) ? $response->get_error_message() : $response->message();
		return array( 'retry' => ! ( $response instanceof Blogsearch_Response && 400 === $response->code ), 'error' => $error );
	}

	/**
	 * Writes the outcome back: done entries leave the queue unless re-queued meanwhile (another request
	 * may have changed the post while this one pushed), failed ones wait with backoff.
	 */
	private function settle( array $due, array $results, array &$counts ): void {
		$queue  = $this->queue();
		$status = $this->status();
		$now    = time();
		foreach ( $results as $key => $outcome ) {
			if ( ! isset( $queue[ $key ] ) || $queue[ $key ]['queued'] !== $due[ $key ]['queued'] ) {
				continue;
			}
			if ( true === $outcome ) {
				unset( $queue[ $key ] );
				continue;
			}
			$status['last_error'] = array( 'time' => $now, 'post' => (int) $due[ $key ]['post'], 'message' => $outcome['error'] );
			if ( ! $outcome['retry'] ) {
				unset( $queue[ $key ] );
				++$counts['dropped'];
				continue;
			}
			$attempts                   = (int) $queue[ $key ]['attempts'] + 1;
			$queue[ $key ]['attempts']  = $attempts;
			$queue[ $key ]['due']       = $now + self::backoff( $attempts );
			$queue[ $key ]['error']     = $outcome['error'];
			++$counts['failed'];
		}
		update_option( self::QUEUE_OPTION, $queue, false );
		if ( $counts['pushed'] + $counts['deleted'] > 0 ) {
			$status['last_sync'] = array( 'time' => $now, 'pushed' => $counts['pushed'], 'deleted' => $counts['deleted'] );
		}
		update_option( self::STATUS_OPTION, $status, false );
		$this->schedule_retry();
	}

	/** Seconds before attempt n+1: 30 s, 1 min, 2 min … at most an hour. */
	public static function backoff( int $attempts ): int {
		return (int) min( self::MAX_BACKOFF, self::MIN_BACKOFF * ( 2 ** max( 0, $attempts - 1 ) ) );
	}

	/** One WP-Cron event at the earliest retry time while entries wait; none when the queue is empty. */
	private function schedule_retry(): void {
		$queue = $this->queue();
		$next  = wp_next_scheduled( self::RETRY_HOOK );
		if ( ! $queue ) {
			if ( $next ) {
				wp_clear_scheduled_hook( self::RETRY_HOOK );
			}
			return;
		}
		$when = max( time(), min( array_map( fn( $e ) => (int) $e['due'], $queue ) ) );
		if ( ! $next || $next > $when ) {
			wp_clear_scheduled_hook( self::RETRY_HOOK );
			wp_schedule_single_event( $when, self::RETRY_HOOK );
		}
	}

	/**
	 * "Sync all posts": queues nothing, pushes one batch of published posts with IDs above $after directly.
	 *
	 * @return array{done:bool,next:int,total:int,sent:int,pushed:int,errors:list<string>}
	 */
	public function sync_batch( int $after ): array {
		global $wpdb;
		$types  = (array) apply_filters( 'blogsearch_post_types', array( 'post' ) );
		$in     = implode( ',', array_fill( 0, count( $types ), '%s' ) );
		$total  = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_status = 'publish' AND post_password = '' AND post_type IN ($in)", ...$types ) ); // phpcs:ignore WordPress.DB
		$ids    = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_status = 'publish' AND post_password = '' AND post_type IN ($in) AND ID > %d ORDER BY ID LIMIT %d", ...array_merge( $types, array( $after, self::BATCH ) ) ) ) ); // phpcs:ignore WordPress.DB
		$chunk  = array();
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( $this->payload->indexable( $post ) ) {
				$chunk[ 'p' . $id ] = $this->payload->build( $post );
			}
		}
		$pushed = 0;
		$errors = array();
		$failed = 0;
		foreach ( $chunk ? $this->put( $chunk ) : array() as $key => $outcome ) {
			$id = (int) substr( $key, 1 );
			if ( true === $outcome ) {
				update_post_meta( $id, self::URL_META, $chunk[ $key ]['url'] );
				++$pushed;
			} else {
				$failed   = $failed ? $failed : $id;
				$errors[] = sprintf( '#%d: %s', $id, $outcome['error'] );
				if ( $outcome['retry'] ) {
					$this->enqueue( $id );  // the queue's backoff takes it from here
				}
			}
		}
		$status = $this->status();
		if ( $pushed ) {
			// Later batches of one "Sync all" add to its count, so the status box tells the whole run.
			$carried             = ( $after > 0 && ! empty( $status['last_sync']['all'] ) ) ? (int) $status['last_sync']['pushed'] : 0;
			$status['last_sync'] = array( 'time' => time(), 'pushed' => $carried + $pushed, 'deleted' => 0, 'all' => true );
		}
		if ( $errors ) {
			$status['last_error'] = array( 'time' => time(), 'post' => $failed, 'message' => $errors[0] );
		}
		update_option( self::STATUS_OPTION, $status, false );
		$next = $ids ? max( $ids ) : $after;
		return array(
			'done'   => count( $ids ) < self::BATCH,
			'next'   => $next,
			'total'  => $total,
			'sent'   => count( $chunk ),
			'pushed' => $pushed,
			'errors' => $errors,
		);
	}

	/** @return array<string,array<string,mixed>> */
	public function queue(): array {
		wp_cache_delete( self::QUEUE_OPTION, 'options' );  // another request may have written it since
		$queue = get_option( self::QUEUE_OPTION, array() );
		return is_array( $queue ) ? $queue : array();
	}

	/** @return array<string,mixed> last_sync, last_error */
	public function status(): array {
		$status = get_option( self::STATUS_OPTION, array() );
		return is_array( $status ) ? $status : array();
	}
}
