package vn.motcua.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.demo.DemoService;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relay passes driven by hand: a crash between Kafka's acknowledgement and the delete, and two instances. */
@QuarkusTest
@TestProfile(RelayByHandProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OutboxRelayFaultTest {
    private static final int LANES = 16;

    @Inject
    DemoService demo;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final List<Producer<String, String>> producers = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void emptyOutbox() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("delete from outbox_event");
        }
        producers.forEach(p -> p.close(Duration.ofSeconds(5)));
        producers.clear();
    }

    @Test
    void relayKilledMidBatchResendsEverythingOnItsNextPass() throws Exception {
        String run = "KILL-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(demo.create(run + "-" + (i % 7), "n" + i, 1, false).id.toString());
        }
        OutboxRelay crashing = newRelay();
        crashing.beforeDelete(batch -> {
            throw new IllegalStateException("killed after Kafka acknowledged " + batch.size() + " events");
        });
        assertThrows(IllegalStateException.class, crashing::drainOnce);
        assertEquals(50, pending(), "nothing is deleted by the pass that died");

        OutboxRelay restarted = newRelay();
        assertEquals(37, restarted.drainOnce().ids().size(), "a pass takes at most the batch size, over all lanes");
        assertEquals(13, restarted.drainOnce().ids().size());
        assertEquals(0, pending());

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, DemoService.TOPIC, 51,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        List<String> published = records.stream().filter(r -> r.key().startsWith(run))
                .map(r -> EventJson.read(r.value()).data().get("id").asText()).toList();
        assertEquals(new HashSet<>(ids), new HashSet<>(published), "every event arrived");
        assertTrue(published.size() > 50, "the batch the dead pass sent was sent again (at least once)");
    }

    @Test
    void twoRelayInstancesShareTheOutboxWithoutDuplicatesAndKeepPerKeyOrder() throws Exception {
        String run = "PAIR-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 600; i++) {
            String key = run + "-" + (i % 40);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(demo.create(key, "n" + i, 1, false).id.toString());
        }
        OutboxRelay first = newRelay();
        OutboxRelay second = newRelay();
        AtomicInteger total = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (OutboxRelay relay : List.of(first, second)) {
            runs.add(pool.submit(() -> {
                while (pending() > 0) {
                    total.addAndGet(relay.drainOnce().ids().size());
                }
                return null;
            }));
        }
        for (Future<?> r : runs) {
            r.get();
        }
        pool.shutdown();
        assertEquals(600, total.get(), "each row published by exactly one instance");

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, DemoService.TOPIC, 600,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        Map<String, List<String>> seen = new LinkedHashMap<>();
        records.stream().filter(r -> r.key().startsWith(run))
                .forEach(r -> seen.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(EventJson.read(r.value()).data().get("id").asText()));
        assertEquals(expected.keySet(), seen.keySet());
        expected.forEach((key, order) -> assertEquals(order, seen.get(key), "order of " + key));
        Set<String> distinct = new HashSet<>();
        seen.values().forEach(distinct::addAll);
        assertEquals(600, distinct.size());
    }

    private OutboxRelay newRelay() {
        Producer<String, String> producer = new KafkaProducer<>(
                OutboxRelayRunner.producerConfig(bootstrap, "platformtest", Duration.ofSeconds(10), "lz4"));
        producers.add(producer);
        return new OutboxRelay(dataSource, producer, "outbox:platformtest".hashCode(), LANES, 37, Duration.ofSeconds(10));
    }

    private long pending() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
