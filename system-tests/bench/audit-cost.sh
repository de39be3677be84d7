#!/usr/bin/env bash
# What the audit trail costs reception (issue 23, docs/AUDIT.md): ReceptionBenchmark against the running stack
# with the audit on and off in turn (on, off, on, off), intake restarted with MOTCUA_AUDIT_ENABLED each time, so
# both settings see the same machine in the same minutes. Routing, result and notification are stopped meanwhile:
# otherwise each round would compete with the previous round's dossiers still flowing downstream. Leaves the stack
# whole, with the audit on.
#   MOTCUA_PORT_OFFSET=200 MOTCUA_STACK_HOME=/tmp/stack200 system-tests/bench/audit-cost.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-30} clients=${2:-64}
offset=${MOTCUA_PORT_OFFSET:-0}
downstream=(routing-service result-service notification-service)
restart() {
    MOTCUA_AUDIT_ENABLED=$1 deploy/local/ctl.sh stop intake-service >/dev/null
    MOTCUA_AUDIT_ENABLED=$1 deploy/local/ctl.sh start intake-service >/dev/null
}
for s in "${downstream[@]}"; do deploy/local/ctl.sh stop "$s" >/dev/null; done
stack=${MOTCUA_STACK_HOME:-.stack}
# CPU seconds (user + system) so far of intake and of the stack's PostgreSQL (the postmaster and its backends): a
# figure per dossier that the machine's other load does not distort as much as the rate
cpu() {
    local pids pg total=0
    pg=$(head -1 "$(sed -n 's/^PG_DATA=//p' "$stack/run/postgres.env" | tr -d "'")/postmaster.pid")
    pids="$(cat "$stack/run/intake-service.pid") $pg $(pgrep -P "$pg" | tr '\n' ' ')"
    for p in $pids; do
        [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    # backends that ended were reaped by the postmaster: their time is its children's time
    total=$((total + $(awk '{print $16 + $17}' "/proc/$pg/stat")))
    echo $total
}
dossiers() {
    PGPASSWORD=motcua psql -qtA -h localhost -p $((5432 + offset)) -U motcua -d motcua -c "select count(*) from intake.dossier"
}
ticks=$(getconf CLK_TCK)
results=()
for audit in true false true false; do
    restart "$audit"
    c0=$(cpu) d0=$(dossiers)
    out=$(./mvnw -q -o -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.ReceptionBenchmark \
        -Dbench.seconds="$seconds" -Dbench.clients="$clients" -Dbench.warmup=20 -Dmotcua.port.offset="$offset" 2>&1)
    rate=$(grep -o 'receptions/s: [0-9]*' <<<"$out" | grep -o '[0-9]*$')
    lat=$(grep -o 'latency ms: .*' <<<"$out")
    c1=$(cpu) d1=$(dossiers)
    per=$(awk -v c=$((c1 - c0)) -v d=$((d1 - d0)) -v t="$ticks" 'BEGIN { printf "%.2f", (d > 0 ? c * 1000 / t / d : 0) }')
    echo "audit=$audit  receptions/s=$rate  $lat  CPU ms per dossier (intake + PostgreSQL)=$per over $((d1 - d0))  load=$(cut -d' ' -f1-3 /proc/loadavg)"
    results+=("$audit:$rate")
done
restart true >/dev/null
for s in "${downstream[@]}"; do deploy/local/ctl.sh start "$s" >/dev/null; done
on=0 off=0
for r in "${results[@]}"; do
    case $r in true:*) on=$((on + ${r#true:})) ;; false:*) off=$((off + ${r#false:})) ;; esac
done
echo "mean receptions/s: audit on $((on / 2)), off $((off / 2)); the audit costs $(( (off - on) * 100 / (off > 0 ? off : 1) ))% of reception"
