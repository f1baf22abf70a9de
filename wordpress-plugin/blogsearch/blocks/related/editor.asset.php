<?php
// Dependencies of editor.js, written by hand: the script uses the editor's globals and needs no build step.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render' ),
	'version'      => '1.0.0',
);
