package vn.motcua.system.faults;

import io.restassured.RestAssured;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.system.Stack;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every fault test shares: the short/long settings, a baseline dossier received while nothing fails,
 * the final reconciliation of a load (client ↔ intake ↔ Kafka ↔ every consumer ↔ every effect) and putting
 * the stack back as it was.
 * <p>
 * Short versions run in the default {@code ./test.sh}; {@code -Dfaults.long=true} gives the long ones
 * (docs/FAULTS.md), and each setting can be given on its own ({@code -Dfaults.kill.dossiers=…}).
 */
final class FaultRun {
    static final boolean LONG = Boolean.getBoolean("faults.long");

    final String name;
    final String runId = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    final Instant since = Instant.now().minusSeconds(2);
    final List<String> baseline = new ArrayList<>();
    String expected;
    /** When every dossier of the load had reached the expected signature. */
    Instant settledAt;

    FaultRun(String name) {
        this.name = name;
    }

    static int setting(String property, int shortValue, int longValue) {
        return Integer.getInteger("faults." + property, LONG ? longValue : shortValue);
    }

    /**
     * Receives one dossier while everything runs and waits until its effects settle in every service:
     * its signature is what every dossier of the load must end with.
     */
    String baseline() throws Exception {
        DossierLoad one = new DossierLoad("baseline-" + runId, 1, 1, 1).start();
        one.awaitDone(Duration.ofSeconds(60));
        baseline.addAll(one.created.values());
        String last = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String now = Ledger.signatures(baseline).get(baseline.get(0));
            if (now.equals(last) && !now.contains("missing") && now.contains(" 0 pending")) {
                expected = now;
                System.out.printf("[%s] baseline dossier %s: %s%n", name, baseline.get(0), expected);
                return expected;
            }
            last = now;
            Thread.sleep(1500);
        }
        throw new AssertionError("the baseline dossier did not settle: " + last);
    }

    /**
     * Nothing lost, nothing doubled: every dossier the client was answered 201 for — and no other — exists
     * in intake under exactly one idempotency key; each reached the baseline's state in every service with
     * exactly its effects; each event is on Kafka and was applied once by each consumer; nothing was parked
     * and every outbox drained.
     *
     * @return how long the pipeline took to settle after the load finished
     */
    Duration reconcile(DossierLoad load, Duration settle) throws Exception {
        assertTrue(load.unexpected.isEmpty(), "answers other than 201/503: " + load.unexpected);
        assertEquals(0, load.unclear503.sum(), "every 503 is a problem details response");
        Set<String> codes = new TreeSet<>(load.created.values());
        assertEquals(load.total, load.created.size(), "every dossier was answered 201");
        assertEquals(load.total, codes.size(), "every 201 carries its own code");

        Set<String> expectedInIntake = new TreeSet<>(codes);
        expectedInIntake.addAll(baseline);
        Set<String> inIntake = new TreeSet<>(Ledger.loadDossiersSince(since));
        assertEquals(expectedInIntake.size(), inIntake.size(), "dossiers in intake since the start vs 201s");
        assertEquals(expectedInIntake, inIntake, "intake holds exactly the dossiers answered 201");
        Map<String, Integer> keys = Ledger.idempotencyKeys(load.runId);
        assertEquals(load.total, keys.size(), "one idempotency key per dossier");
        assertTrue(keys.values().stream().allMatch(s -> s != null && s == 201), "every key stored its 201");

        Duration settled = Ledger.awaitSignature(codes, expected, settle);
        settledAt = Instant.now();
        long[] sent = Ledger.deliveriesAndAttempts(codes);
        assertEquals(Map.of("intake", 0L, "notification", 0L, "result", 0L, "routing", 0L), Ledger.deadLettersSince(since),
                "no event parked as failed");

        KafkaEvents intake = KafkaEvents.read("motcua.intake.events", codes, since.minusSeconds(5));
        KafkaEvents routing = KafkaEvents.read("motcua.routing.events", codes, since.minusSeconds(5));
        assertEquals(load.total, intake.distinct(EventTypes.DOSSIER_RECEIVED.type()), "received events on Kafka: " + intake);
        assertEquals(load.total, routing.distinct(EventTypes.DOSSIER_ROUTED.type()), "routed events on Kafka: " + routing);
        assertEquals(load.total, routing.distinct(EventTypes.TASK_ASSIGNED.type()), "task events on Kafka: " + routing);
        StringBuilder applied = new StringBuilder();
        // result and notification use every event; routing and intake only some types, and skip the rest unread
        // (no processed_event row): each is checked against the ids of the types it uses, and none of the others
        Set<String> intakeIds = intake.allIds();
        Set<String> routingIds = routing.allIds();
        Set<String> routingUses = intake.idsOf(Set.of(EventTypes.DOSSIER_RECEIVED.type(),
                EventTypes.SUPPLEMENT_SUPPLIED.type(), EventTypes.DOSSIER_WITHDRAWN.type()));
        Set<String> intakeUses = routing.idsOf(Set.of(EventTypes.DOSSIER_ROUTED.type(), EventTypes.DOSSIER_PAUSED.type(),
                EventTypes.OBLIGATION_PAID.type(), EventTypes.PROCESSING_STOPPED.type(), EventTypes.DOSSIER_PROCESSED.type()));
        record Expected(String service, String consumer, Set<String> uses, Set<String> all, String topic) {
        }
        for (Expected e : List.of(new Expected("routing", "routing-intake", routingUses, intakeIds, "intake"),
                new Expected("result", "result-status-intake", intakeIds, intakeIds, "intake"),
                new Expected("notification", "notification-intake", intakeIds, intakeIds, "intake"),
                new Expected("intake", "intake-routing", intakeUses, routingIds, "routing"),
                new Expected("result", "result-status-routing", routingIds, routingIds, "routing"),
                new Expected("notification", "notification-routing", routingIds, routingIds, "routing"))) {
            long n = Ledger.applied(e.service(), e.consumer(), e.uses());
            assertEquals(e.uses().size(), n, e.consumer() + " applied every " + e.topic() + " event it uses once");
            Set<String> unused = new java.util.HashSet<>(e.all());
            unused.removeAll(e.uses());
            assertEquals(0, Ledger.applied(e.service(), e.consumer(), unused), e.consumer() + " skipped the types it does not use");
            applied.append(e.consumer()).append(' ').append(n).append(", ");
        }
        Map<String, Long> outboxes = awaitEmptyOutboxes();

        System.out.printf("""
                [%s] %d dossiers (+1 baseline) answered 201; answers %s
                [%s] intake holds exactly those %d, one idempotency key each; all reached "%s" %.1f s after the load ended
                [%s] Kafka: intake topic %d records / %d events, routing topic %d records / %d events (extra records = re-sent by a relay after a crash)
                [%s] applied once: %s; parked: 0; outboxes %s; e-mails delivered %d in %d attempts
                """, name, load.total, load.statuses(), name, codes.size(), expected, settled.toMillis() / 1000.0,
                name, intake.recordCount(), intakeIds.size(), routing.recordCount(), routingIds.size(),
                name, applied, outboxes, sent[0], sent[1]);
        return settled;
    }

    private static Map<String, Long> awaitEmptyOutboxes() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Long> rows = Ledger.outboxes();
        while (rows.values().stream().anyMatch(n -> n > 0) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            rows = Ledger.outboxes();
        }
        assertTrue(rows.values().stream().allMatch(n -> n == 0), "every outbox drained: " + rows);
        return rows;
    }

    /** Starts whatever a failed test left stopped, so the next test (and down.sh) find the stack whole. */
    static void restoreStack() {
        for (String component : List.of("postgres", "kafka", "intake-service", "routing-service", "result-service",
                "notification-service")) {
            if (StackControl.pid(component).isEmpty()) {
                StackControl.start(component);
            }
        }
        // The loads' e-mails (thousands in a long run) would only fill GreenMail's small heap.
        RestAssured.given().post(Stack.MAIL + "/api/mail/purge");
    }

    static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }
}
