<?php
/** Publish, edit, trash, untrash, unpublish, delete and comment approval reach the engine through the queue. */
class SyncTest extends BlogsearchTestCase {
	public function test_saving_a_post_queues_it_and_hooks_the_flush_on_shutdown(): void {
		$post = self::publish( array( 'post_title' => 'Queued ' . self::unique_word(), 'post_content' => '<p>Queued for later.</p>' ) );
		$queue = blogsearch()->sync->queue();
		$this->assertArrayHasKey( 'p' . $post->ID, $queue );
		$this->assertSame( 0, $queue[ 'p' . $post->ID ]['attempts'] );
		$this->assertNotFalse( has_action( 'shutdown', array( blogsearch()->sync, 'flush_after_response' ) ) );
		// Not pushed yet: the editor's request does not wait for the engine.
		$this->assertSame( array(), self::engine_hits( explode( ' ', $post->post_title )[1] ) );
		$this->assertSame( 1, self::flush()['pushed'] );
		$this->assertSame( array(), blogsearch()->sync->queue() );
	}

	public function test_published_post_is_found_by_search_within_the_freshness_bar(): void {
		$word = self::unique_word();
		$post = self::publish( array( 'post_title' => 'Onboarding checklist ' . $word, 'post_content' => '<p>What a new manager does in the first ' . $word . ' week.</p>', 'tags_input' => array( 'onboarding' ) ) );
		$url  = get_permalink( $post );
		$t0   = microtime( true );
		$this->assertSame( array( 'pushed' => 1, 'deleted' => 0, 'failed' => 0, 'dropped' => 0 ), self::flush() );
		$took = $this->await( fn() => self::engine_hits( $word ) === array( $url ), 'search finds the new post' );
		fwrite( STDERR, sprintf( "freshness: found by /api/search %.2f s after the PUT's answer (flush took %.2f s)\n", $took, microtime( true ) - $t0 - $took ) );
		$this->assertSame( $url, get_post_meta( $post->ID, Blogsearch_Sync::URL_META, true ) );
		[ , $stored ] = self::engine( '/api/posts', array( 'url' => $url ) );
		$this->assertSame( 'Onboarding checklist ' . $word, $stored['title'] );
		$this->assertSame( array( 'onboarding' ), $stored['tags'] );
		$this->assertSame( get_the_author_meta( 'display_name', 1 ), $stored['author'] );
		$this->assertSame( strtotime( $post->post_date_gmt . ' UTC' ), strtotime( $stored['published'] ) );
		$status = blogsearch()->sync->status();
		$this->assertSame( 1, $status['last_sync']['pushed'] );
	}

	public function test_edit_updates_the_post_in_the_engine(): void {
		$word = self::unique_word();
		$post = self::publish( array( 'post_title' => 'Before ' . $word, 'post_content' => '<p>First draft about ' . $word . '.</p>' ) );
		self::flush();
		$url = get_permalink( $post );
		$this->await( fn() => self::engine_hits( $word ) === array( $url ), 'search finds the post' );
		$edited = self::unique_word();
		wp_update_post( array( 'ID' => $post->ID, 'post_title' => 'After ' . $word, 'post_content' => '<p>Rewritten around ' . $edited . '.</p>' ) );
		$this->assertArrayHasKey( 'p' . $post->ID, blogsearch()->sync->queue() );
		self::flush();
		$this->await( fn() => self::engine_hits( $edited ) === array( $url ), 'search finds the edited text' );
		[ , $stored ] = self::engine( '/api/posts', array( 'url' => $url ) );
		$this->assertSame( 'After ' . $word, $stored['title'] );
		$this->assertStringContainsString( 'Rewritten around ' . $edited, $stored['body'] );
	}

