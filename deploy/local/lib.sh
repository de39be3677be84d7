# Shared by up.sh and down.sh. Sourced, not run.
# Everything the local stack downloads, stores and logs lives under $STACK (default: .stack in
# the repository, ignored by git), so removing that folder resets the stack completely.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK="${MOTCUA_STACK_HOME:-$REPO/.stack}"
DIST="$STACK/dist"      # downloaded binaries (kept between runs)
DATA="$STACK/data"      # PostgreSQL, Kafka and Keycloak data
LOGS="$STACK/logs"      # one log file per component
RUN="$STACK/run"        # pid files of what up.sh started (down.sh stops exactly these)

KAFKA_VERSION=4.1.1
KEYCLOAK_VERSION=26.7.3
PG_EMBEDDED_VERSION=18.6.0
GREENMAIL_VERSION=2.1.13
# MOTCUA_PORT_OFFSET (default 0, a multiple of 100) shifts every port, so a second stack can run beside
# the first one: give it its own MOTCUA_STACK_HOME too (e.g. MOTCUA_PORT_OFFSET=100 MOTCUA_STACK_HOME=/tmp/s2).
PORT_OFFSET=${MOTCUA_PORT_OFFSET:-0}
case "$PORT_OFFSET" in *[!0-9]*) echo "MOTCUA_PORT_OFFSET must be a number" >&2; exit 2 ;; esac
PG_PORT=$((5432 + PORT_OFFSET))
KAFKA_PORT=$((9092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((9093 + PORT_OFFSET))
KC_PORT=$((8180 + PORT_OFFSET))
KC_MANAGEMENT_PORT=$((9000 + PORT_OFFSET))
SMTP_PORT=$((3025 + PORT_OFFSET))
MAIL_API_PORT=$((8085 + PORT_OFFSET))
SERVICES=(intake-service:$((8081 + PORT_OFFSET)) routing-service:$((8082 + PORT_OFFSET))
          result-service:$((8083 + PORT_OFFSET)) notification-service:$((8084 + PORT_OFFSET)))

mkdir -p "$DIST" "$DATA" "$LOGS" "$RUN"

if [ -t 1 ]; then BOLD=$'\e[1m'; GREEN=$'\e[32m'; RED=$'\e[31m'; DIM=$'\e[2m'; OFF=$'\e[0m'
else BOLD=; GREEN=; RED=; DIM=; OFF=; fi

T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - T0 ))s"; }
step() { printf '%s▸ %-22s%s %s\n' "$BOLD" "$1" "$OFF" "$2"; }
ok()   { printf '  %s✓ %-20s%s %s %s(%s)%s\n' "$GREEN" "$1" "$OFF" "$2" "$DIM" "$(elapsed)" "$OFF"; }

# fail COMPONENT MESSAGE [LOGFILE]: print the reason and the log's tail, then exit non-zero.
fail() {
    printf '  %s✗ %s%s %s\n' "$RED" "$1" "$OFF" "$2" >&2
    if [ -n "${3:-}" ] && [ -f "$3" ]; then
        echo "  --- last 40 lines of $3 ---" >&2
        tail -n 40 "$3" | sed 's/^/  | /' >&2
    fi
    exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

# wait_for SECONDS COMPONENT LOGFILE COMMAND...: poll COMMAND until it succeeds; fail on timeout
# or when the component's process (if we started it) has died.
wait_for() {
    local timeout=$1 name=$2 log=$3; shift 3
    local deadline=$(( $(date +%s) + timeout ))
    until "$@" >/dev/null 2>&1; do
        if [ -f "$RUN/$name.pid" ] && ! pid_alive "$name"; then
            fail "$name" "exited during start-up" "$log"
        fi
        [ "$(date +%s)" -ge "$deadline" ] && fail "$name" "not ready after ${timeout}s" "$log"
        sleep 1
    done
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }

# stop_pid NAME [SECONDS]: TERM, wait, then KILL the process recorded in $RUN/NAME.pid.
stop_pid() {
    local name=$1 grace=${2:-20} pid
    [ -f "$RUN/$name.pid" ] || return 0
    pid=$(cat "$RUN/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 "$grace"); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$RUN/$name.pid"
}

# stop_pids NAME...: stop several processes at once (TERM to all, then wait), since each service
# takes seconds to leave its Kafka consumer groups and stopping them one by one adds that up.
stop_pids() {
    local name pids=()
    for name in "$@"; do
        if pid_alive "$name"; then pids+=("$(cat "$RUN/$name.pid")"); kill -TERM "${pids[-1]}" 2>/dev/null || true; fi
    done
    for _ in $(seq 1 30); do
        local alive=0 pid
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 1
    done
    for name in "$@"; do stop_pid "$name" 0; done
}

# Fetch with the project's Maven wrapper (Maven Central is the registry these machines reach).
mvn_fetch() {
    "$REPO/mvnw" -B -ntp -q -f "$REPO/deploy/local/fetch/pom.xml" "$@"
}

# A Java 17+ runtime: JAVA_HOME, else the java on PATH.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
