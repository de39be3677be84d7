package vn.motcua.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.demo.DemoItem;
import vn.motcua.platform.demo.DemoService;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox with its relay running, against a real broker and a real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OutboxTest {
    @Inject
    DemoService demo;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void committedChangeIsPublishedExactlyOnceAndRolledBackChangeNever() throws SQLException {
        String committedKey = "COMMIT-" + UUID.randomUUID();
        String rolledBackKey = "ROLLBACK-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> demo.create(rolledBackKey, "rolled back", 1, true));
        DemoItem item = demo.create(committedKey, "committed", 1, false);

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, DemoService.TOPIC, 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> committed = records.stream().filter(r -> r.key().equals(committedKey)).toList();
        assertEquals(1, committed.size(), "one event for the committed change");
        assertTrue(records.stream().noneMatch(r -> r.key().equals(rolledBackKey)), "no event for the rolled-back change");

        CloudEvent<JsonNode> event = EventJson.read(committed.get(0).value());
        assertEquals("1.0", event.specversion());
        assertEquals(DemoService.CREATED, event.type());
        assertEquals("platformtest", event.source());
        assertEquals(committedKey, event.subject());
        assertEquals(item.id.toString(), event.data().get("id").asText());
        assertEquals(7 * 3600, event.time().getOffset().getTotalSeconds(), "times are written in +07:00");

        assertEquals(0, count("select count(*) from demo_item where name = 'rolled back'"), "the entity rolled back too");
        assertEquals(0, count("select count(*) from outbox_event"), "the relay emptied the outbox");
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            String key = run + "-K" + (i % 6);
            DemoItem item = demo.create(key, "n" + i, 1, false);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(item.id.toString());
        }
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, DemoService.TOPIC, 120,
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        Map<String, List<String>> seen = new LinkedHashMap<>();
        records.stream().filter(r -> r.key().startsWith(run))
                .forEach(r -> seen.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(EventJson.read(r.value()).data().get("id").asText()));
        assertEquals(expected, seen);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
