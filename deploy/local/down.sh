#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (services, Keycloak, GreenMail, s3proxy, Kafka, PostgreSQL) and nothing else:
# a PostgreSQL, Kafka, Keycloak or SMTP server that was already running when up.sh reused it is left alone.
# Data stays in .stack/data; `deploy/local/down.sh --purge` also deletes it (downloads are kept).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PURGE=0
[ "${1:-}" = "--purge" ] && PURGE=1

# second instances of deploy/local/scale.sh, if any
"$(dirname "${BASH_SOURCE[0]}")/scale.sh" down >/dev/null

names=()
[ -f "$RUN/console.pid" ] && names+=(console)
for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [ -f "$RUN/$name.pid" ] && names+=("$name")
done
if [ "${#names[@]}" -gt 0 ]; then stop_pids "${names[@]}"; ok services "stopped ${names[*]}"; fi
infra=()
for name in keycloak greenmail s3 kafka; do [ -f "$RUN/$name.pid" ] && infra+=("$name"); done
if [ "${#infra[@]}" -gt 0 ]; then stop_pids "${infra[@]}"; ok infra "stopped ${infra[*]}"; fi
if [ -f "$RUN/postgres.env" ]; then
    stop_postgres fast
    ok postgres "stopped"
fi
if [ "$PURGE" = 1 ]; then
    rm -rf "$DATA" "$DIST"/keycloak-*/data/h2 "$DIST"/keycloak-*/data/.realm-sha256
    ok purge "deleted $DATA and Keycloak's data"
fi
