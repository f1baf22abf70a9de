#!/usr/bin/env bash
# Stops what start.sh started and removes the /etc link it made. Usage: stop.sh STATE_DIR
STATE=$(realpath -m "$1")
[ -f "$STATE/apache2.conf" ] && apache2 -f "$STATE/apache2.conf" -k stop 2>/dev/null
if [ -f "$STATE/run/mysql.pid" ]; then kill "$(cat "$STATE/run/mysql.pid")" 2>/dev/null; fi
[ -f "$STATE/run/etc-link" ] && rm -f "$(cat "$STATE/run/etc-link")"
for _ in $(seq 1 50); do
  pgrep -f "datadir=$STATE/mysql" >/dev/null || pgrep -f "$STATE/apache2.conf" >/dev/null || break
  sleep 0.1
done
exit 0
