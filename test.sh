#!/usr/bin/env bash
# The one test command (README.md): builds every module and runs every test.
# Needs only a JDK 17+; the Maven wrapper fetches Maven, and the tests start their own in-process
# Kafka and embedded PostgreSQL (no Docker, no running stack).
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -B -ntp verify "$@"