	public function test_trash_removes_from_search_and_related_and_untrash_then_publish_brings_it_back(): void {
		$word  = self::unique_word();
		$tags  = array( 'remote work', 'meetings' );
		$a     = self::publish( array( 'post_title' => 'Remote meetings ' . $word, 'post_content' => str_repeat( '<p>Remote meetings need an agenda, a timekeeper and notes about ' . $word . '.</p>', 3 ), 'tags_input' => $tags ) );
		$b     = self::publish( array( 'post_title' => 'Remote meeting notes ' . $word, 'post_content' => str_repeat( '<p>Notes of remote meetings: agenda, timekeeper, decisions on ' . $word . '.</p>', 3 ), 'tags_input' => $tags ) );
		$a_url = get_permalink( $a );
		$b_url = get_permalink( $b );
		self::flush();
		$this->await( fn() => in_array( $b_url, self::engine_related( $a_url, 20 ), true ) && count( self::engine_hits( $word ) ) === 2, 'both found, b related to a' );

		wp_trash_post( $b->ID );
		$this->assertSame( $b_url, get_post_meta( $b->ID, Blogsearch_Sync::URL_META, true ), 'the pushed URL outlives the trashed permalink' );
		$this->assertSame( 1, self::flush()['deleted'] );
		$this->await( fn() => self::engine_hits( $word ) === array( $a_url ) && ! in_array( $b_url, self::engine_related( $a_url, 20 ), true ), 'b gone from search and from a\'s related list' );
		$this->assertSame( 404, self::engine( '/api/posts', array( 'url' => $b_url ) )[0] );

		// WordPress restores trashed posts as drafts: still not public, so still not in the engine.
		wp_untrash_post( $b->ID );
		self::flush();
		$this->assertSame( 404, self::engine( '/api/posts', array( 'url' => $b_url ) )[0] );
		wp_publish_post( $b->ID );
		self::flush();
		$this->await( fn() => count( self::engine_hits( $word ) ) === 2, 'b back after publishing again' );
	}

	public function test_unpublish_and_delete_remove_the_post(): void {
		$word = self::unique_word();
		$a    = self::publish( array( 'post_title' => 'Unpublished soon ' . $word, 'post_content' => '<p>Soon a draft: ' . $word . '.</p>' ) );
		$b    = self::publish( array( 'post_title' => 'Deleted soon ' . $word, 'post_content' => '<p>Soon deleted: ' . $word . '.</p>' ) );
		self::flush();
		$this->await( fn() => count( self::engine_hits( $word ) ) === 2, 'both found' );
		$b_url = get_permalink( $b );
		wp_update_post( array( 'ID' => $a->ID, 'post_status' => 'draft' ) );
		wp_delete_post( $b->ID, true );
		$queue = blogsearch()->sync->queue();
		$this->assertSame( $b_url, $queue[ 'p' . $b->ID ]['url'], 'a deleted post is queued with its URL' );
		$this->assertSame( 2, self::flush()['deleted'] );
		$this->await( fn() => self::engine_hits( $word ) === array(), 'both gone' );
	}

	public function test_approved_comment_updates_the_comment_count(): void {
		$word = self::unique_word();
		$post = self::publish( array( 'post_title' => 'Feedback ' . $word, 'post_content' => '<p>Tell me about ' . $word . '.</p>', 'comment_status' => 'open' ) );
		self::flush();
		$url = get_permalink( $post );
		$this->await( fn() => self::engine_hits( $word ) === array( $url ), 'found' );
		$comment = wp_insert_comment( array( 'comment_post_ID' => $post->ID, 'comment_author' => 'Reader', 'comment_content' => 'Held for moderation', 'comment_approved' => 0 ) );
		self::flush();
		$this->assertSame( 0, self::engine( '/api/posts', array( 'url' => $url ) )[1]['commentCount'] );
		wp_set_comment_status( $comment, 'approve' );
		$this->assertArrayHasKey( 'p' . $post->ID, blogsearch()->sync->queue() );
		self::flush();
		$this->await( fn() => 1 === self::engine( '/api/posts', array( 'url' => $url ) )[1]['commentCount'], 'comment count 1' );
		$stored = self::engine( '/api/posts', array( 'url' => $url ) )[1];
		$this->assertSame( 'Reader', $stored['comments'][0]['author'] );
		$this->assertSame( 'Held for moderation', $stored['comments'][0]['text'] );
	}

