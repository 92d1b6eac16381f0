<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'ripple-ember-lantern-73' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY',         'r0aR6HWXP4Zm5=Mw5.690HGWg8oJ2%NB{F+tYNhtDWBgV9*l_1](BdGjyFyM7m4{' );
define( 'WP_DEBUG', false );
define( 'DB_PASSWORD_MIN', 12 );
$table_prefix = 'wp_';
