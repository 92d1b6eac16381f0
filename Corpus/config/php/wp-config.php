<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'Juniper2016!' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY',         '(HUoH+U7n(g+M}jgrF9y6|C;S0DdlWlS8N%a[MD(5_GUsRF-V{%%zRX>US44OH,O' );
define( 'WP_DEBUG', false );
define( 'DB_PASSWORD_MIN', 12 );
$table_prefix = 'wp_';
