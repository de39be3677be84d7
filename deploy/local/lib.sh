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
S3PROXY_VERSION=2.9.0
# MOTCUA_PORT_OFFSET (default 0, a multiple of 100) shifts every port, so a second stack can run beside
# the first one: give it its own MOTCUA_STACK_HOME too (e.g. MOTCUA_PORT_OFFSET=200 MOTCUA_STACK_HOME=/tmp/s2; not 100, whose console port is the first stack's Keycloak;
# up.sh's check_ports refuses such a clash before it starts anything).
PORT_OFFSET=${MOTCUA_PORT_OFFSET:-0}
case "$PORT_OFFSET" in *[!0-9]*) echo "MOTCUA_PORT_OFFSET must be a number" >&2; exit 2 ;; esac
PG_PORT=$((5432 + PORT_OFFSET))
KAFKA_PORT=$((9092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((9093 + PORT_OFFSET))
KC_PORT=$((8180 + PORT_OFFSET))
KC_MANAGEMENT_PORT=$((9000 + PORT_OFFSET))
SMTP_PORT=$((3025 + PORT_OFFSET))
MAIL_API_PORT=$((8085 + PORT_OFFSET))
# The S3 object store of the dossiers' files (s3proxy, filesystem backend); 8086 is left to an SMS gateway.
S3_PORT=$((8087 + PORT_OFFSET))
S3_URL=http://127.0.0.1:$S3_PORT
S3_BUCKET=motcua-files
# Development keys of the local object store only (a deployment sets MOTCUA_FILES_S3_ACCESS_KEY / MOTCUA_FILES_S3_SECRET_KEY).
S3_ACCESS_KEY=motcua
S3_SECRET_KEY=dev-only-s3-secret-key
# The unit's development signing certificate (PAdES, issue 21): made once by make_signing_certificate.
SIGNING_DIR="$DATA/signing"
SIGNING_PASSWORD=dev-only-signing-password
KC_URL=http://localhost:$KC_PORT
SERVICES=(intake-service:$((8081 + PORT_OFFSET)) routing-service:$((8082 + PORT_OFFSET))
          result-service:$((8083 + PORT_OFFSET)) notification-service:$((8084 + PORT_OFFSET)))
# The web console (officers' pages and the citizens' /tra-cuu): not one of the four services (no schema, no
# Kafka), started after them. Note that console + offset N shares its port with Keycloak + offset N-100.
CONSOLE_PORT=$((8080 + PORT_OFFSET))
# The services and the console listen on loopback only, like the infrastructure (docs/SECURITY.md): on a
# developer's machine nothing of the stack is reachable from the network. MOTCUA_BIND_HOST=0.0.0.0 opens them.
BIND_HOST=${MOTCUA_BIND_HOST:-127.0.0.1}

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

# port_holder PORT: "pid N: what" for the process listening on PORT (what: a motcua component or the command),
# empty when nothing listens or the holder cannot be seen (another user's process without root).
port_holder() {
    local pid cmd what
    pid=$(ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2) || true
    [ -n "$pid" ] || return 0
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || cmd=""
    case "$cmd" in
        */console/target/quarkus-app/*) what="a motcua console" ;;
        *-service/target/quarkus-app/*)
            what=$(grep -o '[a-z]*-service/target/quarkus-app' <<<"$cmd" | head -1); what="a motcua ${what%%/*}" ;;
        *kc.script*|*keycloak*) what="Keycloak" ;;
        *kafka.Kafka*) what="Kafka" ;;
        *greenmail*) what="GreenMail" ;;
        *s3proxy*) what="s3proxy" ;;
        *postgres*) what="PostgreSQL" ;;
        *) what=$(cut -c1-80 <<<"$cmd") ;;
    esac
    local home; home=$(grep -o '/[^ ]*/dist/' <<<"$cmd" | head -1) || true
    echo "pid $pid: ${what:-unknown}${home:+ of the stack in ${home%/dist/}}"
}

# started_here NAME PID: PID is the process recorded in $RUN/NAME.pid, or a child of it (kc.sh starts Keycloak's JVM).
started_here() {
    pid_alive "$1" || return 1
    local mine; mine=$(cat "$RUN/$1.pid")
    [ "$2" = "$mine" ] || [ "$(ps -o ppid= -p "$2" 2>/dev/null | tr -d ' ')" = "$mine" ]
}

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
# The four services and the console may run on another JDK than the infrastructure (MOTCUA_SERVICE_JAVA_HOME, e.g.
# /usr/lib/jvm/temurin-25-jdk-amd64): on these machines the same build spent 8–12 % less CPU per dossier in the
# services on Temurin 25 than on Debian's 17 (docs/BENCHMARKS.md). The default stays the JAVA above.
SERVICE_JAVA="${MOTCUA_SERVICE_JAVA_HOME:+$MOTCUA_SERVICE_JAVA_HOME/bin/java}"
SERVICE_JAVA="${SERVICE_JAVA:-$JAVA}"

# ---------------------------------------------------------------------------------------------
# PostgreSQL: reuse a server on 5432; else run a private cluster with the installed binaries;
# else with the PostgreSQL binaries published on Maven Central (zonky). Never needs a manual step.
# ---------------------------------------------------------------------------------------------
pg_as() { # run a PostgreSQL binary as the cluster's owner (initdb and postgres refuse root)
    if [ "$(id -u)" = 0 ]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}

ensure_motcua_db_on_foreign_server() {
    if PGPASSWORD=motcua psql -h localhost -p "$PG_PORT" -U motcua -d motcua -Atqc 'select 1' >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && command -v psql >/dev/null; then
        runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q <<'SQL' >>"$LOGS/postgres.log" 2>&1 || true
SELECT 'CREATE ROLE motcua LOGIN PASSWORD ''motcua'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua') \gexec
SELECT 'CREATE DATABASE motcua OWNER motcua'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'motcua') \gexec
SQL
        PGPASSWORD=motcua psql -h localhost -p "$PG_PORT" -U motcua -d motcua -Atqc 'select 1' >/dev/null 2>&1 && return 0
    fi
    fail postgres "a server answers on $PG_PORT but user/database motcua/motcua is missing and could not be created; create them, or stop that server" "$LOGS/postgres.log"
}

find_pg_bin() {
    local dir
    # MOTCUA_PG=embedded skips the installed binaries (how the Maven Central fallback is tested).
    [ "${MOTCUA_PG:-}" = embedded ] ||
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
    done
    # No installed server: the PostgreSQL build that zonky publishes on Maven Central.
    local arch home="$DIST/postgresql-$PG_EMBEDDED_VERSION"
    case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64v8 ;; *) arch="$(uname -m)" ;; esac
    if [ ! -x "$home/bin/pg_ctl" ]; then
        local tmp="$DIST/tmp-pg"; rm -rf "$tmp"; mkdir -p "$tmp" "$home"
        mvn_fetch dependency:copy \
            "-Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$PG_EMBEDDED_VERSION" \
            "-DoutputDirectory=$tmp" >>"$LOGS/postgres.log" 2>&1 || return 1
        unzip -p "$tmp"/*.jar '*.txz' | tar -xJ -C "$home" || return 1
        rm -rf "$tmp"
    fi
    echo "$home/bin"
}

start_postgres() {
    step postgres "localhost:$PG_PORT"
    if port_open "$PG_PORT"; then
        if pid_alive postgres; then ok postgres "running (started earlier by up.sh)"; return; fi
        ensure_motcua_db_on_foreign_server
        ok postgres "reusing the server already on $PG_PORT"
        return
    fi
    local bin; bin=$(find_pg_bin) || fail postgres "no PostgreSQL binaries and the download failed" "$LOGS/postgres.log"
    local major; major=$("$bin/pg_ctl" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
    local pgdata="$DATA/postgres-$major"
    PG_OWNER=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        if id postgres >/dev/null 2>&1; then PG_OWNER=postgres; else PG_OWNER=nobody; fi
        chmod o+rx "$DIST" "$DATA" 2>/dev/null || true
    fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        rm -rf "$pgdata"; mkdir -p "$pgdata"; chmod 700 "$pgdata"
        [ "$(id -u)" = 0 ] && chown "$PG_OWNER" "$pgdata"
        local pwfile="$pgdata.pw"; echo motcua > "$pwfile"
        [ "$(id -u)" = 0 ] && chown "$PG_OWNER" "$pwfile"
        pg_as "$bin/initdb" -D "$pgdata" -U motcua --pwfile="$pwfile" -E UTF8 --no-locale \
            --auth-local=trust --auth-host=scram-sha-256 >>"$LOGS/postgres.log" 2>&1 \
            || { rm -f "$pwfile"; fail postgres "initdb failed" "$LOGS/postgres.log"; }
        rm -f "$pwfile"
        echo "CREATE DATABASE motcua OWNER motcua" \
            | pg_as "$bin/postgres" --single -D "$pgdata" postgres >>"$LOGS/postgres.log" 2>&1 \
            || fail postgres "could not create database motcua" "$LOGS/postgres.log"
    fi
    touch "$LOGS/postgres.log"; [ "$(id -u)" = 0 ] && chown "$PG_OWNER" "$LOGS/postgres.log"
    # pg_stat_statements when the server has it (Debian's postgresql package does): the benchmarks count SQL
    # statements per dossier with it (docs/BENCHMARKS.md); it costs nothing measurable otherwise.
    local preload=""
    [ -f "$bin/../lib/pg_stat_statements.so" ] && preload="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
    pg_as "$bin/pg_ctl" -D "$pgdata" -l "$LOGS/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k /tmp -c listen_addresses=localhost -c max_connections=200 -c shared_buffers=256MB $preload" \
        start >/dev/null || fail postgres "pg_ctl start failed" "$LOGS/postgres.log"
    head -1 "$pgdata/postmaster.pid" > "$RUN/postgres.pid"
    printf 'PG_BIN=%q\nPG_DATA=%q\nPG_OWNER=%q\n' "$bin" "$pgdata" "$PG_OWNER" > "$RUN/postgres.env"
    ok postgres "private cluster $pgdata (PostgreSQL $major)"
}

# stop_postgres [MODE]: stop the private cluster up.sh started (pg_ctl -m MODE, default fast); a server
# up.sh reused is left alone.
stop_postgres() {
    [ -f "$RUN/postgres.env" ] || return 0
    local mode=${1:-fast}
    source "$RUN/postgres.env"
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_OWNER" -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "$mode" -w stop >/dev/null 2>&1 || true
    else
        "$PG_BIN/pg_ctl" -D "$PG_DATA" -m "$mode" -w stop >/dev/null 2>&1 || true
    fi
    stop_pid postgres 10
    rm -f "$RUN/postgres.env"
}

# ---------------------------------------------------------------------------------------------
# Kafka: a real single-node KRaft broker from the Maven Central jars.
# ---------------------------------------------------------------------------------------------
TOPICS=(motcua.intake.events:16 motcua.routing.events:16 motcua.result.events:16
        motcua.notification.events:16 motcua.catalog.events:4 motcua.agency.events:4)

start_kafka() {
    step kafka "localhost:$KAFKA_PORT"
    local home="$DIST/kafka-$KAFKA_VERSION" started
    if ! port_open "$KAFKA_PORT"; then
        if [ ! -f "$home/.complete" ]; then
            rm -rf "$home"
            mvn_fetch -Pkafka dependency:copy-dependencies -DincludeScope=runtime \
                "-Dkafka.version=$KAFKA_VERSION" "-DoutputDirectory=$home/lib" >>"$LOGS/kafka.log" 2>&1 \
                || fail kafka "could not fetch the Kafka jars from Maven Central" "$LOGS/kafka.log"
            touch "$home/.complete"
        fi
        local data="$DATA/kafka"; mkdir -p "$data"
        sed -e "s/localhost:9092/localhost:$KAFKA_PORT/g" -e "s/localhost:9093/localhost:$KAFKA_CONTROLLER_PORT/g" \
            "$REPO/deploy/local/kafka/server.properties" > "$data/server.properties"
        echo "log.dirs=$data/logs" >> "$data/server.properties"
        if [ ! -f "$data/logs/meta.properties" ]; then
            local id; id=$("$JAVA" -cp "$home/lib/*" kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka.log")
            "$JAVA" -cp "$home/lib/*" kafka.tools.StorageTool format -t "$id" -c "$data/server.properties" \
                >>"$LOGS/kafka.log" 2>&1 || fail kafka "formatting the KRaft storage failed" "$LOGS/kafka.log"
        fi
        nohup "$JAVA" -Xms128m -Xmx512m -XX:+UseG1GC \
            "-Dlog4j2.configurationFile=$REPO/deploy/local/kafka/log4j2.yaml" \
            -cp "$home/lib/*" kafka.Kafka "$data/server.properties" >>"$LOGS/kafka.log" 2>&1 &
        echo $! > "$RUN/kafka.pid"
        wait_for 90 kafka "$LOGS/kafka.log" port_open "$KAFKA_PORT"
        started="started"
    else
        [ -f "$home/.complete" ] || fail kafka "something answers on $KAFKA_PORT but it is not a broker up.sh can manage (stop it, or let up.sh fetch Kafka first)"
        pid_alive kafka && started="running (started earlier by up.sh)" || started="reusing the broker already on $KAFKA_PORT"
    fi
    # CreateTopics is compiled once (with javac when the JDK has it): launching the source file compiles it on
    # every start, most of a Kafka restart's time on a busy machine (the fault tests restart Kafka).
    local tool=(-cp "$home/lib/*" "$REPO/deploy/local/kafka/CreateTopics.java") classes="$DIST/tools"
    local javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
    if [ ! -f "$classes/CreateTopics.class" ] || [ "$REPO/deploy/local/kafka/CreateTopics.java" -nt "$classes/CreateTopics.class" ]; then
        command -v "$javac" >/dev/null 2>&1 && mkdir -p "$classes" && "$javac" -nowarn -cp "$home/lib/*" -d "$classes" \
            "$REPO/deploy/local/kafka/CreateTopics.java" >>"$LOGS/kafka.log" 2>&1 || rm -f "$classes/CreateTopics.class"
    fi
    [ -f "$classes/CreateTopics.class" ] && tool=(-cp "$classes:$home/lib/*" CreateTopics)
    local out
    out=$("$JAVA" "${tool[@]}" "localhost:$KAFKA_PORT" "${TOPICS[@]}" 2>>"$LOGS/kafka.log") \
        || fail kafka "creating topics failed" "$LOGS/kafka.log"
    ok kafka "$started; $out"
}

# ---------------------------------------------------------------------------------------------
# One service from its jar (up.sh starts all four; ctl.sh restarts one with the same options).
# ---------------------------------------------------------------------------------------------
# launch_service NAME PORT [ID]: start the service in the background and record its pid (appends to its log);
# ID (default NAME) names the log and pid files, so scale.sh can run a second instance (NAME-2).
launch_service() {
    local name=$1 port=$2 id=${3:-$1} jar="$REPO/$1/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || fail "$name" "$jar is missing: build first (run without --no-build)"
    # Small heaps and the C1 compiler only start fast and fit a laptop; for load runs use e.g.
    # MOTCUA_SERVICE_JAVA_OPTS="-Xms256m -Xmx512m -XX:+UseParallelGC" (full JIT, the benchmarks' setting).
    local opts=${MOTCUA_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
    # MOTCUA_TEST_HOOKS=1 (test.sh sets it; never in production): routing's and intake's clocks can be shifted by an admin
    # (PUT /api/admin/clock) and its deadline sweep runs every 2 s, so system tests reach warnings and overdue.
    local extra=()
    # Form 01's QR code opens this stack's console (its port moves with the offset).
    [ "$name" = intake-service ] && extra+=("-Dmotcua.intake.receipt.lookup-url=http://localhost:$((8080 + PORT_OFFSET))/tra-cuu")
    # intake keeps the dossiers' files in this stack's s3proxy (the other services refuse settings they do not read)
    [ "$name" = intake-service ] && extra+=("-Dmotcua.files.s3.endpoint=$S3_URL" "-Dmotcua.files.s3.bucket=$S3_BUCKET"
        "-Dmotcua.files.s3.access-key=$S3_ACCESS_KEY" "-Dmotcua.files.s3.secret-key=$S3_SECRET_KEY")
    # (intake's motcua.signing.* is passed here once a bean reads SigningConfig: until then Quarkus does not register
    # the mapping, and an unknown motcua.* property stops the service at start-up.)
    # The console looks dossiers up for every citizen from this machine and names each citizen's address in
    # X-Forwarded-For: result believes that header from the console's address only (a client elsewhere cannot
    # pick its own bucket). Other loopback addresses (127.x.y.z) stay untrusted: system tests use them as clients.
    [ "$name" = result-service ] && extra+=("-Dmotcua.result.lookup.trusted-proxies=127.0.0.1,::1")
    if [ "${MOTCUA_TEST_HOOKS:-0}" = 1 ] && [ "$name" = routing-service ]; then
        extra+=(-Dmotcua.routing.clock.adjustable=true -Dmotcua.routing.deadlines.sweep-every=2s)
    fi
    # ...and intake's clock too (a reception at 15:30 or on a Saturday whatever the hour); both services refuse the
    # hook unless MOTCUA_TEST_HOOKS=1 is in their environment, as it is here.
    if [ "${MOTCUA_TEST_HOOKS:-0}" = 1 ] && [ "$name" = intake-service ]; then
        extra+=(-Dmotcua.intake.clock.adjustable=true)
    fi
    # The system tests' webhook receiver listens on loopback, an internal target refused otherwise (docs/SECURITY.md).
    if [ "${MOTCUA_TEST_HOOKS:-0}" = 1 ] && [ "$name" = notification-service ]; then
        extra+=(-Dmotcua.notification.webhook.internal-hosts=127.0.0.1)
    fi
    # The services refuse the development PIN and citizen-link keys unless told this is a developer's machine.
    # shellcheck disable=SC2086  # MOTCUA_SERVICE_JAVA_OPTS is a list of options
    MOTCUA_ALLOW_DEV_KEYS="${MOTCUA_ALLOW_DEV_KEYS:-true}" nohup "$SERVICE_JAVA" $opts ${extra[@]+"${extra[@]}"} \
        -Dquarkus.http.host="$BIND_HOST" -Dquarkus.http.port="$port" \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PG_PORT/motcua" \
        -Dkafka.bootstrap.servers="localhost:$KAFKA_PORT" \
        -Dquarkus.oidc.auth-server-url="$KC_URL/realms/motcua" \
        -DMOTCUA_SMTP_PORT="$SMTP_PORT" \
        -Dquarkus.oidc.credentials.secret="$name-dev-secret" \
        -jar "$jar" >>"$LOGS/$id.log" 2>&1 &
    echo $! > "$RUN/$id.pid"
}

# launch_console [PORT [ID]]: the web console from its jar, pointed at this stack's Keycloak and services (appends to
# its log); PORT defaults to CONSOLE_PORT, ID (default console) names the log and pid files, so scale.sh can run a
# second instance (console-2). The instances share nothing but the client secret, which seals their cookies.
launch_console() {
    local port=${1:-$CONSOLE_PORT} id=${2:-console} jar="$REPO/console/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || fail console "$jar is missing: build first (run without --no-build)"
    # shellcheck disable=SC2086  # MOTCUA_SERVICE_JAVA_OPTS is a list of options
    nohup "$SERVICE_JAVA" ${MOTCUA_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
        -Dquarkus.http.host="$BIND_HOST" -Dquarkus.http.port="$port" \
        -Dquarkus.oidc.auth-server-url="$KC_URL/realms/motcua" \
        -Dquarkus.rest-client.intake.url="http://localhost:$(service_port intake-service)" \
        -Dquarkus.rest-client.routing.url="http://localhost:$(service_port routing-service)" \
        -Dquarkus.rest-client.result.url="http://localhost:$(service_port result-service)" \
        -Dquarkus.rest-client.notification.url="http://localhost:$(service_port notification-service)" \
        -Dmotcua.console.public-url="http://localhost:$CONSOLE_PORT" \
        -jar "$jar" >>"$LOGS/$id.log" 2>&1 &
    echo $! > "$RUN/$id.pid"
}

# service_port NAME: the port of a service of $SERVICES (after the offset).
service_port() {
    local entry
    for entry in "${SERVICES[@]}"; do [ "${entry%%:*}" = "$1" ] && { echo "${entry##*:}"; return 0; }; done
    return 1
}


# ---------------------------------------------------------------------------------------------
# S3: s3proxy from Maven Central with its filesystem backend (objects are plain files under
# $DATA/s3), a real S3 API server for the dossiers' files. intake creates its bucket on first use.
# ---------------------------------------------------------------------------------------------
start_s3() {
    step s3 "$S3_URL (bucket $S3_BUCKET)"
    local jar="$DIST/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
    if port_open "$S3_PORT"; then
        if pid_alive s3; then ok s3 "running (started earlier by up.sh)"; return; fi
        ok s3 "reusing the S3 server already on $S3_PORT (it must accept the keys in lib.sh)"; return
    fi
    if [ ! -f "$jar" ]; then
        mvn_fetch dependency:copy "-Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
            "-DoutputDirectory=$DIST" >>"$LOGS/s3.log" 2>&1 \
            || fail s3 "could not fetch s3proxy from Maven Central" "$LOGS/s3.log"
    fi
    mkdir -p "$DATA/s3"
    cat > "$DATA/s3.properties" <<PROPS
s3proxy.endpoint=$S3_URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/s3
PROPS
    nohup "$JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -jar "$jar" --properties "$DATA/s3.properties" \
        >>"$LOGS/s3.log" 2>&1 &
    echo $! > "$RUN/s3.pid"
    wait_for 60 s3 "$LOGS/s3.log" port_open "$S3_PORT"
    ok s3 "started (objects under $DATA/s3)"
}

# ---------------------------------------------------------------------------------------------
# The unit's signing certificate for PAdES signatures of digitised copies and results (issue 21):
# development only, made once per stack home with the JDK's keytool — a self-signed CA ($SIGNING_DIR/ca.pem,
# the verifiers' trust anchor) and the unit's key and certificate it issued ($SIGNING_DIR/unit.p12, key
# entry "unit", chain unit → CA). A deployment mounts its real certificate instead (compose/k8s: a secret).
# ---------------------------------------------------------------------------------------------
make_signing_certificate() {
    step signing "development certificate under $SIGNING_DIR"
    if [ -f "$SIGNING_DIR/unit.p12" ] && [ -f "$SIGNING_DIR/ca.pem" ]; then ok signing "exists"; return; fi
    local keytool="${JAVA_HOME:+$JAVA_HOME/bin/}keytool" tmp="$SIGNING_DIR.tmp" pw="$SIGNING_PASSWORD"
    rm -rf "$tmp"; mkdir -p "$tmp"
    {
        "$keytool" -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 3650 -ext bc:c \
            -dname "CN=motcua development CA, O=motcua (dev), C=VN" -keystore "$tmp/ca.p12" -storepass "$pw" &&
        "$keytool" -exportcert -rfc -alias ca -keystore "$tmp/ca.p12" -storepass "$pw" -file "$tmp/ca.pem" &&
        "$keytool" -genkeypair -alias unit -keyalg RSA -keysize 2048 -validity 3650 \
            -dname "CN=Trung tâm Phục vụ hành chính công (phát triển), O=motcua (dev), C=VN" \
            -keystore "$tmp/unit.p12" -storepass "$pw" &&
        "$keytool" -certreq -alias unit -keystore "$tmp/unit.p12" -storepass "$pw" -file "$tmp/unit.csr" &&
        "$keytool" -gencert -rfc -alias ca -keystore "$tmp/ca.p12" -storepass "$pw" -validity 3650 \
            -ext ku:c=digitalSignature,nonRepudiation -infile "$tmp/unit.csr" -outfile "$tmp/unit.pem" &&
        "$keytool" -importcert -noprompt -alias ca -file "$tmp/ca.pem" -keystore "$tmp/unit.p12" -storepass "$pw" &&
        "$keytool" -importcert -noprompt -alias unit -file "$tmp/unit.pem" -keystore "$tmp/unit.p12" -storepass "$pw"
    } >>"$LOGS/signing.log" 2>&1 || fail signing "keytool could not make the development certificate" "$LOGS/signing.log"
    rm -f "$tmp/ca.p12" "$tmp/unit.csr" "$tmp/unit.pem"   # the CA's key is not kept: nothing else is ever issued
    rm -rf "$SIGNING_DIR"; mv "$tmp" "$SIGNING_DIR"
    ok signing "made (unit.p12, ca.pem)"
}
