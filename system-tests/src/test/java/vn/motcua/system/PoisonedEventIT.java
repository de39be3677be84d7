package vn.motcua.system;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.routing.TaskAssigned;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: a poisoned event in the middle of a busy poll. While 40 dossiers flow, an assignment whose agency code
 * no column can hold is put on routing's topic in one burst with 30 sound ones. Result's consumer applies a poll in
 * one transaction: the poll that holds the poison fails, is applied again one event at a time, and only the poison
 * is parked in {@code dead_letter_event} — every other dossier still reaches the justice office in result.
 */
class PoisonedEventIT {
    private static final String KAFKA = System.getProperty("motcua.kafka", "localhost:" + (9092 + Stack.PORT_OFFSET));

    @Test
    void onlyThePoisonedEventIsParkedAndTheRestOfItsBatchIsApplied() throws Exception {
        String poisonCode = "000.00.31.H29-" + OffsetDateTime.now(EventJson.VIETNAM)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + String.format("-9%03d", System.nanoTime() % 1000);
        CloudEvent<TaskAssigned> poison = EventTypes.TASK_ASSIGNED.envelope("poison-test", new TaskAssigned(poisonCode,
                UUID.randomUUID(), "buoc-1", "X".repeat(400), "Cơ quan không có thật", "counter1",
                OffsetDateTime.now(EventJson.VIETNAM), OffsetDateTime.now(EventJson.VIETNAM).plusDays(3)));

        List<CompletableFuture<String>> receptions = new ArrayList<>();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            receptions.add(CompletableFuture.supplyAsync(() -> Stack.as("counter1").contentType(ContentType.JSON)
                    .body(WalkingSkeletonIT.NEWBORN).post(Stack.INTAKE + "/api/dossiers")
                    .then().statusCode(201).extract().<String>path("code")));
            if (i == 20) {
                // one burst, so that the poison shares its poll with real events: 30 assignments of dossiers of this
                // test's own (result keeps them as partial rows, never shown), the poison in the middle
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.LINGER_MS_CONFIG, 50,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                    for (int j = 0; j < 30; j++) {
                        if (j == 15) {
                            producer.send(new ProducerRecord<>(Topics.ROUTING, poisonCode, EventJson.write(poison)));
                        }
                        String code = burstCode(poisonCode, j);
                        burst.add(code);
                        producer.send(new ProducerRecord<>(Topics.ROUTING, code, EventJson.write(
                                EventTypes.TASK_ASSIGNED.envelope("poison-test", new TaskAssigned(code, UUID.randomUUID(),
                                        "buoc-1", "TUPHAP-BADINH", "Tư pháp phường Ba Đình", "counter1",
                                        OffsetDateTime.now(EventJson.VIETNAM),
                                        OffsetDateTime.now(EventJson.VIETNAM).plusDays(3))))));
                    }
                    producer.flush();
                }
            }
        }
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<String> reception : receptions) {
            codes.add(reception.get());
        }
        codes.addAll(burst);

        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count(c, "select count(*) from result.dossier_status where code = any(?) and current_agency is not null",
                            List.of(codes)) == codes.size()
                            && count(c, "select count(*) from result.dead_letter_event where event_id = ?::uuid",
                            List.of(poison.id().toString())) == 1);
            assertEquals(1, count(c, "select count(*) from result.dead_letter_event where event_id = ?::uuid"
                    + " and consumer = 'result-status-routing'", List.of(poison.id().toString())));
            assertEquals(0, count(c, "select count(*) from result.dead_letter_event where event_id::text <> ?"
                    + " and message_key = any(?)", List.of(poison.id().toString(), codes)),
                    "no real event of these dossiers was parked");
        }
    }

    /** A code of the burst: the poison's date and unit, its own sequence (8000 + j), so no real dossier has it. */
    private static String burstCode(String poisonCode, int j) {
        return poisonCode.substring(0, poisonCode.length() - 4) + String.format("8%03d", j);
    }

    private static long count(Connection c, String sql, List<?> params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
