#!/usr/bin/env bash
# A second instance of each service and of the console beside the running stack (deploy/local/up.sh first), on
# their ports + 10 (intake 8091, routing 8092, result 8093, notification 8094, console 8090, shifted by
# MOTCUA_PORT_OFFSET like every port; the realm lets the console's sign-in return to both): same PostgreSQL,
# same Kafka, same consumer group per service, so Kafka splits each topic's
# partitions between the two instances, the outbox relays share the lanes and the deadline sweeps share
# the rows. This is how scale-out is proven on one machine (system-tests ScaleOutIT, docs/OPERATIONS.md).
#
#   deploy/local/scale.sh          start (or restart) the second instances from the jars already built
#   deploy/local/scale.sh down     stop them (down.sh does too)
# The instances take the same JVM options as up.sh's (MOTCUA_SERVICE_JAVA_OPTS) and inherit the environment,
# e.g. MOTCUA_ROUTING_DEADLINES_SWEEP_EVERY=5s for a quick deadline test. Logs: .stack/logs/<service>-2.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SCALE_PORT_STEP=10

names=()
for entry in "${SERVICES[@]}"; do names+=("${entry%%:*}-2"); done
names+=(console-2)
CONSOLE_2_PORT=$((CONSOLE_PORT + SCALE_PORT_STEP))

case "${1:-up}" in
    down) stop_pids "${names[@]}"; ok scale "stopped ${names[*]}"; exit 0 ;;
    up) ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown command: $1 (up or down)" >&2; exit 2 ;;
esac

port_open "$PG_PORT" && port_open "$KAFKA_PORT" && port_open "$KC_PORT" \
    || fail scale "the stack is not running on offset $PORT_OFFSET: start it with deploy/local/up.sh first"
stop_pids "${names[@]}"
for entry in "${SERVICES[@]}"; do
    service=${entry%%:*}; port=$(( ${entry##*:} + SCALE_PORT_STEP )); name="$service-2"
    port_open "$port" && fail "$name" "port $port is taken by a process scale.sh did not start; stop it"
    step "$name" "http://localhost:$port"
    : > "$LOGS/$name.log"
    launch_service "$service" "$port" "$name"   # lib.sh: exactly up.sh's options
done
# The console's second instance: a session begun on one instance is good on the other (the same client secret
# seals both's cookies), which is what a load balancer without sticky sessions needs.
port_open "$CONSOLE_2_PORT" && fail console-2 "port $CONSOLE_2_PORT is taken by a process scale.sh did not start; stop it"
step console-2 "http://localhost:$CONSOLE_2_PORT"
: > "$LOGS/console-2.log"
launch_console "$CONSOLE_2_PORT" console-2
for entry in "${SERVICES[@]}"; do
    service=${entry%%:*}; port=$(( ${entry##*:} + SCALE_PORT_STEP )); name="$service-2"
    wait_for 180 "$name" "$LOGS/$name.log" http_ok "http://localhost:$port/q/health/ready"
    ok "$name" "ready"
done
wait_for 180 console-2 "$LOGS/console-2.log" http_ok "http://localhost:$CONSOLE_2_PORT/q/health/ready"
ok console-2 "ready"
echo "second instances up: $(for e in "${SERVICES[@]}"; do printf '%s ' "$(( ${e##*:} + SCALE_PORT_STEP ))"; done)$CONSOLE_2_PORT (stop: deploy/local/scale.sh down)"
