#!/usr/bin/env bash
# Starts the whole motcua system on this machine, without Docker:
#   PostgreSQL (5432) · Kafka in KRaft mode (9092) · Keycloak with the motcua realm (8180)
#   · GreenMail SMTP server (3025, read the mail on http://localhost:8085) · S3 object store, s3proxy (8087)
#   · intake (8081) · routing (8082) · result (8083) · notification (8084) · console (8080)
# MOTCUA_PORT_OFFSET=200 shifts every port (a second stack beside the first; give it its own
# MOTCUA_STACK_HOME). MOTCUA_SERVICE_JAVA_OPTS replaces the services' JVM options.
# Infrastructure that already answers is reused; the four services are always restarted from the
# current build. Safe to run twice. deploy/local/down.sh stops what this script started.
#
#   deploy/local/up.sh              build the services (when a source changed), then start everything
#   deploy/local/up.sh --no-build   start the services from the jars already built (test.sh uses it)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

"$JAVA" -version >/dev/null 2>&1 || fail java "no Java runtime found (install a JDK 17+ or set JAVA_HOME)"
"$SERVICE_JAVA" -version >/dev/null 2>&1 || fail java "MOTCUA_SERVICE_JAVA_HOME=$MOTCUA_SERVICE_JAVA_HOME has no bin/java"

