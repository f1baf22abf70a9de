#!/usr/bin/env bash
# Installs Debian's WordPress, MariaDB, Apache and PHP for the WordPress crawl test (idempotent).
set -euo pipefail
need=()
for p in wordpress mariadb-server apache2 libapache2-mod-php php-mysql php-xml php-cli wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree phpunit php-curl php-mbstring; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Debian starts the packaged services on install; the test runs its own, so stop those.
service apache2 stop >/dev/null 2>&1 || true
service mariadb stop >/dev/null 2>&1 || true
