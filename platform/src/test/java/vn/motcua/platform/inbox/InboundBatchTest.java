package vn.motcua.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;
import vn.motcua.shared.events.Topics;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link InboundEvents#applyBatch} called directly with a poll's records (issue 18: one transaction per poll). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class InboundBatchTest {
    record Noted(String key, String note) implements EventPayload {
        @Override
        public String subject() {
            return key;
        }
    }

    static final EventType<Noted> NOTED = new EventType<>("vn.motcua.demo.batch-noted.v1", Noted.class, Topics.INTAKE);

    @Inject
    InboundEvents inbound;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    vn.motcua.platform.outbox.Outbox outbox;

    /** Effects see the transaction id: one value for the whole poll means one transaction. */
    private final List<String> seen = new ArrayList<>();

    private Handlers handlers() {
        return Handlers.of().on(NOTED, noted -> {
            if ("poison".equals(noted.note())) {
                throw new IllegalArgumentException("never applicable");
            }
            String applied = noted.note() + "@" + transactionId();
            seen.add(applied);
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into demo_effect (event_id, note) values (gen_random_uuid(), ?)")) {
                s.setString(1, applied);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aPollIsAppliedInOneTransactionInOrderWithDuplicatesAndUnusedTypesLeftOut() {
        String consumer = "batch-" + UUID.randomUUID();
        CloudEvent<Noted> first = NOTED.envelope("test", new Noted("K1", "one"));
        List<ConsumerRecord<String, String>> poll = List.of(
                record(0, "K1", EventJson.write(first)),
                record(1, "K2", EventJson.write(NOTED.envelope("test", new Noted("K2", "two")))),
                record(2, "K1", EventJson.write(first)), // the same event again in the same poll
                // a type this consumer does not use is skipped before it is parsed: the rest of it is not even JSON
                record(3, "K3", "{\"specversion\":\"1.0\",\"type\":\"vn.motcua.demo.unused.v1\",\"data\": {oops"),
                record(4, "K2", EventJson.write(NOTED.envelope("test", new Noted("K2", "three")))));

        InboundEvents.BatchOutcome outcome = apply(consumer, poll);
        assertEquals(new InboundEvents.BatchOutcome(3, 1, 1, 0, false), outcome);
        assertEquals(List.of("one", "two", "three"), seen.stream().map(s -> s.substring(0, s.indexOf('@'))).toList(),
                "offset order");
        assertEquals(1, seen.stream().map(s -> s.substring(s.indexOf('@'))).distinct().count(),
                "one transaction for the poll: " + seen);

        // the whole poll again: nothing applies twice
        seen.clear();
        assertEquals(new InboundEvents.BatchOutcome(0, 4, 1, 0, false), apply(consumer, poll));
        assertTrue(seen.isEmpty());
    }

    @Test
    void aPoisonedEventFailsTheBatchWhichIsAppliedOneByOneSoOnlyThePoisonIsParked() {
        String consumer = "batch-" + UUID.randomUUID();
        CloudEvent<Noted> poison = NOTED.envelope("test", new Noted("K9", "poison"));
        List<ConsumerRecord<String, String>> poll = List.of(
                record(0, "K8", EventJson.write(NOTED.envelope("test", new Noted("K8", "before")))),
                record(1, "K9", EventJson.write(poison)),
                record(2, "K8", "{not json at all"),
                record(3, "K8", EventJson.write(NOTED.envelope("test", new Noted("K8", "after")))));

        InboundEvents.BatchOutcome outcome = apply(consumer, poll);
        assertEquals(2, outcome.applied());
        assertEquals(2, outcome.parked(), "the unreadable record and the poison");
        assertTrue(outcome.oneByOne());
        // what stayed (the failed batch's own effects were rolled back): each once, in a transaction of its own
        List<String> kept = Rows.strings(dataSource, "select note from demo_effect where note like 'before@%' or note like 'after@%'");
        assertEquals(2, kept.size(), kept.toString());
        assertFalse(kept.get(0).substring(kept.get(0).indexOf('@')).equals(kept.get(1).substring(kept.get(1).indexOf('@'))),
                "one by one: a transaction each " + kept);
        assertEquals(1, Rows.number(dataSource, "select count(*) from dead_letter_event where consumer = ? and event_id = ?",
                consumer, poison.id()));
        assertEquals(1, Rows.number(dataSource, "select count(*) from dead_letter_event where consumer = ? and event_id is null",
                consumer));
    }

    @Inject
    ProcessedEventsPurge purge;

    @Test
    void processedIdsArePurgedOnlyPastTheirRetention() {
        String consumer = "batch-" + UUID.randomUUID();
        apply(consumer, List.of(record(0, "K5", EventJson.write(NOTED.envelope("test", new Noted("K5", "old"))))));
        String mine = "select count(*) from processed_event where consumer = ?";
        purge.purgeOlderThan(java.time.Duration.ofDays(30));
        assertEquals(1, Rows.number(dataSource, mine, consumer), "within retention: kept");
        Rows.update(dataSource, "update processed_event set processed_at = now() - interval '31 days' where consumer = ?",
                consumer);
        purge.purgeOlderThan(java.time.Duration.ofDays(30));
        assertEquals(0, Rows.number(dataSource, mine, consumer), "past retention: purged");
    }

    private InboundEvents.BatchOutcome apply(String consumer, List<ConsumerRecord<String, String>> poll) {
        try {
            return inbound.applyBatch(consumer, poll, handlers());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue 18, item 4: an event published while applying another about the same subject is stamped above it,
     * whatever either host's clock says; a later command's event above that; versions never go back.
     */
    @Test
    void whatAnEffectPublishesIsVersionedAboveWhatCausedIt() throws Exception {
        String subject = "V-" + UUID.randomUUID();
        String consumer = "clock-" + UUID.randomUUID();
        List<Long> stamped = new ArrayList<>();
        Handlers reacting = Handlers.of().on(NOTED, noted -> stamped.add(outbox.publish(Topics.ROUTING,
                NOTED.envelope("test", new Noted(noted.key(), "reaction to " + noted.note())))));
        CloudEvent<Noted> far = NOTED.envelope("test", new Noted(subject, "from a busy producer")).withVersion(41);
        inbound.applyBatch(consumer, List.of(record(0, subject, EventJson.write(far))), reacting);
        assertEquals(List.of(42L), stamped);
        // a command of this service afterwards (no event applied in its transaction) goes on from the counter
        assertEquals(43L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                outbox.publish(Topics.ROUTING, NOTED.envelope("test", new Noted(subject, "command")))));
        // an older event applied later does not move the counter back
        CloudEvent<Noted> old = NOTED.envelope("test", new Noted(subject, "old")).withVersion(3);
        inbound.applyBatch(consumer, List.of(record(1, subject, EventJson.write(old))), reacting);
        assertEquals(List.of(42L, 44L), stamped);
        assertEquals(List.of("44"), Rows.strings(dataSource, "select version::text from dossier_clock where subject = ?",
                subject));
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>(Topics.INTAKE, 0, offset, key, value);
    }

    private String transactionId() {
        return Rows.strings(dataSource, "select txid_current()").get(0);
    }
}