# ---------------------------------------------------------------------------------------------
# Every port this stack needs, checked before anything starts. The infrastructure's ports may hold the same
# kind of server (it is reused, see each start_ function); a service's or the console's port only this stack's
# own earlier instance (it is restarted). Anything else stops up.sh here, saying which port and who holds it
# (e.g. at MOTCUA_PORT_OFFSET=300 the console's 8380 is the Keycloak of offset 200).
# ---------------------------------------------------------------------------------------------
check_ports() {
    step ports "offset $PORT_OFFSET"
    local entry name port kind holder holder_pid clashes=()
    local wanted=(postgres:PostgreSQL:$PG_PORT kafka:Kafka:$KAFKA_PORT kafka:Kafka:$KAFKA_CONTROLLER_PORT
        keycloak:Keycloak:$KC_PORT keycloak:Keycloak:$KC_MANAGEMENT_PORT greenmail:GreenMail:$SMTP_PORT
        greenmail:GreenMail:$MAIL_API_PORT s3:s3proxy:$S3_PORT)
    for entry in "${SERVICES[@]}" "console:$CONSOLE_PORT"; do wanted+=("${entry%%:*}::${entry##*:}"); done
    for entry in "${wanted[@]}"; do
        IFS=: read -r name kind port <<<"$entry"
        port_open "$port" || continue
        holder=$(port_holder "$port")
        if [ -z "$holder" ]; then
            # Cannot see who listens: the infrastructure's own checks decide; a service's port must be free.
            [ -n "$kind" ] || clashes+=("port $port ($name) is taken by a process up.sh cannot see")
            continue
        fi
        holder_pid=${holder#pid }; holder_pid=${holder_pid%%:*}
        started_here "$name" "$holder_pid" && continue
        [ -n "$kind" ] && [[ "$holder" == *": $kind"* ]] && continue
        clashes+=("port $port ($name) is taken by $holder")
    done
    if [ "${#clashes[@]}" -gt 0 ]; then
        printf '  %s\n' "${clashes[@]}" >&2
        fail ports "stop what holds these ports, or choose another MOTCUA_PORT_OFFSET"
    fi
    ok ports "all ${#wanted[@]} free or this stack's own"
}

# ---------------------------------------------------------------------------------------------
# Keycloak 26 from the Maven Central distribution, realm imported from deploy/keycloak/.
# --import-realm skips an existing realm, so a changed realm file gets a fresh data folder.
# ---------------------------------------------------------------------------------------------
REALM_FILE="$REPO/deploy/keycloak/motcua-realm.json"

start_keycloak() {
    step keycloak "$KC_URL (realm motcua)"
    local home="$DIST/keycloak-$KEYCLOAK_VERSION"
    local want; want=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
    local have; have=$(cat "$home/data/.realm-sha256" 2>/dev/null || true)
    if port_open "$KC_PORT"; then
        if pid_alive keycloak && [ "$want" != "$have" ]; then
            echo "  realm file changed: restarting Keycloak with a fresh data folder"
            stop_pid keycloak 30
        elif pid_alive keycloak; then
            ok keycloak "running (started earlier by up.sh), realm unchanged"; return
        else
            http_ok "$KC_URL/realms/motcua/.well-known/openid-configuration" \
                || fail keycloak "something answers on $KC_PORT without the motcua realm; stop it"
            ok keycloak "reusing the Keycloak already on $KC_PORT (realm changes need it restarted by hand)"; return
        fi
    fi
    if [ ! -x "$home/bin/kc.sh" ]; then
        mvn_fetch dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
            "-DoutputDirectory=$DIST" >>"$LOGS/keycloak.log" 2>&1 \
            || fail keycloak "could not fetch the Keycloak distribution" "$LOGS/keycloak.log"
        unzip -q -o "$DIST/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$DIST" \
            || fail keycloak "could not unpack the Keycloak distribution"
        rm -f "$DIST/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    fi
    if [ "$want" != "$have" ]; then
        rm -rf "$home/data/h2" "$home/data/import" "$home/data/.realm-sha256"
    fi
    mkdir -p "$home/data/import"; cp "$REALM_FILE" "$home/data/import/motcua-realm.json"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        nohup "$home/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-management-port="$KC_MANAGEMENT_PORT" --import-realm \
        >>"$LOGS/keycloak.log" 2>&1 &
    echo $! > "$RUN/keycloak.pid"
    wait_for 240 keycloak "$LOGS/keycloak.log" http_ok "$KC_URL/realms/motcua/.well-known/openid-configuration"
    echo "$want" > "$home/data/.realm-sha256"
    ok keycloak "started (admin console $KC_URL/admin, admin/admin)"
}

# ---------------------------------------------------------------------------------------------
# GreenMail standalone from Maven Central: a real SMTP server (3025) that keeps every message, with a
# REST API (8085) to read them: GET /api/user/{address}/messages/INBOX. notification-service sends to it.
# ---------------------------------------------------------------------------------------------
start_greenmail() {
    step greenmail "smtp://localhost:$SMTP_PORT, mail on http://localhost:$MAIL_API_PORT"
    local jar="$DIST/greenmail-standalone-$GREENMAIL_VERSION.jar"
    if port_open "$SMTP_PORT"; then
        if pid_alive greenmail; then ok greenmail "running (started earlier by up.sh)"; return; fi
        ok greenmail "reusing the SMTP server already on $SMTP_PORT"; return
    fi
    if [ ! -f "$jar" ]; then
        mvn_fetch dependency:copy "-Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
            "-DoutputDirectory=$DIST" >>"$LOGS/greenmail.log" 2>&1 \
            || fail greenmail "could not fetch GreenMail from Maven Central" "$LOGS/greenmail.log"
    fi
    # auth disabled: any address receives mail, no user needs creating first. GreenMail keeps every mail in its
    # heap until purged: 128 MB filled after ~40,000 mails of a few benchmark runs and the sink then spent its time
    # in full GCs (2,914 of them, 428 s in 9 min), slower than the system it measures; 1 GB holds ~200,000.
    nohup "$JAVA" -Xms64m -Xmx1g -XX:+UseSerialGC \
        -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$SMTP_PORT" -Dgreenmail.auth.disabled \
        -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$MAIL_API_PORT" \
        -jar "$jar" >>"$LOGS/greenmail.log" 2>&1 &
    echo $! > "$RUN/greenmail.pid"
    wait_for 60 greenmail "$LOGS/greenmail.log" http_ok "http://localhost:$MAIL_API_PORT/api/service/readiness"
    ok greenmail "started"
}

# ---------------------------------------------------------------------------------------------
# The four services, always from the current build.
# ---------------------------------------------------------------------------------------------
# The services whose jar is missing or older than a source it is built from (all of them when the
# shared modules or the root pom changed), so a warm start rebuilds only what changed.
stale_services() {
    local entry name jar
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}; jar="$REPO/$name/target/quarkus-app/quarkus-run.jar"
        if [ ! -f "$jar" ] || find "$REPO/pom.xml" "$REPO/shared-model" "$REPO/platform" "$REPO/$name" \
                -name target -prune -o -type f -newer "$jar" -print -quit | grep -q .; then
            echo "$name"
        fi
    done
}

stale_console() {
    local jar="$REPO/console/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || find "$REPO/pom.xml" "$REPO/shared-model" "$REPO/console" \
            -name target -prune -o -type f -newer "$jar" -print -quit | grep -q .; then
        echo console
    fi
}

