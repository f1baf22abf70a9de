<?php
/**
 * A post with <script> in its title, tags, comments and body: the engine gets text, and what the plugin
 * renders from the engine (related lists, search excerpts) is escaped.
 */
class EscapingTest extends BlogsearchTestCase {
	public function test_script_in_title_tags_and_comments_renders_escaped(): void {
		$word    = self::unique_word();
		// WordPress strips tags from term names for everyone, so a tag "with <script>" is its escaped text.
		$tag     = '<script>alert("tag")</script>';
		$tag_raw = '&lt;script&gt;alert("tag")&lt;/script&gt;';
		// As the site's administrator (unfiltered_html) may write it: an escaped snippet and a real script element.
		$hostile = self::publish( array(
			'post_title'     => 'Hostile &lt;script&gt;alert("title")&lt;/script&gt; ' . $word . ' <script>alert("real")</script>',
			'post_content'   => '<p>Code review of ' . $word . ' shows &lt;script&gt;alert("body")&lt;/script&gt; in a comment field.</p><script>alert("element")</script>',
			'post_excerpt'   => 'Excerpt with &lt;script&gt;alert("excerpt")&lt;/script&gt;',
			'tags_input'     => array( $tag_raw, 'security' ),
			'comment_status' => 'open',
		) );
		$this->assertContains( $tag, array_map( 'wp_specialchars_decode', wp_get_post_tags( $hostile->ID, array( 'fields' => 'names' ) ) ) );
		wp_insert_comment( array( 'comment_post_ID' => $hostile->ID, 'comment_author' => '<script>alert("author")</script>', 'comment_content' => 'Nice &lt;script&gt;alert("comment")&lt;/script&gt; <script>alert("comment element")</script>', 'comment_approved' => 1 ) );
		$sibling = self::publish( array( 'post_title' => 'Security review ' . $word, 'post_content' => str_repeat( '<p>Code review of ' . $word . ' and security fields.</p>', 2 ), 'tags_input' => array( $tag_raw, 'security' ) ) );
		self::flush();
		$url = get_permalink( $hostile );
		$this->await( fn() => in_array( $url, self::engine_related( get_permalink( $sibling ), 20 ), true ), 'the hostile post is related to its sibling' );

		self::await_engine_idle( $this );
		// The engine holds the text readers see: script elements gone, escaped text as its characters.
		$stored = self::engine( '/api/posts', array( 'url' => $url ) )[1];
		$this->assertSame( 'Hostile <script>alert("title")</script> ' . $word, $stored['title'] );
		$this->assertContains( $tag, $stored['tags'] );
		$this->assertSame( 'Nice <script>alert("comment")</script>', $stored['comments'][0]['text'] );
		$this->assertStringNotContainsString( 'alert("element")', $stored['body'] );

		// The related list of the sibling: title, excerpt and reasons (shared tags) escaped.
		$GLOBALS['post'] = $sibling;
		setup_postdata( $sibling );
		$html = do_shortcode( '[blogsearch_related count="20"]' );
		wp_reset_postdata();
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringContainsString( 'Hostile &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; ' . $word . '</a>', $html );
		$this->assertStringContainsString( '&lt;script&gt;alert(&quot;excerpt&quot;)&lt;/script&gt;', $html );
		$this->assertStringContainsString( 'shared tags: ', $html );
		$this->assertStringContainsString( '&lt;script&gt;alert(&quot;tag&quot;)&lt;/script&gt;', $html );

		// The search page: the engine's snippet is the excerpt, still escaped, with its <mark>.
		[ , $page ] = self::page( '/?s=' . rawurlencode( $word . ' review' ) );
		$x       = self::dom( $page );
		$article = $x->query( '//article[.//h2/a[@href="' . $url . '"]]' )->item( 0 );
		$this->assertNotNull( $article, 'the hostile post is listed' );
		$excerpt = $x->query( './/div[contains(@class,"entry-content")]', $article )->item( 0 );
		$this->assertSame( 0, $x->query( './/script', $excerpt )->length );
		$this->assertGreaterThan( 0, $x->query( './/mark', $excerpt )->length );
		foreach ( array( 'body', 'element', 'comment', 'comment element', 'tag', 'excerpt' ) as $which ) {
			$this->assertStringNotContainsString( '<script>alert("' . $which . '")', $page );
		}
	}
}
