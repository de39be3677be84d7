package vn.motcua.routing.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import io.restassured.http.ContentType;
import vn.motcua.routing.TestClock;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Warnings and overdue events come out exactly once per due date even when two sweepers (two
 * instances, here two threads with their own transactions) run at the same moment, again and again.
 * The sweeps run at chosen instants in March 2024, so only this test's dossiers are due.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeadlineSweepTest {
    static final String UNIT = "000.00.31.H29";
    static final String AGENCY = "TUPHAP-BADINH";
    static final int DOSSIERS = 12;
    // Monday 4 March 2024: the step is due Tue 5 March 17:00, the dossier Thu 7 March 17:00.
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2024-03-04T09:00:00+07:00");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DeadlineSweep sweep;
    @Inject
    TestClock clock;

    static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+07:00");
    }

    @Test
    void twoSweepersRacingEmitEachWarningAndOverdueExactlyOnce() throws Exception {
        List<String> codes = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= DOSSIERS; i++) {
            String code = String.format("%s-240304-%04d", UNIT, i);
            codes.add(code);
            RoutingPlanSnapshot plan = new RoutingPlanSnapshot(AGENCY, List.of(
                    PlanStage.single(new PlanStep("buoc-1", AGENCY, "Tư pháp", "Bước một", StatutoryTime.workingDays(1))),
                    PlanStage.single(new PlanStep("buoc-2", AGENCY, "Tư pháp", "Bước hai", StatutoryTime.workingDays(2)))));
            DossierReceived received = new DossierReceived(code, "THU-SWEEP", 1, "Thủ tục thử", ReceptionChannel.COUNTER,
                    UNIT, "counter1", RECEIVED, at("2024-03-07T17:00:00"), StatutoryTime.workingDays(3),
                    new Applicant("Trần Văn An", "0912000000", null, null), null, "111111", plan);
            records.add(Map.entry(code, EventJson.write(new CloudEvent<>(null, UUID.randomUUID(), "intake-service",
                    DossierReceived.TYPE, code, OffsetDateTime.now(EventJson.VIETNAM), null, received, null))));
        }
        TopicReader.send(bootstrap, Topics.INTAKE, records);
        await().atMost(Duration.ofSeconds(30)).until(() -> routed(codes) == DOSSIERS);

        // Before any warning time nothing happens.
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-03-04T12:00:00")));
        // Tue 5 March 09:00: past the steps' warning time (Mon 17:00), before their due time.
        assertEquals(new DeadlineSweep.Swept(DOSSIERS, 0), race(at("2024-03-05T09:00:00")));
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-03-05T10:00:00")));
        // Wed 6 March 10:00: the steps are overdue; the dossier's warning time (Wed 17:00) is not reached.
        assertEquals(new DeadlineSweep.Swept(0, DOSSIERS), race(at("2024-03-06T10:00:00")));
        // Thu 7 March 09:00: the dossiers' warnings; Fri 8 March: the dossiers are overdue.
        assertEquals(new DeadlineSweep.Swept(DOSSIERS, 0), race(at("2024-03-07T09:00:00")));
        assertEquals(new DeadlineSweep.Swept(0, DOSSIERS), race(at("2024-03-08T09:00:00")));
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-03-11T09:00:00")));

        // On the topic: per dossier one warning and one overdue event for the step, and for the dossier.
        Map<String, List<CloudEvent<JsonNode>>> events = await().atMost(Duration.ofSeconds(30))
                .until(this::deadlineEvents, found -> found.values().stream().mapToInt(List::size).sum() >= 4 * DOSSIERS);
        for (String code : codes) {
            List<CloudEvent<JsonNode>> mine = events.getOrDefault(code, List.of());
            assertEquals(List.of("TASK warning", "TASK overdue", "DOSSIER warning", "DOSSIER overdue"),
                    mine.stream().map(DeadlineSweepTest::describe).toList(), code);
            JsonNode stepWarning = mine.get(0).data();
            assertEquals("2024-03-05T17:00:00+07:00", stepWarning.path("dueAt").asText());
            assertEquals(AGENCY, stepWarning.path("agencyCode").asText());
            assertEquals("2024-03-07T17:00:00+07:00", mine.get(3).data().path("dueAt").asText());
        }
    }

    @Test
    void aPausedDossierIsNotSweptAndItsMovedDueDatesAreWarnedAboutAgain() throws Exception {
        // Monday 1 April 2024; one step of one working day: due Tue 2 April 17:00, warned from Mon 17:00.
        String code = UNIT + "-240401-0001";
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot(AGENCY, List.of(PlanStage.single(
                new PlanStep("buoc-1", AGENCY, "Tư pháp", "Bước một", StatutoryTime.workingDays(1)))));
        DossierReceived received = new DossierReceived(code, "THU-SWEEP", 1, "Thủ tục thử", ReceptionChannel.COUNTER,
                UNIT, "counter1", at("2024-04-01T09:00:00"), at("2024-04-02T17:00:00"), StatutoryTime.workingDays(1),
                new Applicant("Trần Văn An", "0912000000", null, null), null, "111111", plan);
        send(code, received);
        String officer = TestTokens.agencyOfficer("tuphap1", AGENCY);
        String taskId = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(officer)
                .queryParam("dossier", code).when().get("/api/tasks").then().extract().<String>path("items[0].id"),
                id -> id != null);

        try {
            clock.set(at("2024-04-01T10:00:00"));
            given().auth().oauth2(officer).contentType(ContentType.JSON)
                    .body("{\"items\": [{\"name\": \"Giấy chứng sinh\"}]}")
                    .when().post("/api/tasks/{id}/supplement-request", taskId).then().statusCode(200);
        } finally {
            clock.reset();
        }
        // Paused: past its warning time and its due time, nothing is emitted.
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-04-02T09:00:00")));
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-04-03T09:00:00")));

        // Supplied Wed 3 April 10:00: two working days paused, the step is due Thu 4 April 17:00 and the
        // dossier too; each is warned about once, then overdue once.
        send(code, new DossierSupplementSupplied(code, at("2024-04-03T10:00:00"), "counter1", List.of(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_PROGRESS".equals(given().auth().oauth2(officer)
                .when().get("/api/dossiers/{code}", code).then().extract().path("status")));
        assertEquals(new DeadlineSweep.Swept(0, 0), race(at("2024-04-03T12:00:00")));
        assertEquals(new DeadlineSweep.Swept(2, 0), race(at("2024-04-04T09:00:00")));
        assertEquals(new DeadlineSweep.Swept(0, 2), race(at("2024-04-05T09:00:00")));

        List<CloudEvent<JsonNode>> mine = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadlineEvents("-240401-").getOrDefault(code, List.of()), found -> found.size() >= 4);
        assertEquals(4, mine.size(), mine.toString());
        for (CloudEvent<JsonNode> event : mine) {
            assertEquals("2024-04-04T17:00:00+07:00", event.data().path("dueAt").asText());
        }
    }

    void send(String code, vn.motcua.shared.events.EventPayload payload) throws ReflectiveOperationException {
        String type = (String) payload.getClass().getField("TYPE").get(null);
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(Map.entry(code, EventJson.write(new CloudEvent<>(null,
                UUID.randomUUID(), "intake-service", type, code, OffsetDateTime.now(EventJson.VIETNAM), null, payload, null)))));
    }

    /** Two sweepers at the same instant, three times over; what they wrote in all. */
    DeadlineSweep.Swept race(OffsetDateTime now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            DeadlineSweep.Swept total = new DeadlineSweep.Swept(0, 0);
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<DeadlineSweep.Swept>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Callable<DeadlineSweep.Swept> call = () -> {
                        start.await();
                        return sweep.sweep(now);
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                for (Future<DeadlineSweep.Swept> result : results) {
                    DeadlineSweep.Swept swept = result.get();
                    total = new DeadlineSweep.Swept(total.warnings() + swept.warnings(),
                            total.overdue() + swept.overdue());
                }
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    int routed(List<String> codes) {
        Map<String, List<CloudEvent<JsonNode>>> all = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.read(bootstrap, Topics.ROUTING, 1,
                Duration.ofMillis(300), Duration.ofSeconds(5))) {
            CloudEvent<JsonNode> event = EventJson.read(record.value());
            if (codes.contains(record.key()) && event.type().equals(EventTypes.TASK_ASSIGNED.type())) {
                all.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
            }
        }
        return all.size();
    }

    Map<String, List<CloudEvent<JsonNode>>> deadlineEvents() {
        return deadlineEvents("-240304-");
    }

    Map<String, List<CloudEvent<JsonNode>>> deadlineEvents(String day) {
        Map<String, List<CloudEvent<JsonNode>>> found = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.read(bootstrap, Topics.ROUTING, 1,
                Duration.ofMillis(500), Duration.ofSeconds(5))) {
            CloudEvent<JsonNode> event = EventJson.read(record.value());
            if (record.key().contains(day) && (event.type().equals(EventTypes.DEADLINE_WARNING.type())
                    || event.type().equals(EventTypes.DOSSIER_OVERDUE.type()))) {
                found.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
            }
        }
        return found;
    }

    static String describe(CloudEvent<JsonNode> event) {
        return event.data().path("scope").asText() + " "
                + (event.type().equals(EventTypes.DEADLINE_WARNING.type()) ? "warning" : "overdue");
    }
}