build_services() {
    [ "$BUILD" = 1 ] || return 0
    step build "services from the working tree"
    local stale; stale=$( { stale_services; stale_console; } | paste -sd, -)
    if [ -z "$stale" ]; then ok build "up to date (no source newer than the jars)"; return; fi
    "$REPO/mvnw" -B -ntp -f "$REPO/pom.xml" package -DskipTests -pl "$stale" -am \
        >"$LOGS/build.log" 2>&1 || fail build "mvnw package failed" "$LOGS/build.log"
    ok build "rebuilt $stale (log: $LOGS/build.log)"
}

start_services() {
    local entry name port jar
    stop_pids "${SERVICES[@]%%:*}" console
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}; port=${entry##*:}
        port_open "$port" && fail "$name" "port $port is taken by a process up.sh did not start; stop it"
    done
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}; port=${entry##*:}
        step "$name" "http://localhost:$port"
        : > "$LOGS/$name.log"
        launch_service "$name" "$port"
    done
    for entry in "${SERVICES[@]}"; do
        name=${entry%%:*}; port=${entry##*:}
        wait_for 120 "$name" "$LOGS/$name.log" http_ok "http://localhost:$port/q/health/ready"
        ok "$name" "ready"
    done
    port_open "$CONSOLE_PORT" && fail console "port $CONSOLE_PORT is taken by a process up.sh did not start; stop it"
    step console "http://localhost:$CONSOLE_PORT"
    : > "$LOGS/console.log"
    launch_console
    wait_for 120 console "$LOGS/console.log" http_ok "http://localhost:$CONSOLE_PORT/q/health/ready"
    ok console "ready"
}

check_ports
start_postgres
start_kafka
start_keycloak
start_greenmail
start_s3
make_signing_certificate
build_services
start_services

cat <<EOF

${BOLD}motcua is up${OFF} in $(elapsed). Logs: $LOGS  ·  stop: deploy/local/down.sh

  console       http://localhost:$CONSOLE_PORT/ (officers: sign in as a demo user) · citizens: http://localhost:$CONSOLE_PORT/tra-cuu
  intake        http://localhost:$((8081 + PORT_OFFSET))/q/swagger-ui
  routing       http://localhost:$((8082 + PORT_OFFSET))/q/swagger-ui
  result        http://localhost:$((8083 + PORT_OFFSET))/q/swagger-ui
  notification  http://localhost:$((8084 + PORT_OFFSET))/q/swagger-ui
  Keycloak      $KC_URL/admin (admin/admin), realm motcua
  Kafka         localhost:$KAFKA_PORT      PostgreSQL  localhost:$PG_PORT motcua/motcua
  S3 (files)    $S3_URL bucket $S3_BUCKET, keys $S3_ACCESS_KEY/$S3_SECRET_KEY, objects under $DATA/s3
  Signing       development certificate $SIGNING_DIR/unit.p12 (password $SIGNING_PASSWORD), trust anchor $SIGNING_DIR/ca.pem
  Mail (SMTP)   localhost:$SMTP_PORT      read: curl -s http://localhost:$MAIL_API_PORT/api/user/an.nguyen@example.vn/messages/INBOX

Demo users (password = user name): counter1 (counter-officer, unit 000.00.31.H29),
  tuphap1, tuphap2 (justice TUPHAP-BADINH), congan1 (police CONGAN-BADINH), bhxh1 (BHXH-KV1),
  tuphap-lead1, congan-lead1 (heads of justice and police: agency-lead),
  supervisor1, admin1, citizen1 (citizen_id 001090012345)

Walk-through (copy-paste):
  token() { deploy/local/token.sh "\$1"; }
  curl -s -X POST http://localhost:$((8081 + PORT_OFFSET))/api/dossiers -H "Authorization: Bearer \$(token counter1)" \\
       -H 'Content-Type: application/json' -d @deploy/local/demo/newborn-dossier.json | tee /tmp/dossier.json
  CODE=\$(jq -r .code /tmp/dossier.json); PIN=\$(jq -r .lookupPin /tmp/dossier.json)
  curl -s "http://localhost:$((8082 + PORT_OFFSET))/api/tasks?dossier=\$CODE" -H "Authorization: Bearer \$(token tuphap1)"
  curl -s "http://localhost:$((8082 + PORT_OFFSET))/api/tasks?dossier=\$CODE" -H "Authorization: Bearer \$(token congan1)"   # empty: another agency
  curl -s "http://localhost:$((8083 + PORT_OFFSET))/api/public/dossiers/\$CODE?pin=\$PIN"
  curl -s "http://localhost:$((8084 + PORT_OFFSET))/api/notifications?dossier=\$CODE" -H "Authorization: Bearer \$(token supervisor1)"
EOF
