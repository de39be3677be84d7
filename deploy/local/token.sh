#!/usr/bin/env bash
# Prints an access token of a dev realm user (password = user name) from the local Keycloak.
#   deploy/local/token.sh counter1
set -euo pipefail
user=${1:?usage: token.sh USER [PASSWORD]}
curl -fsS "http://localhost:$((8180 + ${MOTCUA_PORT_OFFSET:-0}))/realms/motcua/protocol/openid-connect/token" \
    -d client_id=motcua-cli -d grant_type=password -d "username=$user" -d "password=${2:-$user}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
