package vn.motcua.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
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
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing slice end to end on real PostgreSQL and Kafka: a received dossier from intake's topic
 * becomes the justice office's task, officers claim and complete through the agencies, and routing's
 * events come out on its topic.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TaskFlowTest {
    static final String UNIT = "000.00.31.H29";
    static final String JUSTICE = "TUPHAP-BADINH";
    static final String POLICE = "CONGAN-BADINH";
    static final String INSURANCE = "BHXH-KV1";
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2025-11-24T09:15:00+07:00");

    static final String TUPHAP1 = TestTokens.agencyOfficer("tuphap1", JUSTICE);
    static final String TUPHAP2 = TestTokens.agencyOfficer("tuphap2", JUSTICE);
    static final String CONGAN1 = TestTokens.agencyOfficer("congan1", POLICE);
    static final String BHXH1 = TestTokens.agencyOfficer("bhxh1", INSURANCE);
    static final String SUPERVISOR1 = TestTokens.supervisor("supervisor1");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/tasks")
    URI tasks;

    @Inject
    AgroalDataSource dataSource;

    // ---- the newborn plan: justice -> police -> social insurance -------------------------------------

    // The demo catalogue's plan (intake's V1000__demo_catalogue.sql): 1 + 1 + 1 working days.
    static PlanStep khaiSinh() {
        return new PlanStep("khai-sinh", JUSTICE, "UBND phường Ba Đình — Tư pháp, hộ tịch", "Đăng ký khai sinh",
                StatutoryTime.workingDays(1));
    }

    static PlanStep thuongTru(int days) {
        return new PlanStep("thuong-tru", POLICE, "Công an phường Ba Đình", "Đăng ký thường trú",
                StatutoryTime.workingDays(days));
    }

    static PlanStep theBhyt() {
        return new PlanStep("the-bhyt", INSURANCE, "Bảo hiểm xã hội khu vực I", "Cấp thẻ bảo hiểm y tế",
                StatutoryTime.workingDays(1));
    }

    static RoutingPlanSnapshot sequentialPlan() {
        return new RoutingPlanSnapshot(JUSTICE, List.of(PlanStage.single(khaiSinh()),
                PlanStage.single(thuongTru(1)), PlanStage.single(theBhyt())));
    }

    /** A variant with the police and social insurance working in parallel, on different shares. */
    static RoutingPlanSnapshot parallelPlan() {
        return new RoutingPlanSnapshot(JUSTICE, List.of(PlanStage.single(khaiSinh()),
                PlanStage.parallel(thuongTru(2), theBhyt())));
    }

    static String code(int sequence) {
        return String.format("%s-251124-%04d", UNIT, sequence);
    }

    static String receivedJson(String code, UUID eventId, RoutingPlanSnapshot plan) {
        DossierReceived payload = new DossierReceived(code, "LT-KS-TT-BHYT", 1,
                "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
                ReceptionChannel.COUNTER, UNIT, "counter1", RECEIVED,
                OffsetDateTime.parse("2025-11-27T17:00:00+07:00"), StatutoryTime.workingDays(3),
                new Applicant("Nguyễn Thị Hoa", "0912345678", null, null), null, "482913", plan);
        return EventJson.write(new CloudEvent<>(null, eventId, "intake-service", DossierReceived.TYPE, code,
                OffsetDateTime.now(EventJson.VIETNAM), null, payload, null));
    }

    void send(String code, String json) {
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(Map.entry(code, json)));
    }

    void receive(String code, RoutingPlanSnapshot plan) {
        send(code, receivedJson(code, UUID.randomUUID(), plan));
    }

    /** Waits until the agency's inbox shows the dossier's open task and returns its id. */
    String awaitTask(String code, String token) {
        return new RoutingKit(bootstrap).awaitTask(code, token);
    }

    /** Routing's events about one dossier, waiting until {@code done} holds for them. */
    List<CloudEvent<JsonNode>> awaitEvents(String code, Predicate<List<CloudEvent<JsonNode>>> done) {
        return new RoutingKit(bootstrap).awaitEvents(code, done);
    }

    static long count(List<CloudEvent<JsonNode>> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    static Predicate<List<CloudEvent<JsonNode>>> has(String type) {
        return events -> count(events, type) > 0;
    }

    static CloudEvent<JsonNode> only(List<CloudEvent<JsonNode>> events, String type) {
        List<CloudEvent<JsonNode>> found = events.stream().filter(e -> e.type().equals(type)).toList();
        assertEquals(1, found.size(), type + " events: " + found);
        return found.get(0);
    }

    static io.restassured.response.ValidatableResponse complete(String token, String taskId, String outcome,
                                                                 String note) {
        String body = note == null ? "{\"outcome\":\"" + outcome + "\"}"
                : "{\"outcome\":\"" + outcome + "\",\"note\":\"" + note + "\"}";
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tasks/{id}/complete", taskId).then();
    }

    static io.restassured.response.ValidatableResponse claim(String token, String taskId) {
        return given().auth().oauth2(token).when().post("/api/tasks/{id}/claim", taskId).then();
    }

    // ---- tests ---------------------------------------------------------------------------------------

    @Test
    void anInboxPastTheCountCapSaysAtLeastAndStaysExactBelowIt() throws Exception {
        // 1,002 tasks due within the hour and one overdue, at an agency of its own; the counts stop at the cap.
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("""
                    insert into routed_dossier (code, procedure_code, procedure_version, unit_code, received_at, due_at,
                      statutory_due_at, lawful_due_at, warn_at, routed_at, status, current_stage, plan)
                    values ('CAP-AG-0001', 'CAP', 1, '000.00.31.H29', now(), now() + interval '5 days',
                      now() + interval '5 days', now() + interval '5 days', now() + interval '4 days', now(),
                      'IN_PROGRESS', 0, '{}'::jsonb)""");
            s.execute("""
                    insert into agency_task (id, dossier_code, stage_index, step_id, agency, agency_name, status,
                      handed_over_by, assigned_at, due_at, warn_at)
                    select gen_random_uuid(), 'CAP-AG-0001', 0, 'buoc-' || i, 'CAP-AG', 'Cơ quan', 'ASSIGNED',
                           '000.00.31.H29', now(), now() + case when i = 0 then interval '-1 hour' else interval '1 hour' end,
                           now() - interval '1 day'
                    from generate_series(0, 1002) as i""");
        }
        String officer = TestTokens.agencyOfficer("cap1", "CAP-AG");
        given().auth().oauth2(officer).queryParam("size", 20).when().get("/api/tasks")
                .then().statusCode(200).body("items.size()", equalTo(20))
                .body("total", equalTo(1000)).body("dueSoon", equalTo(1000)).body("overdue", equalTo(1))
                .body("totalCapped", equalTo(true));
        // Filtered below the cap, every figure is exact again.
        given().auth().oauth2(officer).queryParam("status", "COMPLETED").when().get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(0)).body("totalCapped", equalTo(false));
        given().auth().oauth2(TUPHAP1).when().get("/api/tasks")
                .then().statusCode(200).body("totalCapped", equalTo(false));
    }

    @Test
    void receivedDossierLandsInTheJusticeInboxOnly() {
        String code = code(1);
        receive(code, sequentialPlan());
        String taskId = awaitTask(code, TUPHAP1);

        given().auth().oauth2(TUPHAP1).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items[0].dossierCode", equalTo(code))
                .body("items[0].agency", equalTo(JUSTICE))
                .body("items[0].status", equalTo("ASSIGNED"))
                .body("items[0].dueAt", equalTo("2025-11-25T17:00:00+07:00"))
                .body("items[0].claimedBy", nullValue());

        // Another agency's officer: nothing in the list, 404 on the task, as if it did not exist.
        given().auth().oauth2(CONGAN1).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        given().auth().oauth2(CONGAN1).when().get("/api/tasks/{id}", taskId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:not-found"));
        claim(CONGAN1, taskId).statusCode(404);
        complete(CONGAN1, taskId, "APPROVED", null).statusCode(404);

        // Supervisors see every agency's tasks, read-only.
        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200).body("items.agency", contains(JUSTICE));
        given().auth().oauth2(SUPERVISOR1).when().get("/api/tasks/{id}", taskId)
                .then().statusCode(200).body("stepId", equalTo("khai-sinh"));
        claim(SUPERVISOR1, taskId).statusCode(403).contentType("application/problem+json");

        // Citizens have no business here; without a token nobody does.
        given().auth().oauth2(TestTokens.citizen("citizen1", "001099012345")).when().get("/api/tasks")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.citizen("citizen1", "001099012345")).when().get("/api/tasks/{id}", taskId)
                .then().statusCode(403);
        given().when().get("/api/tasks").then().statusCode(401);
        given().when().post("/api/tasks/{id}/claim", taskId).then().statusCode(401);

        List<CloudEvent<JsonNode>> events = awaitEvents(code, has(EventTypes.TASK_ASSIGNED.type()));
        JsonNode routed = only(events, EventTypes.DOSSIER_ROUTED.type()).data();
        assertEquals(3, routed.path("steps").size());
        assertEquals("2025-11-26T17:00:00+07:00", routed.path("steps").get(1).path("dueAt").asText());
        assertEquals("2025-11-27T17:00:00+07:00", routed.path("steps").get(2).path("dueAt").asText());
        assertEquals("2025-11-27T17:00:00+07:00", routed.path("dueAt").asText());
        JsonNode assigned = only(events, EventTypes.TASK_ASSIGNED.type()).data();
        assertEquals(taskId, assigned.path("taskId").asText());
        assertEquals(UNIT, assigned.path("handedOverBy").asText());
        assertEquals("routing-service", events.get(0).source());
    }

    /**
     * Issue 20, item 5: a same-day procedure received after the unit's cut-off counts from the next working day's
     * opening, which intake puts on the event as countsFrom: its step is scheduled from there (Monday 07:30 + 4 working
     * hours = 11:30), not from the receipt (Friday 15:30 + 4 working hours would be Monday 10:00).
     */
    @Test
    void aSameDayDossierReceivedAfterTheCutOffIsScheduledFromTheNextWorkingDay() {
        String code = code(20);
        OffsetDateTime friday = OffsetDateTime.parse("2025-11-28T15:30:00+07:00");
        OffsetDateTime monday = OffsetDateTime.parse("2025-12-01T07:30:00+07:00");
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot(JUSTICE, List.of(PlanStage.single(new PlanStep("trong-ngay",
                JUSTICE, "UBND phường Ba Đình — Tư pháp, hộ tịch", "Giải quyết trong ngày", StatutoryTime.workingHours(4)))));
        DossierReceived payload = new DossierReceived(code, "TN-TRONG-NGAY", 1, "Thủ tục giải quyết trong ngày",
                ReceptionChannel.COUNTER, UNIT, "counter1", friday, OffsetDateTime.parse("2025-12-01T11:30:00+07:00"),
                StatutoryTime.workingHours(4), new Applicant("Nguyễn Thị Hoa", "0912345678", null, null), null, "482913",
                plan, null, null, null, 1, monday);
        send(code, EventJson.write(new CloudEvent<>(null, UUID.randomUUID(), "intake-service", DossierReceived.TYPE, code,
                OffsetDateTime.now(EventJson.VIETNAM), null, payload, null)));
        awaitTask(code, TUPHAP1);
        given().auth().oauth2(TUPHAP1).queryParam("dossier", code).when().get("/api/tasks").then().statusCode(200)
                .body("items[0].dueAt", equalTo("2025-12-01T11:30:00+07:00"));
    }

    @Test
    void claimAndCompleteThroughThreeAgenciesEndsProcessed() {
        String code = code(2);
        receive(code, sequentialPlan());
        String justiceTask = awaitTask(code, TUPHAP1);

        claim(TUPHAP1, justiceTask).statusCode(200).body("status", equalTo("CLAIMED"))
                .body("claimedBy", equalTo("tuphap1"));
        claim(TUPHAP1, justiceTask).statusCode(200).body("claimedBy", equalTo("tuphap1"));
        claim(TUPHAP2, justiceTask).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:task-claimed-by-other"));
        complete(TUPHAP2, justiceTask, "APPROVED", null).statusCode(409);
        complete(TUPHAP1, justiceTask, "APPROVED", "Đã cấp giấy khai sinh").statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("APPROVED"))
                .body("completedBy", equalTo("tuphap1"));
        complete(TUPHAP1, justiceTask, "APPROVED", null).statusCode(409)
                .body("type", equalTo("urn:motcua:problem:task-completed"));

        // The police task opens with its own due date; completing it unclaimed claims it implicitly.
        String policeTask = awaitTask(code, CONGAN1);
        given().auth().oauth2(CONGAN1).when().get("/api/tasks/{id}", policeTask)
                .then().statusCode(200).body("dueAt", equalTo("2025-11-26T17:00:00+07:00"));
        complete(CONGAN1, policeTask, "APPROVED", null).statusCode(200)
                .body("claimedBy", equalTo("congan1")).body("status", equalTo("COMPLETED"));

        String insuranceTask = awaitTask(code, BHXH1);
        claim(BHXH1, insuranceTask).statusCode(200);
        complete(BHXH1, insuranceTask, "APPROVED", "Đã cấp thẻ BHYT").statusCode(200);

        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", code).queryParam("status", "COMPLETED")
                .when().get("/api/tasks").then().statusCode(200).body("total", equalTo(3))
                .body("items.agency", contains(JUSTICE, POLICE, INSURANCE));
        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", code).queryParam("status", "assigned")
                .when().get("/api/tasks").then().statusCode(200).body("total", equalTo(0));

        List<CloudEvent<JsonNode>> events = awaitEvents(code, has(EventTypes.DOSSIER_PROCESSED.type()));
        JsonNode processed = only(events, EventTypes.DOSSIER_PROCESSED.type()).data();
        assertEquals("APPROVED", processed.path("outcome").asText());
        assertEquals(JUSTICE, processed.path("leadAgencyCode").asText());
        assertEquals("2025-11-27T17:00:00+07:00", processed.path("dueAt").asText());
        assertEquals(1, count(events, EventTypes.DOSSIER_ROUTED.type()));
        assertEquals(3, count(events, EventTypes.TASK_ASSIGNED.type()));
        assertEquals(3, count(events, EventTypes.TASK_CLAIMED.type()));
        assertEquals(3, count(events, EventTypes.TASK_COMPLETED.type()));
        // One dossier's events keep their order on the topic: the decision comes last.
        assertEquals(EventTypes.DOSSIER_PROCESSED.type(), events.get(events.size() - 1).type());
        List<String> handovers = events.stream().filter(e -> e.type().equals(EventTypes.TASK_ASSIGNED.type()))
                .map(e -> e.data().path("handedOverBy").asText()).toList();
        assertEquals(List.of(UNIT, JUSTICE, POLICE), handovers);
    }

    @Test
    void aRejectionEndsTheDossierWithItsReason() {
        String code = code(3);
        receive(code, sequentialPlan());
        String justiceTask = awaitTask(code, TUPHAP1);

        complete(TUPHAP1, justiceTask, "REJECTED", null).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:rejection-reason-required"));
        complete(TUPHAP1, justiceTask, "REJECTED", "Giấy chứng sinh không hợp lệ").statusCode(200)
                .body("outcome", equalTo("REJECTED"));

        List<CloudEvent<JsonNode>> events = awaitEvents(code, has(EventTypes.DOSSIER_PROCESSED.type()));
        JsonNode processed = only(events, EventTypes.DOSSIER_PROCESSED.type()).data();
        assertEquals("REJECTED", processed.path("outcome").asText());
        assertEquals("Giấy chứng sinh không hợp lệ", processed.path("note").asText());
        assertEquals(1, count(events, EventTypes.TASK_ASSIGNED.type()), "no stage after a rejection");
        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void parallelStageFansOutAndInAndARejectionClosesTheSibling() {
        String approved = code(4);
        receive(approved, parallelPlan());
        complete(TUPHAP1, awaitTask(approved, TUPHAP1), "APPROVED", null).statusCode(200);
        String policeTask = awaitTask(approved, CONGAN1);
        String insuranceTask = awaitTask(approved, BHXH1);
        given().auth().oauth2(CONGAN1).when().get("/api/tasks/{id}", policeTask)
                .then().body("dueAt", equalTo("2025-11-27T17:00:00+07:00"));
        given().auth().oauth2(BHXH1).when().get("/api/tasks/{id}", insuranceTask)
                .then().body("dueAt", equalTo("2025-11-26T17:00:00+07:00"));
        complete(CONGAN1, policeTask, "APPROVED", null).statusCode(200);
        complete(BHXH1, insuranceTask, "APPROVED", null).statusCode(200);
        List<CloudEvent<JsonNode>> events = awaitEvents(approved, has(EventTypes.DOSSIER_PROCESSED.type()));
        assertEquals("APPROVED", only(events, EventTypes.DOSSIER_PROCESSED.type()).data().path("outcome").asText());
        assertEquals(3, count(events, EventTypes.TASK_ASSIGNED.type()));
        // The decision waited for the second parallel task.
        int lastCompleted = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type().equals(EventTypes.TASK_COMPLETED.type())) {
                lastCompleted = i;
            }
        }
        assertTrue(lastCompleted < events.size() - 1
                && events.get(events.size() - 1).type().equals(EventTypes.DOSSIER_PROCESSED.type()));

        String rejected = code(5);
        receive(rejected, parallelPlan());
        complete(TUPHAP1, awaitTask(rejected, TUPHAP1), "APPROVED", null).statusCode(200);
        String rejectingTask = awaitTask(rejected, CONGAN1);
        String siblingTask = awaitTask(rejected, BHXH1);
        complete(CONGAN1, rejectingTask, "REJECTED", "Không đủ điều kiện đăng ký thường trú").statusCode(200);
        given().auth().oauth2(BHXH1).when().get("/api/tasks/{id}", siblingTask)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        complete(BHXH1, siblingTask, "APPROVED", null).statusCode(409)
                .body("type", equalTo("urn:motcua:problem:task-cancelled"));
        JsonNode processed = only(awaitEvents(rejected, has(EventTypes.DOSSIER_PROCESSED.type())),
                EventTypes.DOSSIER_PROCESSED.type()).data();
        assertEquals("REJECTED", processed.path("outcome").asText());
        assertEquals("Không đủ điều kiện đăng ký thường trú", processed.path("note").asText());
    }

    @Test
    void aRedeliveredReceivedCreatesNothingTwice() throws SQLException {
        String code = code(6);
        UUID eventId = UUID.randomUUID();
        String json = receivedJson(code, eventId, sequentialPlan());
        send(code, json);
        send(code, json);
        // The same reception published again under a new event id (e.g. intake's relay retried a lost row).
        send(code, receivedJson(code, UUID.randomUUID(), sequentialPlan()));
        // A later event on the same key, recorded once applied: everything before it has been handled.
        UUID marker = UUID.randomUUID();
        send(code, EventJson.write(new CloudEvent<>(null, marker, "intake-service", DossierWithdrawn.TYPE, code,
                OffsetDateTime.now(EventJson.VIETNAM), null,
                new DossierWithdrawn(code, OffsetDateTime.now(EventJson.VIETNAM), "counter1", "thử nghiệm"), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));

        assertTrue(processed(eventId));
        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(1));
        assertEquals(0, deadLetters());
        List<CloudEvent<JsonNode>> events = awaitEvents(code, has(EventTypes.TASK_ASSIGNED.type()));
        assertEquals(1, count(events, EventTypes.DOSSIER_ROUTED.type()));
        assertEquals(1, count(events, EventTypes.TASK_ASSIGNED.type()));
    }

    @Test
    void concurrentClaimsHaveExactlyOneWinner() throws Exception {
        String code = code(7);
        receive(code, sequentialPlan());
        String taskId = awaitTask(code, TUPHAP1);

        List<String> users = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            users.add("tuphap-c" + i);
        }
        List<Integer> statuses = race(users, user -> post(taskId, "claim", TestTokens.agencyOfficer(user, JUSTICE), null));
        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(7, Collections.frequency(statuses, 409), statuses.toString());
        String winner = users.get(statuses.indexOf(200));
        given().auth().oauth2(SUPERVISOR1).when().get("/api/tasks/{id}", taskId)
                .then().statusCode(200).body("claimedBy", equalTo(winner));

        // Concurrent completions of an unclaimed task: one decides it, and the next stage opens once.
        String second = code(8);
        receive(second, sequentialPlan());
        String unclaimed = awaitTask(second, TUPHAP1);
        List<String> officers = List.of("tuphap1", "tuphap2", "tuphap3", "tuphap4");
        List<Integer> completions = race(officers, user -> post(unclaimed, "complete",
                TestTokens.agencyOfficer(user, JUSTICE), "{\"outcome\":\"APPROVED\"}"));
        assertEquals(1, Collections.frequency(completions, 200), completions.toString());
        assertEquals(3, Collections.frequency(completions, 409), completions.toString());
        awaitTask(second, CONGAN1);
        List<CloudEvent<JsonNode>> events = awaitEvents(second, e -> count(e, EventTypes.TASK_ASSIGNED.type()) >= 2);
        assertEquals(2, count(events, EventTypes.TASK_ASSIGNED.type()));
        assertEquals(1, count(events, EventTypes.TASK_COMPLETED.type()));
        given().auth().oauth2(SUPERVISOR1).queryParam("dossier", second).when().get("/api/tasks")
                .then().body("total", equalTo(2));
    }

    @Test
    void badInputAnswersProblemDetails() {
        String code = code(9);
        receive(code, sequentialPlan());
        String taskId = awaitTask(code, TUPHAP1);

        given().auth().oauth2(TUPHAP1).contentType(ContentType.JSON).body("{\"outcome\": ")
                .when().post("/api/tasks/{id}/complete", taskId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:malformed-request"));
        given().auth().oauth2(TUPHAP1).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .when().post("/api/tasks/{id}/complete", taskId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("outcome"));
        given().auth().oauth2(TUPHAP1).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tasks/{id}/complete", taskId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:validation-failed"));
        given().auth().oauth2(TUPHAP1).contentType(ContentType.JSON)
                .when().post("/api/tasks/{id}/complete", taskId)
                .then().statusCode(400).contentType("application/problem+json");

        for (Map.Entry<String, String> bad : List.of(Map.entry("size", "0"), Map.entry("size", "501"),
                Map.entry("page", "-1"), Map.entry("page", "abc"), Map.entry("status", "DONE"))) {
            given().auth().oauth2(TUPHAP1).queryParam(bad.getKey(), bad.getValue()).when().get("/api/tasks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:motcua:problem:validation-failed"))
                    .body("errors.field", contains(bad.getKey()));
        }
        given().auth().oauth2(TUPHAP1).queryParam("size", "500").queryParam("page", "3").when().get("/api/tasks")
                .then().statusCode(200).body("size", equalTo(500)).body("page", equalTo(3)).body("items", empty());

        given().auth().oauth2(TUPHAP1).when().get("/api/tasks/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TUPHAP1).when().post("/api/tasks/{id}/claim", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // Nothing of that changed the task.
        given().auth().oauth2(TUPHAP1).when().get("/api/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    interface Request {
        int send(String user) throws Exception;
    }

    /** Starts one request per user at the same moment; the statuses in the users' order. */
    static List<Integer> race(List<String> users, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String user : users) {
                Callable<Integer> call = () -> {
                    start.await();
                    return request.send(user);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    int post(String taskId, String action, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tasks + "/" + taskId + "/" + action))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    boolean processed(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    int deadLetters() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from dead_letter_event")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