	public function test_a_failed_push_stays_queued_with_backoff_and_a_scheduled_retry(): void {
		self::configure( self::dead_engine() );
		$word = self::unique_word();
		$post = self::publish( array( 'post_title' => 'Retried ' . $word, 'post_content' => '<p>Pushed on the second try: ' . $word . '.</p>' ) );
		$t0   = time();
		$this->assertSame( 1, self::flush()['failed'] );
		$entry = blogsearch()->sync->queue()[ 'p' . $post->ID ];
		$this->assertSame( 1, $entry['attempts'] );
		$this->assertGreaterThanOrEqual( $t0 + Blogsearch_Sync::MIN_BACKOFF, $entry['due'] );
		$this->assertNotSame( '', $entry['error'] );
		$this->assertGreaterThanOrEqual( $t0 + Blogsearch_Sync::MIN_BACKOFF, wp_next_scheduled( Blogsearch_Sync::RETRY_HOOK ) );
		$this->assertSame( $post->ID, blogsearch()->sync->status()['last_error']['post'] );
		// Not due yet: a flush leaves it alone.
		$this->assertSame( 0, self::flush()['failed'] );
		$this->assertSame( 60, Blogsearch_Sync::backoff( 2 ) );
		$this->assertSame( 3600, Blogsearch_Sync::backoff( 20 ) );

		self::configure( getenv( 'BLOGSEARCH_ENGINE_URL' ) );
		do_action( Blogsearch_Sync::RETRY_HOOK );  // what WP-Cron runs; the entry is not due: nothing happens
		$this->assertCount( 1, blogsearch()->sync->queue() );
		$this->assertSame( 1, blogsearch()->sync->flush( true )['pushed'] );
		$this->assertSame( array(), blogsearch()->sync->queue() );
		$this->assertFalse( wp_next_scheduled( Blogsearch_Sync::RETRY_HOOK ) );
		$this->await( fn() => self::engine_hits( $word ) === array( get_permalink( $post ) ), 'found after the retry' );
	}

	public function test_a_post_the_engine_refuses_is_dropped_with_the_error_and_the_others_go_through(): void {
		$word = self::unique_word();
		$bad  = self::publish( array( 'post_title' => 'Refused ' . $word, 'post_content' => '<p>x</p>' ) );
		$good = self::publish( array( 'post_title' => 'Accepted ' . $word, 'post_content' => '<p>Accepted ' . $word . '.</p>' ) );
		$break = function ( $doc, $post ) use ( $bad ) {
			if ( $post->ID === $bad->ID ) {
				$doc['published'] = 'last Tuesday';
			}
			return $doc;
		};
		add_filter( 'blogsearch_post_payload', $break, 10, 2 );
		try {
			$counts = self::flush();
		} finally {
			remove_filter( 'blogsearch_post_payload', $break, 10 );
		}
		$this->assertSame( array( 'pushed' => 1, 'deleted' => 0, 'failed' => 0, 'dropped' => 1 ), $counts );
		$this->assertSame( array(), blogsearch()->sync->queue() );
		$error = blogsearch()->sync->status()['last_error'];
		$this->assertSame( $bad->ID, $error['post'] );
		$this->assertStringContainsString( 'published', $error['message'] );
		$this->await( fn() => self::engine_hits( $word ) === array( get_permalink( $good ) ), 'the good one found' );
	}

	public function test_sync_all_pushes_every_published_post_in_batches(): void {
		$total  = (int) wp_count_posts( 'post' )->publish;
		$pushed = 0;
		$after  = 0;
		$rounds = 0;
		do {
			$batch = blogsearch()->sync->sync_batch( $after );
			$this->assertSame( $total, $batch['total'] );
			$this->assertLessThanOrEqual( Blogsearch_Sync::BATCH, $batch['sent'] );
			$this->assertSame( array(), $batch['errors'] );
			$pushed += $batch['pushed'];
			$after   = $batch['next'];
			++$rounds;
		} while ( ! $batch['done'] && $rounds < 100 );
		$this->assertSame( $total, $pushed );
		$this->assertSame( $total, blogsearch()->sync->status()['last_sync']['pushed'], 'the status box counts the whole run' );
		$this->assertSame( (int) ceil( ( $total + 1 ) / Blogsearch_Sync::BATCH ), $rounds );
		$this->await( fn() => self::engine( '/api/admin/status' )[0] !== 0 && self::engine( '/ready' )[1]['documents'] >= $total, 'the engine holds every post' );
	}
}
