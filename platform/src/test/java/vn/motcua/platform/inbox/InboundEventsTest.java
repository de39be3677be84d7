package vn.motcua.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The idempotent-consumer guard behind a real Kafka consumer (the test app's DemoConsumer). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class InboundEventsTest {
    private static final String TOPIC = "motcua.test.inbound";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void redeliveredEventHasNoSecondEffectAndBadRecordsAreParkedNotLost() throws Exception {
        CloudEvent<Map<String, Object>> once = CloudEvent.of("test", "vn.motcua.demo.noted.v1", "K1", Map.of("note", "first"));
        CloudEvent<Map<String, Object>> poison = CloudEvent.of("test", "vn.motcua.demo.noted.v1", "K1", Map.of("fail", true));
        CloudEvent<Map<String, Object>> after = CloudEvent.of("test", "vn.motcua.demo.noted.v1", "K1", Map.of("note", "after"));
        String json = EventJson.write(once);
        TopicReader.send(bootstrap, TOPIC, List.of(
                Map.entry("K1", json),
                Map.entry("K1", json),                      // redelivery of the same event
                Map.entry("K1", "{not json"),               // unreadable record
                Map.entry("K1", EventJson.write(poison)),   // an effect that always fails
                Map.entry("K1", EventJson.write(after)),
                Map.entry("K1", json)));                    // a late redelivery

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from demo_effect where note = 'after'") == 1);
        assertEquals(1, count("select count(*) from demo_effect where event_id = '" + once.id() + "'"),
                "the event applied once although delivered three times");
        assertEquals(2, count("select count(*) from demo_effect where event_id in ('" + once.id() + "', '" + after.id()
                + "', '" + poison.id() + "')"), "other tests write their own rows to demo_effect");
        assertEquals(2, count("select count(*) from dead_letter_event where consumer = 'demo-consumer'"),
                "the unreadable record and the failing event are kept for an operator");
        assertEquals(1, count("select count(*) from dead_letter_event where event_id = '" + poison.id() + "'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
