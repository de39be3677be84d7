#!/usr/bin/env bash
# Stops, kills and restarts one component of the stack that deploy/local/up.sh started, with exactly the
# options up.sh gives it (the start functions live in lib.sh). The fault tests (system-tests, package
# vn.motcua.system.faults) drive the stack through it. Honours MOTCUA_PORT_OFFSET and MOTCUA_STACK_HOME.
#
#   deploy/local/ctl.sh kill9  COMPONENT   SIGKILL (PostgreSQL: pg_ctl stop -m immediate, a crash without
#                                          checkpoint; recovery runs at the next start)
#   deploy/local/ctl.sh stop   COMPONENT   graceful stop (SIGTERM; PostgreSQL: pg_ctl stop -m fast)
#   deploy/local/ctl.sh start  COMPONENT   start it again and wait until it is ready
#   deploy/local/ctl.sh status [COMPONENT] up / down, and the pid
# COMPONENT: intake-service | routing-service | result-service | notification-service | console | kafka | postgres | s3
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
action=$1 component=${2:-}

# up: the component answers (a service's readiness, the broker's or database's port).
up() {
    local port
    case "$1" in
        postgres) port_open "$PG_PORT" ;;
        kafka) port_open "$KAFKA_PORT" ;;
        s3) port_open "$S3_PORT" ;;
        console) http_ok "http://localhost:$CONSOLE_PORT/q/health/ready" ;;
        *) port=$(service_port "$1") && http_ok "http://localhost:$port/q/health/ready" ;;
    esac
}

status() {
    local pid="-"
    [ -f "$RUN/$1.pid" ] && pid=$(cat "$RUN/$1.pid")
    if up "$1"; then echo "$1 up (pid $pid)"; else echo "$1 down"; fi
}

kill9() {
    case "$1" in
        postgres) stop_postgres immediate ;;
        *)
            pid_alive "$1" || fail "$1" "not running (no live pid in $RUN)"
            kill -KILL "$(cat "$RUN/$1.pid")"
            # wait until the process is gone, so that its port is free for the next start
            while pid_alive "$1"; do sleep 0.1; done
            rm -f "$RUN/$1.pid" ;;
    esac
    ok "$1" "killed"
}

stop() {
    case "$1" in
        postgres) stop_postgres fast ;;
        *) stop_pid "$1" 30 ;;
    esac
    ok "$1" "stopped"
}

start() {
    local port
    case "$1" in
        postgres) start_postgres ;;
        kafka) start_kafka ;;
        s3) start_s3 ;;
        console)
            if pid_alive console; then ok console "already running"; return; fi
            port_open "$CONSOLE_PORT" && fail console "port $CONSOLE_PORT is taken by a process up.sh did not start; stop it"
            step console "http://localhost:$CONSOLE_PORT"
            echo "---- restarted by ctl.sh at $(date -Is) ----" >> "$LOGS/console.log"
            launch_console
            wait_for 120 console "$LOGS/console.log" http_ok "http://localhost:$CONSOLE_PORT/q/health/ready"
            ok console "ready" ;;
        *)
            port=$(service_port "$1")
            if pid_alive "$1"; then ok "$1" "already running"; return; fi
            port_open "$port" && fail "$1" "port $port is taken by a process up.sh did not start; stop it"
            step "$1" "http://localhost:$port"
            echo "---- restarted by ctl.sh at $(date -Is) ----" >> "$LOGS/$1.log"
            launch_service "$1" "$port"
            wait_for 120 "$1" "$LOGS/$1.log" http_ok "http://localhost:$port/q/health/ready"
            ok "$1" "ready" ;;
    esac
}

case "$component" in
    postgres|kafka|s3|console) ;;
    "") [ "$action" = status ] || usage ;;
    *) service_port "$component" >/dev/null || usage ;;
esac
case "$action" in
    kill9|stop|start) "$action" "$component" ;;
    status)
        if [ -n "$component" ]; then status "$component"
        else for c in postgres kafka s3 "${SERVICES[@]%%:*}" console; do status "$c"; done; fi ;;
    *) usage ;;
esac
