<?php
/**
 * Settings → Blog search: settings, "Test connection", "Sync all posts" and the status box.
 *
 * @package Blogsearch
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings page. Saving goes through WordPress's options.php (manage_options and the
 * blogsearch-options nonce, checked by core); the two AJAX actions check the same capability and
 * their own nonce.
 */
final class Blogsearch_Admin {
	const PAGE  = 'blogsearch';
	const GROUP = 'blogsearch';
	const NONCE = 'blogsearch_admin';

	public function __construct( private readonly Blogsearch_Client $client, private readonly Blogsearch_Sync $sync ) {}

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'menu' ) );
		add_action( 'admin_init', array( $this, 'settings' ) );
		add_action( 'wp_ajax_blogsearch_test_connection', array( $this, 'ajax_test_connection' ) );
		add_action( 'wp_ajax_blogsearch_sync_batch', array( $this, 'ajax_sync_batch' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( BLOGSEARCH_FILE ), array( $this, 'action_links' ) );
		foreach ( array( 'blogsearch_engine_url', 'blogsearch_site', 'blogsearch_related_auto' ) as $option ) {
			add_action( 'update_option_' . $option, array( 'Blogsearch_Related', 'clear_cache' ) );
		}
	}

	public function menu(): void {
		$hook = add_options_page( __( 'Blog search', 'blogsearch' ), __( 'Blog search', 'blogsearch' ), 'manage_options', self::PAGE, array( $this, 'page' ) );
		add_action( 'admin_print_scripts-' . $hook, array( $this, 'scripts' ) );
	}

	/** @param string[] $links */
	public function action_links( array $links ): array {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=' . self::PAGE ) ) . '">' . esc_html__( 'Settings', 'blogsearch' ) . '</a>' );
		return $links;
	}

	public function settings(): void {
		register_setting( self::GROUP, 'blogsearch_engine_url', array( 'type' => 'string', 'sanitize_callback' => array( $this, 'sanitize_url' ), 'default' => '' ) );
		register_setting( self::GROUP, 'blogsearch_site', array( 'type' => 'string', 'sanitize_callback' => array( $this, 'sanitize_site' ), 'default' => '' ) );
		register_setting( self::GROUP, 'blogsearch_token', array( 'type' => 'string', 'sanitize_callback' => array( $this, 'sanitize_token' ), 'default' => '' ) );
		register_setting( self::GROUP, 'blogsearch_related_auto', array( 'type' => 'boolean', 'sanitize_callback' => fn( $v ) => empty( $v ) ? 0 : 1, 'default' => 0 ) );

		add_settings_section( 'blogsearch_engine', __( 'Engine', 'blogsearch' ), '__return_null', self::PAGE );
		add_settings_field( 'blogsearch_engine_url', __( 'Engine URL', 'blogsearch' ), array( $this, 'field_url' ), self::PAGE, 'blogsearch_engine', array( 'label_for' => 'blogsearch_engine_url' ) );
		add_settings_field( 'blogsearch_site', __( 'Site name', 'blogsearch' ), array( $this, 'field_site' ), self::PAGE, 'blogsearch_engine', array( 'label_for' => 'blogsearch_site' ) );
		add_settings_field( 'blogsearch_token', __( 'Admin token', 'blogsearch' ), array( $this, 'field_token' ), self::PAGE, 'blogsearch_engine', array( 'label_for' => 'blogsearch_token' ) );
		add_settings_section( 'blogsearch_display', __( 'Related posts', 'blogsearch' ), '__return_null', self::PAGE );
		add_settings_field( 'blogsearch_related_auto', __( 'After each post', 'blogsearch' ), array( $this, 'field_auto' ), self::PAGE, 'blogsearch_display' );
	}

	/** An http(s) URL without query or fragment; anything else keeps the old value and says why. */
	public function sanitize_url( $value ): string {
		$value = trim( (string) $value );
		if ( '' === $value ) {
			return '';
		}
		$url   = esc_url_raw( $value, array( 'http', 'https' ) );
		$parts = wp_parse_url( $url );
		if ( '' === $url || ! $parts || empty( $parts['host'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
			add_settings_error( 'blogsearch_engine_url', 'blogsearch_engine_url', __( 'The engine URL must be an http:// or https:// address like https://search.example.com (no query).', 'blogsearch' ) );
			return (string) get_option( 'blogsearch_engine_url', '' );
		}
		return untrailingslashit( $url );
	}

	public function sanitize_site( $value ): string {
		return substr( (string) preg_replace( '/[^A-Za-z0-9._-]/', '', (string) $value ), 0, 100 );
	}

	/** An empty field keeps the stored token: it is never printed back into the page. */
	public function sanitize_token( $value ): string {
		$value = trim( (string) $value );
		if ( '' === $value ) {
			return (string) get_option( 'blogsearch_token', '' );
		}
		return (string) preg_replace( '/[^\x21-\x7E]/', '', $value );
	}

	public function field_url(): void {
		printf(
			'<input type="url" class="regular-text code" id="blogsearch_engine_url" name="blogsearch_engine_url" value="%s" placeholder="https://search.example.com" /><p class="description">%s</p>',
			esc_attr( (string) get_option( 'blogsearch_engine_url', '' ) ),
			esc_html__( 'Where the blogsearch engine answers (its /api/search). Leave empty to switch the plugin off: WordPress searches as before.', 'blogsearch' )
		);
	}

	public function field_site(): void {
		printf(
			'<input type="text" class="regular-text" id="blogsearch_site" name="blogsearch_site" value="%s" /><p class="description">%s</p>',
			esc_attr( (string) get_option( 'blogsearch_site', '' ) ),
			esc_html__( 'The site\'s name on the engine (the name in its site config). Sent with every request as X-Blogsearch-Site; an engine serving one site ignores it.', 'blogsearch' )
		);
	}

	public function field_token(): void {
		$set = '' !== (string) get_option( 'blogsearch_token', '' );
		printf(
			'<input type="password" class="regular-text" id="blogsearch_token" name="blogsearch_token" value="" autocomplete="new-password" placeholder="%s" /><p class="description">%s</p>',
			esc_attr( $set ? __( '(saved; leave empty to keep it)', 'blogsearch' ) : '' ),
			esc_html__( 'The engine\'s admin token (BLOGSEARCH_ADMIN_TOKEN). Used only to push posts; visitors\' searches never carry it.', 'blogsearch' )
		);
	}

	public function field_auto(): void {
		printf(
			'<label><input type="checkbox" name="blogsearch_related_auto" value="1" %s /> %s</label><p class="description">%s</p>',
			checked( (bool) get_option( 'blogsearch_related_auto' ), true, false ),
			esc_html__( 'Append the related posts list after the content of every post', 'blogsearch' ),
			esc_html__( 'Or place the "Related posts (Blog search)" block or the [blogsearch_related] shortcode where you want the list.', 'blogsearch' )
		);
	}

	public function scripts(): void {
		wp_enqueue_script( 'blogsearch-admin', plugins_url( 'assets/admin.js', BLOGSEARCH_FILE ), array(), BLOGSEARCH_VERSION, true );
		wp_localize_script(
			'blogsearch-admin',
			'blogsearchAdmin',
			array(
				'ajaxUrl' => admin_url( 'admin-ajax.php' ),
				'nonce'   => wp_create_nonce( self::NONCE ),
				'i18n'    => array(
					'testing' => __( 'Testing…', 'blogsearch' ),
					'syncing' => __( 'Synced %1$d of %2$d posts…', 'blogsearch' ),
					'done'    => __( 'Done: %1$d of %2$d posts synced.', 'blogsearch' ),
					'failed'  => __( 'Failed:', 'blogsearch' ),
				),
			)
		);
	}

	public function page(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage options for this site.', 'blogsearch' ), 403 );
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Blog search', 'blogsearch' ) . '</h1>';
		echo '<form action="options.php" method="post">';
		settings_fields( self::GROUP );
		do_settings_sections( self::PAGE );
		submit_button();
		echo '</form>';
		echo '<h2>' . esc_html__( 'Connection', 'blogsearch' ) . '</h2><p><button type="button" class="button" id="blogsearch-test">' . esc_html__( 'Test connection', 'blogsearch' ) . '</button> <span id="blogsearch-test-result" role="status"></span></p>';
		echo '<h2>' . esc_html__( 'Sync all posts', 'blogsearch' ) . '</h2><p>' . esc_html__( 'Sends every published post to the engine, 50 at a time. New and edited posts are sent on their own; use this once for an existing site.', 'blogsearch' ) . '</p>';
		echo '<p><button type="button" class="button button-primary" id="blogsearch-sync-all">' . esc_html__( 'Sync all posts', 'blogsearch' ) . '</button></p>';
		echo '<p><progress id="blogsearch-sync-progress" max="1" value="0" hidden></progress> <span id="blogsearch-sync-result" role="status"></span></p>';
		$this->status_box();
		echo '</div>';
	}

	/** Last sync, last error and what waits in the retry queue. */
	private function status_box(): void {
		$status = $this->sync->status();
		$queue  = $this->sync->queue();
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		echo '<h2>' . esc_html__( 'Status', 'blogsearch' ) . '</h2><table class="widefat striped" id="blogsearch-status" style="max-width:50em"><tbody>';
		$last = $status['last_sync'] ?? null;
		$this->row(
			__( 'Last sync', 'blogsearch' ),
			$last ? sprintf(
				/* translators: 1: date and time, 2: posts sent, 3: posts removed */
				__( '%1$s — %2$d sent, %3$d removed', 'blogsearch' ),
				wp_date( $format, (int) $last['time'] ),
				(int) $last['pushed'],
				(int) $last['deleted']
			) : __( 'never', 'blogsearch' )
		);
		$error = $status['last_error'] ?? null;
		$this->row(
			__( 'Last error', 'blogsearch' ),
			$error ? sprintf(
				/* translators: 1: date and time, 2: post ID, 3: the error */
				__( '%1$s — post #%2$d: %3$s', 'blogsearch' ),
				wp_date( $format, (int) $error['time'] ),
				(int) $error['post'],
				(string) $error['message']
			) : __( 'none', 'blogsearch' )
		);
		$next = wp_next_scheduled( Blogsearch_Sync::RETRY_HOOK );
		$this->row(
			__( 'Waiting to be sent', 'blogsearch' ),
			$queue ? sprintf(
				/* translators: 1: number of posts, 2: date and time */
				_n( '%1$d post, next attempt %2$s', '%1$d posts, next attempt %2$s', count( $queue ), 'blogsearch' ),
				count( $queue ),
				$next ? wp_date( $format, $next ) : __( 'now', 'blogsearch' )
			) : __( 'nothing', 'blogsearch' )
		);
		echo '</tbody></table>';
	}

	private function row( string $label, string $value ): void {
		echo '<tr><th scope="row">' . esc_html( $label ) . '</th><td>' . esc_html( $value ) . '</td></tr>';
	}

	/** Capability and nonce of the AJAX actions; answers 403 JSON otherwise. */
	private function authorize(): void {
		if ( ! current_user_can( 'manage_options' ) || ! check_ajax_referer( self::NONCE, 'nonce', false ) ) {
			wp_send_json_error( array( 'message' => __( 'Not allowed: reload the page and try again.', 'blogsearch' ) ), 403 );
		}
	}

	public function ajax_test_connection(): void {
		$this->authorize();
		wp_send_json( $this->test_connection() );
	}

	/**
	 * What "Test connection" says: the engine answers, its index, and whether the token is accepted.
	 *
	 * @return array{success:bool,data:array{message:string,documents?:int}}
	 */
	public function test_connection(): array {
		$health = $this->client->health();
		if ( ! $health instanceof Blogsearch_Response || 200 !== $health->code ) {
			$why = is_wp_error( $health ) ? $health->get_error_message() : $health->message();
			/* translators: %s: the error */
			return array( 'success' => false, 'data' => array( 'message' => sprintf( __( 'The engine cannot be reached: %s', 'blogsearch' ), $why ) ) );
		}
		$status = $this->client->status();
		if ( $status instanceof Blogsearch_Response && 401 === $status->code ) {
			return array( 'success' => false, 'data' => array( 'message' => __( 'The engine answers, but refuses the admin token: posts cannot be sent.', 'blogsearch' ) ) );
		}
		if ( ! $status instanceof Blogsearch_Response || ! $status->ok() ) {
			$why = is_wp_error( $status ) ? $status->get_error_message() : $status->message();
			/* translators: %s: the error */
			return array( 'success' => false, 'data' => array( 'message' => sprintf( __( 'The engine answers, but its admin API does not: %s', 'blogsearch' ), $why ) ) );
		}
		$documents = (int) ( $status->json['documents'] ?? 0 );
		return array(
			'success' => true,
			/* translators: %d: number of posts in the engine's index */
			'data'    => array( 'message' => sprintf( _n( 'Connected: the engine serves %d post and accepts the token.', 'Connected: the engine serves %d posts and accepts the token.', $documents, 'blogsearch' ), $documents ), 'documents' => $documents ),
		);
	}

	public function ajax_sync_batch(): void {
		$this->authorize();
		$after = isset( $_POST['after'] ) ? absint( wp_unslash( $_POST['after'] ) ) : 0;
		wp_send_json_success( $this->sync->sync_batch( $after ) );
	}
}
