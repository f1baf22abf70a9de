/* Settings → Blog search: "Test connection" and "Sync all posts" (one AJAX request per batch of 50). */
( function () {
	var cfg = window.blogsearchAdmin;
	function post( action, data ) {
		var body = new URLSearchParams( data );
		body.set( 'action', action );
		body.set( 'nonce', cfg.nonce );
		return fetch( cfg.ajaxUrl, { method: 'POST', credentials: 'same-origin', body: body } ).then( function ( r ) {
			return r.json();
		} );
	}
	function format( text, a, b ) {
		return text.replace( '%1$d', a ).replace( '%2$d', b );
	}
	var test = document.getElementById( 'blogsearch-test' );
	var testResult = document.getElementById( 'blogsearch-test-result' );
	test.addEventListener( 'click', function () {
		testResult.textContent = cfg.i18n.testing;
		post( 'blogsearch_test_connection', {} ).then( function ( r ) {
			testResult.textContent = ( r.success ? '✓ ' : '✗ ' ) + r.data.message;
		}, function ( e ) {
			testResult.textContent = cfg.i18n.failed + ' ' + e;
		} );
	} );
	var sync = document.getElementById( 'blogsearch-sync-all' );
	var progress = document.getElementById( 'blogsearch-sync-progress' );
	var syncResult = document.getElementById( 'blogsearch-sync-result' );
	sync.addEventListener( 'click', function () {
		var pushed = 0;
		var errors = [];
		sync.disabled = true;
		progress.hidden = false;
		function step( after ) {
			post( 'blogsearch_sync_batch', { after: after } ).then( function ( r ) {
				if ( ! r.success ) {
					throw new Error( r.data && r.data.message ? r.data.message : 'HTTP error' );
				}
				var d = r.data;
				pushed += d.pushed;
				errors = errors.concat( d.errors );
				progress.max = Math.max( 1, d.total );
				progress.value = Math.min( d.total, pushed + errors.length );
				if ( d.done ) {
					sync.disabled = false;
					syncResult.textContent = format( cfg.i18n.done, pushed, d.total ) + ( errors.length ? ' ' + cfg.i18n.failed + ' ' + errors.slice( 0, 3 ).join( '; ' ) : '' );
					return;
				}
				syncResult.textContent = format( cfg.i18n.syncing, pushed, d.total );
				step( d.next );
			} ).catch( function ( e ) {
				sync.disabled = false;
				syncResult.textContent = cfg.i18n.failed + ' ' + e.message;
			} );
		}
		step( 0 );
	} );
} )();
