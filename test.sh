#!/usr/bin/env bash
# The one test command (README.md; .ci/run calls exactly this):
#   1. builds every module and runs the unit and service tests (in-process Kafka, embedded
#      PostgreSQL, OIDC test server), which also packages the four services;
#   2. starts the real stack from that build (deploy/local/up.sh --no-build: PostgreSQL, Kafka,
#      Keycloak and the services just packaged);
#   3. lints the published contracts (deploy/local/lint-contracts.sh), then runs the system tests (module
#      system-tests) against the stack with real Keycloak tokens;
#   4. stops what it started (deploy/local/down.sh), also when something failed.
# Extra arguments go to step 1 (e.g. ./test.sh -pl intake-service -am).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the system tests use, installed with apt-get only when one of their commands is missing (as root,
# or through sudo): "need 'command...' 'package...' why".
need() {
    local cmd
    for cmd in $1; do
        if ! command -v "$cmd" >/dev/null 2>&1; then
            echo "installing $2 (apt-get) $3"
            SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
            $SUDO apt-get update -qq
            # shellcheck disable=SC2086 # the package list is meant to split
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $2 >/dev/null
            return
        fi
    done
}
# The console's system tests drive a real browser: Debian's chromium and chromedriver (README, prerequisites).
need "chromium chromedriver" "chromium chromium-driver" "for the console's browser tests"
# LawJourneyIT reads Form 01 back as a citizen holds it: its text with poppler's pdftotext, its QR code rendered by
# pdftoppm and read by zbar's zbarimg.
need "pdftotext pdftoppm zbarimg" "poppler-utils zbar-tools" "for the receipt's system test"

./mvnw -B -ntp verify "$@"

trap 'deploy/local/down.sh' EXIT
# MOTCUA_TEST_HOOKS=1: routing's clock test hook (routing-service/README.md), for the deadline journeys;
# exported, so that a service the fault tests restart (deploy/local/ctl.sh) comes back with it too.
export MOTCUA_TEST_HOOKS=1
deploy/local/up.sh --no-build
# The published contracts pass the ecosystem's own linters: Redocly on each live OpenAPI document, the AsyncAPI CLI
# on docs/asyncapi.yaml (zero errors; README, "Contracts").
deploy/local/lint-contracts.sh
# -Dtest=none: the modules system-tests depends on were just tested in step 1.
./mvnw -B -ntp -pl system-tests -am -Psystem-tests -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false verify
