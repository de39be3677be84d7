#!/usr/bin/env bash
# What the audit trail costs reception (issue 23, docs/AUDIT.md): ReceptionBenchmark against the running stack
# with the audit on and off in turn (on, off, on, off), the four services restarted with MOTCUA_AUDIT_ENABLED each
# time, so both settings see the same machine in the same minutes. Leaves the stack with the audit on.
#   MOTCUA_PORT_OFFSET=200 MOTCUA_STACK_HOME=/tmp/stack200 system-tests/bench/audit-cost.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-30} clients=${2:-64}
offset=${MOTCUA_PORT_OFFSET:-0}
services=(intake-service routing-service result-service notification-service)
restart() {
    for s in "${services[@]}"; do MOTCUA_AUDIT_ENABLED=$1 deploy/local/ctl.sh stop "$s" >/dev/null; done
    for s in "${services[@]}"; do MOTCUA_AUDIT_ENABLED=$1 deploy/local/ctl.sh start "$s" >/dev/null; done
}
results=()
for audit in true false true false; do
    restart "$audit"
    out=$(./mvnw -q -o -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.ReceptionBenchmark \
        -Dbench.seconds="$seconds" -Dbench.clients="$clients" -Dbench.warmup=20 -Dmotcua.port.offset="$offset" 2>&1)
    rate=$(grep -o 'receptions/s: [0-9]*' <<<"$out" | grep -o '[0-9]*$')
    lat=$(grep -o 'latency ms: .*' <<<"$out")
    echo "audit=$audit  receptions/s=$rate  $lat  load=$(cut -d' ' -f1-3 /proc/loadavg)"
    results+=("$audit:$rate")
done
restart true >/dev/null
on=0 off=0
for r in "${results[@]}"; do
    case $r in true:*) on=$((on + ${r#true:})) ;; false:*) off=$((off + ${r#false:})) ;; esac
done
echo "mean receptions/s: audit on $((on / 2)), off $((off / 2)); the audit costs $(( (off - on) * 100 / (off > 0 ? off : 1) ))% of reception"
