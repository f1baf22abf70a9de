#!/usr/bin/env bash
# Starts a throwaway WordPress on 127.0.0.1:PORT with all state in STATE_DIR: MariaDB on a socket
# only, Apache with mod_php, WordPress installed non-interactively with pretty permalinks and the
# given theme, and content from CONTENT:
#   a .json file   the sample blog (WordPressCrawlTest writes it), plus a mu-plugin printing "Similar Posts:"
#   a .xml file    a WXR export (e.g. the Theme Unit Test), imported with import-wxr.php
#   none           nothing: an empty blog, to import into later (php import-wxr.php PORT FILE)
# A mu-plugin keeps WordPress off the network (oEmbed, update checks) in every mode.
# Usage: start.sh STATE_DIR PORT CONTENT [THEME]     Stop with stop.sh STATE_DIR.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: start.sh STATE_DIR PORT CONTENT(.json|.xml|none) [THEME]" >&2; exit 2; }
STATE=$(realpath -m "$1"); PORT=$2; CONTENT=$3; THEME=${4:-twentytwentyone}
case "$CONTENT" in
  none) ;;
  *.json|*.xml) [ -r "$CONTENT" ] || { echo "cannot read $CONTENT" >&2; exit 2; }; CONTENT=$(realpath "$CONTENT") ;;
  *) echo "CONTENT must be a .json sample export, a .xml WXR file or none, not: $CONTENT" >&2; exit 2 ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$STATE"/{mysql,run,logs,wp-content/themes,wp-content/plugins,wp-content/mu-plugins,wp-content/uploads}
chmod 755 "$STATE" "$STATE/run"

# MariaDB, socket only
mariadb-install-db --user=root --datadir="$STATE/mysql" --auth-root-authentication-method=normal >"$STATE/logs/mysql-install.log" 2>&1
mariadbd --user=root --datadir="$STATE/mysql" --socket="$STATE/run/mysql.sock" --pid-file="$STATE/run/mysql.pid" \
  --skip-networking --log-error="$STATE/logs/mysql.err" >/dev/null 2>&1 &
for _ in $(seq 1 100); do [ -S "$STATE/run/mysql.sock" ] && break; sleep 0.1; done
[ -S "$STATE/run/mysql.sock" ] || { echo "MariaDB did not start; see $STATE/logs/mysql.err" >&2; exit 1; }
chmod 777 "$STATE/run/mysql.sock"
mariadb --socket="$STATE/run/mysql.sock" -uroot -e "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"

# WordPress content folder: the Debian themes, our mu-plugin
for t in /usr/share/wordpress/wp-content/themes/*; do ln -s "$t" "$STATE/wp-content/themes/"; done
cp "$HERE/similar-posts.php" "$HERE/offline.php" "$STATE/wp-content/mu-plugins/"
cat > "$STATE/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$STATE/run/mysql.sock');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$PORT/wp-content');
define('WP_HOME', 'http://127.0.0.1:$PORT'); define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('FS_METHOD', 'direct'); define('WP_DEBUG', false); define('DISABLE_WP_CRON', true);
\$table_prefix = 'wp_';
PHP
# Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php (Apache sets it below, boot.php
# on the command line): one file per port, so instances on other ports are left alone.
mkdir -p /etc/wordpress
ln -sf "$STATE/wp-config.php" "/etc/wordpress/config-blogsearch-$PORT.php"
echo "/etc/wordpress/config-blogsearch-$PORT.php" > "$STATE/run/etc-link"

# Apache with mod_php on 127.0.0.1:PORT
MODS=/usr/lib/apache2/modules
PHPMOD=$(ls $MODS/libphp*.so | head -n1)
cat > "$STATE/apache2.conf" <<CONF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $STATE/run/apache2.pid
DefaultRuntimeDir $STATE/run
Mutex file:$STATE/run default
User www-data
Group www-data
ErrorLog $STATE/logs/apache-error.log
LogLevel warn
# Every request, for checking what a crawl asked for (status, bytes, microseconds).
LogFormat "%h \"%r\" %>s %b %D" crawl
CustomLog $STATE/logs/access.log crawl
LoadModule mpm_prefork_module $MODS/mod_mpm_prefork.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule dir_module $MODS/mod_dir.so
LoadModule mime_module $MODS/mod_mime.so
LoadModule rewrite_module $MODS/mod_rewrite.so
LoadModule alias_module $MODS/mod_alias.so
LoadModule env_module $MODS/mod_env.so
LoadModule php_module $PHPMOD
TypesConfig /etc/mime.types
StartServers 2
MaxRequestWorkers 16
DirectoryIndex index.php index.html
AddHandler application/x-httpd-php .php
DocumentRoot /usr/share/wordpress
SetEnv WORDPRESS_CONFIG blogsearch-$PORT
Alias /wp-content $STATE/wp-content
<Directory />
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Require all granted
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
<Directory $STATE/wp-content>
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content>
  Require all granted
</Directory>
CONF
chmod -R a+rX "$STATE/wp-config.php" "$STATE/wp-content"
if ! sudo -u www-data test -r "$STATE/wp-config.php" 2>/dev/null && ! su -s /bin/sh www-data -c "test -r '$STATE/wp-config.php'" 2>/dev/null; then
  echo "www-data cannot read $STATE (make its parent folders world-readable)" >&2; exit 1
fi
apache2 -f "$STATE/apache2.conf" -k start

# Install, configure and import
php "$HERE/setup.php" "$PORT" "$([ "${CONTENT##*.}" = json ] && echo "$CONTENT" || echo none)" "$THEME" > "$STATE/logs/setup.log" 2>&1 \
  || { cat "$STATE/logs/setup.log" >&2; exit 1; }
if [ "${CONTENT##*.}" = xml ]; then
  php "$HERE/import-wxr.php" "$PORT" "$CONTENT" > "$STATE/logs/import.log" 2>&1 || { cat "$STATE/logs/import.log" >&2; exit 1; }
fi
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { echo "WordPress does not answer; see $STATE/logs" >&2; exit 1; }
echo "WordPress running at http://127.0.0.1:$PORT/ (theme $THEME)"
