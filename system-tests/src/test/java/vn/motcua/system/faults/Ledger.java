package vn.motcua.system.faults;

import vn.motcua.system.Stack;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what every service made of a set of dossiers, straight from PostgreSQL (one schema per service):
 * a dossier's <em>signature</em> is its state and the number of effects in each service — intake's status
 * and history rows, routing's tasks, result's projection and timeline entries, notification's deliveries
 * per (event, channel, recipient) and how many are still pending. A lost event shows as a smaller count,
 * a doubled one as a larger count, so every dossier of a load must end with the signature of a dossier
 * received while nothing failed.
 */
final class Ledger {
    private Ledger() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
    }

    /** Code → "intake … · routing … · result … · notification …" ("missing" where a service has no row). */
    static Map<String, String> signatures(Collection<String> codes) throws SQLException {
        try (Connection db = connect()) {
            Map<String, String> intake = byCode(db, codes, """
                    select d.code, d.status || ' ' || count(h.id) || ' history ('
                           || count(h.id) filter (where h.action = 'START_PROCESSING') || ' start)'
                      from intake.dossier d left join intake.dossier_history h on h.dossier_id = d.id
                     where d.code = any(?) group by d.code, d.status""");
            Map<String, String> routing = byCode(db, codes, """
                    select r.code, r.status || ' ' || count(t.id) || ' tasks '
                           || coalesce(string_agg(t.agency || ':' || t.status, ',' order by t.stage_index), '')
                      from routing.routed_dossier r left join routing.agency_task t on t.dossier_code = r.code
                     where r.code = any(?) group by r.code, r.status""");
            Map<String, String> result = byCode(db, codes, """
                    select s.code, s.status || ' ' || (select count(*) from result.dossier_timeline t where t.code = s.code)
                           || ' timeline'
                      from result.dossier_status s where s.code = any(?)""");
            Map<String, String> notification = byCode(db, codes, """
                    select dossier_code, count(*) || ' deliveries of ' || count(distinct event_id) || ' events, '
                           || count(*) filter (where status = 'PENDING') || ' pending'
                      from notification.delivery where dossier_code = any(?) group by dossier_code""");
            Map<String, String> signatures = new HashMap<>();
            for (String code : codes) {
                signatures.put(code, "intake " + intake.getOrDefault(code, "missing")
                        + " · routing " + routing.getOrDefault(code, "missing")
                        + " · result " + result.getOrDefault(code, "missing")
                        + " · notification " + notification.getOrDefault(code, "missing"));
            }
            return signatures;
        }
    }

    /** How many dossiers have each signature. */
    static Map<String, Long> histogram(Map<String, String> signatures) {
        return signatures.values().stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
    }

    /**
     * Waits until every dossier has the expected signature; returns how long that took. Fails with the
     * histogram of signatures (and a few examples of each wrong one) when they do not all get there.
     */
    static Duration awaitSignature(Collection<String> codes, String expected, Duration atMost)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        Map<String, String> now = signatures(codes);
        while (!now.values().stream().allMatch(expected::equals)) {
            if (System.nanoTime() > deadline) {
                Map<String, List<String>> examples = now.entrySet().stream().filter(e -> !e.getValue().equals(expected))
                        .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new,
                                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
                StringBuilder report = new StringBuilder("after " + atMost + " not every dossier has \"" + expected
                        + "\":\n");
                histogram(now).forEach((s, n) -> report.append("  ").append(n).append(" × ").append(s).append('\n'));
                examples.forEach((s, c) -> report.append("  e.g. ").append(c.subList(0, Math.min(3, c.size())))
                        .append(" ").append(s).append('\n'));
                throw new AssertionError(report.toString());
            }
            Thread.sleep(1000);
            now = signatures(codes);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The codes of the dossiers of the load units received since {@code since} (what intake holds). */
    static List<String> loadDossiersSince(Instant since) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                select code from intake.dossier where unit_code like ? and unit_code <> '000.00.31.H29'
                   and received_at >= ? order by code""")) {
            select.setString(1, DossierLoad.UNIT_PATTERN);
            select.setTimestamp(2, Timestamp.from(since));
            return strings(select);
        }
    }

    /** The idempotency keys of a run that intake stored, with the status it answered (key → status). */
    static Map<String, Integer> idempotencyKeys(String runId) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                select idem_key, response_status from intake.idempotency_key where idem_key like ?""")) {
            select.setString(1, runId + "-%");
            Map<String, Integer> keys = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2));
                }
            }
            return keys;
        }
    }

    /** Rows parked in any service's dead_letter_event since {@code since} (events that were not applied). */
    static Map<String, Long> deadLettersSince(Instant since) throws SQLException {
        Map<String, Long> parked = new TreeMap<>();
        try (Connection db = connect()) {
            for (String schema : List.of("intake", "routing", "result", "notification")) {
                try (PreparedStatement count = db.prepareStatement(
                        "select count(*) from " + schema + ".dead_letter_event where failed_at >= ?")) {
                    count.setTimestamp(1, Timestamp.from(since));
                    parked.put(schema, single(count));
                }
            }
        }
        return parked;
    }

    /** Rows still in each service's outbox (0 everywhere once everything was relayed to Kafka). */
    static Map<String, Long> outboxes() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = connect()) {
            for (String schema : List.of("intake", "routing", "result", "notification")) {
                try (PreparedStatement count = db.prepareStatement("select count(*) from " + schema + ".outbox_event")) {
                    rows.put(schema, single(count));
                }
            }
        }
        return rows;
    }

    /** How many of {@code eventIds} the consumer recorded as applied (schema.processed_event). */
    static long applied(String schema, String consumer, Collection<String> eventIds) throws SQLException {
        try (Connection db = connect(); PreparedStatement count = db.prepareStatement(
                "select count(*) from " + schema + ".processed_event where consumer = ? and event_id::text = any(?)")) {
            count.setString(1, consumer);
            count.setArray(2, db.createArrayOf("text", eventIds.toArray()));
            return single(count);
        }
    }

    /** Sum of delivery attempts of the dossiers' deliveries that were sent (one each unless a crash repeated one). */
    static long[] deliveriesAndAttempts(Collection<String> codes) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                select count(*), coalesce(sum(attempts), 0) from notification.delivery
                 where dossier_code = any(?) and status = 'DELIVERED'""")) {
            select.setArray(1, db.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static Map<String, String> byCode(Connection db, Collection<String> codes, String sql) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("text", codes.toArray());
            select.setArray(1, array);
            Map<String, String> rows = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
            return rows;
        }
    }

    private static List<String> strings(PreparedStatement select) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long single(PreparedStatement count) throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
