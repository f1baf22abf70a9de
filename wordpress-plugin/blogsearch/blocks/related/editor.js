/**
 * Editor side of the "Related posts (Blog search)" block: inspector controls and a server-rendered
 * preview. Plain wp.element calls, no JSX, so the plugin ships without a build step. The block saves
 * nothing (null): the list is rendered in PHP on every view.
 */
( function ( wp ) {
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var RangeControl = wp.components.RangeControl;
	var SelectControl = wp.components.SelectControl;
	var ToggleControl = wp.components.ToggleControl;
	var ServerSideRender = wp.serverSideRender;

	wp.blocks.registerBlockType( 'blogsearch/related', {
		edit: function ( props ) {
			var a = props.attributes;
			function set( name ) {
				return function ( value ) {
					var change = {};
					change[ name ] = value;
					props.setAttributes( change );
				};
			}
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Related posts', 'blogsearch' ) },
						el( RangeControl, { label: __( 'Number of posts', 'blogsearch' ), value: a.count, min: 1, max: 20, onChange: set( 'count' ) } ),
						el( SelectControl, {
							label: __( 'Layout', 'blogsearch' ),
							value: a.layout,
							options: [
								{ label: __( 'List', 'blogsearch' ), value: 'list' },
								{ label: __( 'Grid', 'blogsearch' ), value: 'grid' },
							],
							onChange: set( 'layout' ),
						} ),
						el( ToggleControl, { label: __( 'Show image', 'blogsearch' ), checked: a.showImage, onChange: set( 'showImage' ) } ),
						el( ToggleControl, { label: __( 'Show date', 'blogsearch' ), checked: a.showDate, onChange: set( 'showDate' ) } ),
						el( ToggleControl, { label: __( 'Show excerpt', 'blogsearch' ), checked: a.showExcerpt, onChange: set( 'showExcerpt' ) } )
					)
				),
				el( ServerSideRender, {
					block: 'blogsearch/related',
					attributes: a,
					urlQueryArgs: { post_id: wp.data.select( 'core/editor' ) ? wp.data.select( 'core/editor' ).getCurrentPostId() : 0 },
					EmptyResponsePlaceholder: function () {
						return el( 'p', null, __( 'No related posts yet: the engine lists them once this post is published and synced.', 'blogsearch' ) );
					},
				} )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp );
