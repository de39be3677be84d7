#!/usr/bin/env bash
# Lints the published contracts with the ecosystem's own tools (issue 25, item 7): each running service's OpenAPI
# document (/q/openapi) with Redocly's CLI, and docs/asyncapi.yaml with the AsyncAPI CLI. Any error fails (exit 1);
# warnings are printed. test.sh runs it against the stack it started. The two tools are installed once from the
# npm registry into $STACK/npm (Node.js and npm from Debian's packages when missing, like chromium for the
# browser tests). Honours MOTCUA_PORT_OFFSET and MOTCUA_STACK_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REDOCLY_VERSION=2.77.0
ASYNCAPI_VERSION=6.2.0

if ! command -v npm >/dev/null 2>&1; then
    echo "installing nodejs and npm (apt-get) for the contract linters"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || fail lint "Node.js $node_major is too old for the linters (Redocly's CLI needs 20.19 or later):
    install Node.js 20 or newer (e.g. NodeSource's nodejs package) and run again"
tools="$STACK/npm"
if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/asyncapi" ] \
        || [ "$(cat "$tools/.versions" 2>/dev/null)" != "$REDOCLY_VERSION $ASYNCAPI_VERSION" ]; then
    echo "installing @redocly/cli $REDOCLY_VERSION and @asyncapi/cli $ASYNCAPI_VERSION into $tools (once)"
    mkdir -p "$tools"
    (cd "$tools" && npm install --no-audit --no-fund --silent "@redocly/cli@$REDOCLY_VERSION" \
        "@asyncapi/cli@$ASYNCAPI_VERSION" >"$LOGS/npm-install.log" 2>&1) || fail lint "npm install failed" "$LOGS/npm-install.log"
    echo "$REDOCLY_VERSION $ASYNCAPI_VERSION" > "$tools/.versions"
fi

failed=0
out="$STACK/contracts"
mkdir -p "$out"
for entry in "${SERVICES[@]}"; do
    name=${entry%%:*} port=${entry##*:}
    curl -fsS "http://localhost:$port/q/openapi?format=json" -o "$out/$name.json" \
        || { echo "$name: no OpenAPI document on port $port (is the stack up?)"; failed=1; continue; }
    if "$tools/node_modules/.bin/redocly" lint "$out/$name.json" --format=summary >"$out/$name.lint" 2>&1; then
        echo "OpenAPI $name: no errors ($(grep -c '^warning' "$out/$name.lint" || true) kinds of warning; $out/$name.lint)"
    else
        echo "OpenAPI $name: errors"; cat "$out/$name.lint"; failed=1
    fi
done
export ASYNCAPI_CLI_ANALYTICS_DISABLED=true DO_NOT_TRACK=1
if "$tools/node_modules/.bin/asyncapi" validate "$REPO/docs/asyncapi.yaml" --fail-severity=error >"$out/asyncapi.lint" 2>&1; then
    echo "AsyncAPI docs/asyncapi.yaml: valid, no errors ($out/asyncapi.lint)"
else
    echo "AsyncAPI docs/asyncapi.yaml: errors"; cat "$out/asyncapi.lint"; failed=1
fi
exit $failed
