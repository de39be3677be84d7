package vn.motcua.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.StepFlow;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.routing.api.TaskFlowTest.JUSTICE;
import static vn.motcua.routing.api.TaskFlowTest.POLICE;
import static vn.motcua.routing.api.TaskFlowTest.UNIT;

/**
 * Work inside an agency (issue 24) on real PostgreSQL and Kafka: the head's assignment and the officers'
 * inboxes, the draft-review-sign flow of a step with its document number (concurrent signers never share one),
 * delegation of signing in and out of its period, the workload per officer, and the events of each transition.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AgencyWorkTest {
    static final String TUPHAP1 = TaskFlowTest.TUPHAP1;
    static final String TUPHAP2 = TaskFlowTest.TUPHAP2;
    static final String LEAD = lead("tuphap-lead1", JUSTICE);
    /** A deputy head of the same office: the second signer of the concurrency test. */
    static final String DEPUTY = lead("tuphap-lead2", JUSTICE);
    static final String POLICE_LEAD = lead("congan-lead1", POLICE);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    vn.motcua.routing.TestClock clock;

    RoutingKit kit;

    static String lead(String user, String agency) {
        return TestTokens.token(user, Set.of("agency-officer", "agency-lead"), Map.of("agency", agency));
    }

    @BeforeEach
    void kit() {
        kit = new RoutingKit(bootstrap);
        kit.catalogue(dataSource);
    }

    static String code(int sequence) {
        return String.format("%s-261204-%04d", UNIT, sequence);
    }

    /** The newborn plan with the justice step drafted, reviewed and signed (or plain). */
    static RoutingPlanSnapshot plan(StepFlow justiceFlow) {
        PlanStep khaiSinh = new PlanStep("khai-sinh", JUSTICE, "UBND phường Ba Đình — Tư pháp, hộ tịch",
                "Đăng ký khai sinh", StatutoryTime.workingDays(1), justiceFlow);
        return new RoutingPlanSnapshot(JUSTICE, List.of(PlanStage.single(khaiSinh),
                PlanStage.single(TaskFlowTest.thuongTru(1)), PlanStage.single(TaskFlowTest.theBhyt())));
    }

    String receive(String code, StepFlow flow) {
        kit.receive(code, plan(flow), "LT-KS-TT-BHYT", TaskFlowTest.RECEIVED,
                TaskFlowTest.RECEIVED.plusDays(3), 3);
        return kit.awaitTask(code, LEAD);
    }

    static ValidatableResponse post(String token, String path, Object id, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when();
        return (id == null ? request.post(path) : request.post(path, id)).then();
    }

    static ValidatableResponse assign(String token, String task, String officer) {
        return post(token, "/api/tasks/{id}/assign", task, "{\"officer\":\"" + officer + "\"}");
    }

    static List<String> inbox(String token, String code) {
        return given().auth().oauth2(token).queryParam("dossier", code).when().get("/api/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    /** Drafted by tuphap2 and passed by tuphap1: waiting for the signature. */
    String awaitingSignature(int sequence) {
        String task = receive(code(sequence), StepFlow.DRAFT_REVIEW_SIGN);
        assign(LEAD, task, "tuphap2").statusCode(200);
        post(TUPHAP2, "/api/tasks/{id}/draft", task, "{\"outcome\":\"APPROVED\",\"note\":\"Dự thảo\"}").statusCode(200);
        post(TUPHAP1, "/api/tasks/{id}/review", task, "{\"decision\":\"PASS\"}").statusCode(200)
                .body("phase", equalTo("AWAITING_SIGNATURE"));
        return task;
    }

    // ---- assignment -----------------------------------------------------------------------------------

    @Test
    void theHeadAssignsAndReassignsAndAnotherOfficersActionsAnswer409() {
        String code = code(1);
        String task = receive(code, StepFlow.PLAIN);
        // Before assignment every officer of the agency sees the task, as today.
        assertTrue(inbox(TUPHAP1, code).contains(task));

        assign(TUPHAP1, task, "tuphap2").statusCode(403);
        assign(POLICE_LEAD, task, "congan1").statusCode(404);
        assign(LEAD, task, " ").statusCode(400);
        assign(LEAD, task, "tuphap2").statusCode(200).body("claimedBy", equalTo("tuphap2"))
                .body("assignedTo", equalTo("tuphap2")).body("status", equalTo("CLAIMED"))
                .body("work.assignedBy", equalTo("tuphap-lead1"));

        // tuphap1 no longer sees it, cannot take or decide it; tuphap2 and the head see it.
        assertTrue(!inbox(TUPHAP1, code).contains(task));
        assertTrue(inbox(TUPHAP2, code).contains(task));
        assertTrue(inbox(LEAD, code).contains(task));
        post(TUPHAP1, "/api/tasks/{id}/claim", task, "").statusCode(409);
        post(TUPHAP1, "/api/tasks/{id}/complete", task, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("type", equalTo("urn:motcua:problem:task-claimed-by-other"));

        // The head's workload shows who holds what.
        given().auth().oauth2(LEAD).when().get("/api/tasks/workload").then().statusCode(200)
                .body("items.find { it.officer == 'tuphap2' }.open", notNullValue());
        given().auth().oauth2(TUPHAP1).when().get("/api/tasks/workload").then().statusCode(403);

        // A supervisor's reassignment of an assigned task makes the new officer the assignee: their inbox lists it.
        post(TaskFlowTest.SUPERVISOR1, "/api/tasks/{id}/reassign", task, "{\"officer\":\"tuphap3\"}").statusCode(200);
        assertTrue(inbox(TestTokens.agencyOfficer("tuphap3", JUSTICE), code).contains(task));
        assertTrue(!inbox(TUPHAP2, code).contains(task));

        // Reassigned to tuphap1 (tuphap2 is away): now tuphap2's action answers 409 and tuphap1 decides.
        assign(LEAD, task, "tuphap1").statusCode(200).body("claimedBy", equalTo("tuphap1"));
        post(TUPHAP2, "/api/tasks/{id}/complete", task, "{\"outcome\":\"APPROVED\"}").statusCode(409);
        post(TUPHAP1, "/api/tasks/{id}/complete", task, "{\"outcome\":\"APPROVED\",\"note\":\"Xong\"}")
                .statusCode(200).body("status", equalTo("COMPLETED"));
        // A closed task is not assigned any more.
        assign(LEAD, task, "tuphap2").statusCode(409);

        List<CloudEvent<JsonNode>> events = kit.awaitEvents(code, list -> list.stream()
                .filter(e -> e.type().equals("vn.motcua.task.officer-assigned.v1")).count() == 2);
        List<JsonNode> assigned = events.stream().filter(e -> e.type().equals("vn.motcua.task.officer-assigned.v1"))
                .map(CloudEvent::data).toList();
        assertEquals("tuphap2", assigned.get(0).get("officer").asText());
        assertEquals("tuphap-lead1", assigned.get(0).get("assignedBy").asText());
        assertEquals("tuphap1", assigned.get(1).get("officer").asText());
        assertEquals("tuphap3", assigned.get(1).get("previousOfficer").asText());
    }

    @Test
    void aPlainStepIgnoresTheInnerFlowAndAnInnerFlowStepRefusesAPlainCompletion() {
        String plain = receive(code(2), StepFlow.PLAIN);
        post(TUPHAP1, "/api/tasks/{id}/draft", plain, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("type", equalTo("urn:motcua:problem:plain-step"));
        String signed = receive(code(3), StepFlow.DRAFT_REVIEW_SIGN);
        post(TUPHAP1, "/api/tasks/{id}/complete", signed, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("type", equalTo("urn:motcua:problem:signature-required"));
        // Nothing was half-written: the refused completion did not even keep the implicit claim.
        given().auth().oauth2(LEAD).when().get("/api/tasks/{id}", signed).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("claimedBy", nullValue());
    }

    // ---- draft -> review -> sign --------------------------------------------------------------------------

    @Test
    void draftReviewSendBackFixPassAndTheHeadSignsWithANumber() {
        String code = code(4);
        String task = receive(code, StepFlow.DRAFT_REVIEW_SIGN);
        assign(LEAD, task, "tuphap2").statusCode(200);

        post(TUPHAP2, "/api/tasks/{id}/draft", task, "{\"outcome\":\"REJECTED\"}").statusCode(400)
                .body("type", equalTo("urn:motcua:problem:rejection-reason-required"));
        post(TUPHAP1, "/api/tasks/{id}/draft", task, "{\"outcome\":\"APPROVED\"}").statusCode(409);
        post(LEAD, "/api/tasks/{id}/sign", task, "").statusCode(409)
                .body("type", equalTo("urn:motcua:problem:not-awaiting-signature"));
        post(TUPHAP2, "/api/tasks/{id}/draft", task, "{\"outcome\":\"APPROVED\",\"note\":\"Dự thảo lần 1\"}")
                .statusCode(200).body("phase", equalTo("IN_REVIEW")).body("work.draftedBy", equalTo("tuphap2"));
        post(TUPHAP2, "/api/tasks/{id}/draft", task, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("type", equalTo("urn:motcua:problem:draft-submitted"));
        // The drafter does not review their own draft; a send-back needs its reason.
        post(TUPHAP2, "/api/tasks/{id}/review", task, "{\"decision\":\"PASS\"}").statusCode(403);
        post(TUPHAP1, "/api/tasks/{id}/review", task, "{\"decision\":\"SEND_BACK\"}").statusCode(400);
        post(TUPHAP1, "/api/tasks/{id}/review", task, "{\"decision\":\"MAYBE\"}").statusCode(400);
        post(TUPHAP1, "/api/tasks/{id}/review", task, "{\"decision\":\"SEND_BACK\",\"reason\":\"Sai tên cha\"}")
                .statusCode(200).body("phase", equalTo("DRAFTING")).body("work.sentBackReason", equalTo("Sai tên cha"));
        post(LEAD, "/api/tasks/{id}/sign", task, "").statusCode(409);
        post(TUPHAP2, "/api/tasks/{id}/draft", task, "{\"outcome\":\"APPROVED\",\"note\":\"Đã sửa tên cha\"}")
                .statusCode(200).body("phase", equalTo("IN_REVIEW"));
        post(TUPHAP1, "/api/tasks/{id}/review", task, "{\"decision\":\"PASS\"}").statusCode(200)
                .body("phase", equalTo("AWAITING_SIGNATURE"));
        // An officer without a delegation may not sign; another agency's head does not even see the task.
        post(TUPHAP1, "/api/tasks/{id}/sign", task, "").statusCode(403)
                .body("type", equalTo("urn:motcua:problem:no-signing-authority"));
        post(POLICE_LEAD, "/api/tasks/{id}/sign", task, "").statusCode(404);

        int year = LocalDate.now(EventJson.VIETNAM).getYear();
        String number = post(LEAD, "/api/tasks/{id}/sign", task, "").statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("APPROVED"))
                .body("completedBy", equalTo("tuphap-lead1")).body("note", equalTo("Đã sửa tên cha"))
                .body("work.signedBy", equalTo("tuphap-lead1")).body("work.signature", nullValue())
                .body("work.documentDate", equalTo(LocalDate.now(EventJson.VIETNAM).toString()))
                .extract().path("work.documentNumber");
        assertTrue(number.matches("\\d+/" + year + "/" + JUSTICE), number);
        post(LEAD, "/api/tasks/{id}/sign", task, "").statusCode(409);
        // The dossier moved on to the police.
        kit.awaitTask(code, TaskFlowTest.CONGAN1);

        List<String> types = kit.awaitEvents(code, list -> list.stream()
                .anyMatch(e -> e.type().equals("vn.motcua.task.completed.v1"))).stream().map(CloudEvent::type).toList();
        assertEquals(List.of("vn.motcua.task.officer-assigned.v1", "vn.motcua.task.drafted.v1",
                "vn.motcua.task.reviewed.v1", "vn.motcua.task.drafted.v1", "vn.motcua.task.reviewed.v1",
                "vn.motcua.task.signed.v1", "vn.motcua.task.completed.v1"), types.stream()
                .filter(t -> t.startsWith("vn.motcua.task.") && !t.equals("vn.motcua.task.assigned.v1")).toList());
        JsonNode completed = kit.awaitEvents(code, list -> true).stream()
                .filter(e -> e.type().equals("vn.motcua.task.completed.v1")).findFirst().orElseThrow().data();
        assertEquals(number, completed.get("resultData").get("documentNumber").asText());

        // Form 06 as JSON: the justice row says who assigned, drafted, sent back, passed and signed, and when.
        given().auth().oauth2(TUPHAP1).when().get("/api/dossiers/{code}/control-sheet", code).then().statusCode(200)
                .body("rows[0].activities.action", equalTo(List.of("ASSIGNED", "DRAFTED", "SENT_BACK", "DRAFTED",
                        "REVIEWED", "SIGNED")))
                .body("rows[0].activities.by", equalTo(List.of("tuphap-lead1", "tuphap2", "tuphap1", "tuphap2",
                        "tuphap1", "tuphap-lead1")))
                .body("rows[0].activities[2].note", equalTo("Sai tên cha"))
                .body("rows[0].activities[5].label", equalTo("Ký duyệt"))
                .body("rows[1].activities", nullValue());
    }

    @Test
    void twoHeadsSigningAtOnceNeverGetTheSameNumber() throws Exception {
        int pairs = 6;
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < pairs * 2; i++) {
            tasks.add(awaitingSignature(20 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                String task = tasks.get(i);
                String signer = i % 2 == 0 ? LEAD : DEPUTY;
                Callable<String> sign = () -> {
                    start.await();
                    return post(signer, "/api/tasks/{id}/sign", task, "").statusCode(200)
                            .extract().path("work.documentNumber");
                };
                numbers.add(pool.submit(sign));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> n : numbers) {
                distinct.add(n.get());
            }
            assertEquals(tasks.size(), distinct.size(), "numbers issued twice: " + distinct);
        } finally {
            pool.shutdownNow();
        }
        // Two signers racing on one task: exactly one wins.
        String task = awaitingSignature(40);
        ExecutorService race = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> codes = new ArrayList<>();
            for (String signer : List.of(LEAD, DEPUTY)) {
                codes.add(race.submit(() -> {
                    start.await();
                    return given().auth().oauth2(signer).contentType(ContentType.JSON).when()
                            .post("/api/tasks/{id}/sign", task).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : codes) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            race.shutdownNow();
        }
    }

    // ---- absence and reports -------------------------------------------------------------------------

    @Test
    void anAbsentOfficersOpenTasksGoToAnotherInOneAction() {
        String first = receive(code(60), StepFlow.PLAIN);
        String second = receive(code(61), StepFlow.DRAFT_REVIEW_SIGN);
        // tuphap4 is an officer no other test uses: what they hold is exactly these two.
        assign(LEAD, first, "tuphap4").statusCode(200);
        assign(LEAD, second, "tuphap4").statusCode(200);
        given().auth().oauth2(LEAD).when().get("/api/tasks/workload").then().statusCode(200)
                .body("items.find { it.officer == 'tuphap4' }.open", equalTo(2));

        post(TUPHAP1, "/api/tasks/bulk-reassign", null, "{\"from\":\"tuphap4\",\"to\":\"tuphap1\"}").statusCode(403);
        post(LEAD, "/api/tasks/bulk-reassign", null, "{\"from\":\"tuphap4\",\"to\":\"tuphap4\"}").statusCode(400);
        post(LEAD, "/api/tasks/bulk-reassign", null, "{\"from\":\"tuphap4\"}").statusCode(400);
        List<String> moved = post(LEAD, "/api/tasks/bulk-reassign", null, "{\"from\":\"tuphap4\",\"to\":\"tuphap1\"}")
                .statusCode(200).body("from", equalTo("tuphap4")).body("to", equalTo("tuphap1"))
                .extract().jsonPath().getList("taskIds");
        assertEquals(Set.of(first, second), new HashSet<>(moved));
        for (String task : List.of(first, second)) {
            given().auth().oauth2(LEAD).when().get("/api/tasks/{id}", task).then().statusCode(200)
                    .body("claimedBy", equalTo("tuphap1")).body("assignedTo", equalTo("tuphap1"));
        }
        given().auth().oauth2(LEAD).when().get("/api/tasks/workload").then().statusCode(200)
                .body("items.officer", not(hasItem("tuphap4")));
        // Nothing more to move: an empty answer, not an error.
        post(LEAD, "/api/tasks/bulk-reassign", null, "{\"from\":\"tuphap4\",\"to\":\"tuphap1\"}").statusCode(200)
                .body("taskIds.size()", equalTo(0));
        JsonNode event = kit.awaitEvents(code(61), list -> list.stream()
                        .filter(e -> e.type().equals("vn.motcua.task.officer-assigned.v1")).count() == 2).stream()
                .filter(e -> e.type().equals("vn.motcua.task.officer-assigned.v1")).toList().get(1).data();
        assertEquals("tuphap4", event.get("previousOfficer").asText());
        assertEquals("tuphap1", event.get("officer").asText());
    }

    @Test
    void theHeadsReportCountsEachOfficersStepsEarlyOnTimeAndLate() {
        String officer = TestTokens.agencyOfficer("tuphap-report", JUSTICE);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = receive(code(70 + i), StepFlow.PLAIN);
            assign(LEAD, task, "tuphap-report").statusCode(200);
            tasks.add(task);
        }
        java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(given().auth().oauth2(LEAD).when()
                .get("/api/tasks/{id}", tasks.get(0)).then().statusCode(200).extract().path("dueAt"));
        // The same step due at the same time: finished the day before, an hour before, an hour after.
        List<java.time.OffsetDateTime> finished = List.of(due.minusDays(1), due.minusHours(1), due.plusHours(1));
        try {
            for (int i = 0; i < 3; i++) {
                clock.set(finished.get(i));
                post(officer, "/api/tasks/{id}/complete", tasks.get(i), "{\"outcome\":\"APPROVED\"}").statusCode(200);
            }
        } finally {
            clock.reset();
        }
        LocalDate from = due.minusDays(1).atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        LocalDate to = due.atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        given().auth().oauth2(LEAD).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/reports/officers").then().statusCode(200)
                .body("items.findAll { it.officer == 'tuphap-report' }.size()", equalTo(1))
                .body("items.find { it.officer == 'tuphap-report' }.stepId", equalTo("khai-sinh"))
                .body("items.find { it.officer == 'tuphap-report' }.completed", equalTo(3))
                .body("items.find { it.officer == 'tuphap-report' }.early", equalTo(1))
                .body("items.find { it.officer == 'tuphap-report' }.onTime", equalTo(1))
                .body("items.find { it.officer == 'tuphap-report' }.late", equalTo(1));
        // The day before the first: nothing of theirs.
        given().auth().oauth2(LEAD).queryParam("from", from.minusDays(1).toString())
                .queryParam("to", from.minusDays(1).toString()).when().get("/api/reports/officers").then()
                .statusCode(200).body("items.officer", not(hasItem("tuphap-report")));
        given().auth().oauth2(TUPHAP1).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/reports/officers").then().statusCode(403);
        given().auth().oauth2(POLICE_LEAD).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/reports/officers").then().statusCode(200)
                .body("items.officer", not(hasItem("tuphap-report")));
        given().auth().oauth2(LEAD).queryParam("from", to.toString()).queryParam("to", from.toString())
                .when().get("/api/reports/officers").then().statusCode(400);
        given().auth().oauth2(LEAD).queryParam("from", "2025-13-01").queryParam("to", to.toString())
                .when().get("/api/reports/officers").then().statusCode(400);
        given().auth().oauth2(LEAD).queryParam("from", "2024-01-01").queryParam("to", "2025-06-01")
                .when().get("/api/reports/officers").then().statusCode(400);
    }

    // ---- delegation ------------------------------------------------------------------------------------

    @Test
    void aDelegateSignsKtDuringTheDelegationAndNotOutsideIt() {
        LocalDate today = LocalDate.now(EventJson.VIETNAM);
        // Validation and roles first: nothing is granted.
        post(TUPHAP1, "/api/delegations", null, delegation("tuphap2", today, today, "SIGN")).statusCode(403);
        post(LEAD, "/api/delegations", null, delegation("tuphap2", today, today.minusDays(1), "SIGN")).statusCode(400)
                .body("type", equalTo("urn:motcua:problem:delegation-period-invalid"));
        post(LEAD, "/api/delegations", null, delegation("tuphap2", today, today, "EVERYTHING")).statusCode(400);
        post(LEAD, "/api/delegations", null, delegation("tuphap-lead1", today, today, "SIGN")).statusCode(400);
        post(LEAD, "/api/delegations", null, "{\"delegate\":\"tuphap2\",\"from\":\"" + today + "\",\"to\":\""
                + today + "\",\"scope\":\"SIGN\"}").statusCode(400);

        String ended = post(LEAD, "/api/delegations", null,
                delegation("tuphap2", today.minusDays(5), today.minusDays(1), "SIGN")).statusCode(201)
                .body("active", equalTo(false)).extract().path("id");
        String first = awaitingSignature(50);
        post(TUPHAP2, "/api/tasks/{id}/sign", first, "").statusCode(403)
                .body("type", equalTo("urn:motcua:problem:no-signing-authority"));

        String key = java.util.UUID.randomUUID().toString();
        String current = given().auth().oauth2(LEAD).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(delegation("tuphap2", today, today, "SIGN")).when().post("/api/delegations").then()
                .statusCode(201).body("active", equalTo(true)).body("delegator", equalTo("tuphap-lead1"))
                .body("agency", equalTo(JUSTICE)).header("Idempotent-Replayed", "false").extract().path("id");
        // A retry with the same key answers the same delegation, and grants no second one.
        given().auth().oauth2(LEAD).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(delegation("tuphap2", today, today, "SIGN")).when().post("/api/delegations").then()
                .statusCode(201).body("id", equalTo(current)).header("Idempotent-Replayed", "true");
        post(TUPHAP2, "/api/tasks/{id}/sign", first, "").statusCode(200).body("work.signedBy", equalTo("tuphap2"))
                .body("work.signature", equalTo("KT.")).body("work.signedFor", equalTo("tuphap-lead1"))
                .body("work.documentNumber", notNullValue());

        // Listed for the agency (its officers may read them), not for another agency.
        given().auth().oauth2(TUPHAP1).when().get("/api/delegations").then().statusCode(200)
                .body("items.id", hasItem(current)).body("items.id", hasItem(ended)).body("page", equalTo(0));
        given().auth().oauth2(POLICE_LEAD).when().get("/api/delegations").then().statusCode(200)
                .body("items.id", not(hasItem(current)));
        given().auth().oauth2(POLICE_LEAD).when().delete("/api/delegations/{id}", current).then().statusCode(404);
        given().auth().oauth2(TUPHAP2).when().delete("/api/delegations/{id}", current).then().statusCode(403);

        // Revoked: the delegate signs no more; the row stays, marked, as the audit trail.
        given().auth().oauth2(LEAD).when().delete("/api/delegations/{id}", current).then().statusCode(200)
                .body("revokedBy", equalTo("tuphap-lead1")).body("active", equalTo(false));
        String second = awaitingSignature(51);
        post(TUPHAP2, "/api/tasks/{id}/sign", second, "").statusCode(403);
        given().auth().oauth2(LEAD).when().get("/api/delegations").then().statusCode(200)
                .body("items.find { it.id == '" + current + "' }.revokedAt", notNullValue());
        given().auth().oauth2(LEAD).when().delete("/api/delegations/{id}", "not-a-uuid").then().statusCode(404);
        // Audited: the grant and the revocation on the agency topic, keyed by the agency.
        List<CloudEvent<JsonNode>> audit = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> agencyEvents(current), list -> list.size() == 2);
        assertEquals(List.of("vn.motcua.delegation.granted.v1", "vn.motcua.delegation.revoked.v1"),
                audit.stream().map(CloudEvent::type).toList());
        assertEquals(JUSTICE, audit.get(0).subject());
        assertEquals("tuphap2", audit.get(0).data().get("delegate").asText());
        assertEquals("SIGN", audit.get(0).data().get("scope").asText());
        assertEquals(today.toString(), audit.get(0).data().get("validTo").asText());
        assertEquals("tuphap-lead1", audit.get(1).data().get("revokedBy").asText());

        // An ASSIGN delegation lets the delegate assign on the head's behalf (the event says for whom).
        post(LEAD, "/api/delegations", null, delegation("tuphap1", today, today.plusDays(3), "ASSIGN"))
                .statusCode(201);
        String code = code(52);
        String task = receive(code, StepFlow.PLAIN);
        assign(TUPHAP1, task, "tuphap2").statusCode(200).body("claimedBy", equalTo("tuphap2"));
        JsonNode assigned = kit.awaitEvents(code, list -> list.stream()
                        .anyMatch(e -> e.type().equals("vn.motcua.task.officer-assigned.v1"))).stream()
                .filter(e -> e.type().equals("vn.motcua.task.officer-assigned.v1")).findFirst().orElseThrow().data();
        assertEquals("tuphap-lead1", assigned.get("onBehalfOf").asText());
    }

    @Test
    void aSigningDelegationSaysWhichMarkTheDelegateSignsUnder() {
        LocalDate today = LocalDate.now(EventJson.VIETNAM);
        String grant = """
                {"delegate":"tuphap1","from":"%s","to":"%s","scope":"%s","reason":"Chánh văn phòng ký thừa lệnh",
                 "signAs":"%s"}""";
        // A mark is for signing only, and one of the three the law knows; nothing is granted otherwise.
        post(LEAD, "/api/delegations", null, grant.formatted(today, today, "ASSIGN", "TL")).statusCode(400)
                .body("errors.field", hasItem("signAs"));
        post(LEAD, "/api/delegations", null, grant.formatted(today, today, "SIGN", "KY_BUA")).statusCode(400);
        post(LEAD, "/api/delegations", null, grant.formatted(today, today, "SIGN", "TL")).statusCode(201)
                .body("signAs", equalTo("TL")).body("scope", equalTo("SIGN"));
        // Without a mark a signing delegation is a deputy's (KT.); an assignment carries none.
        post(LEAD, "/api/delegations", null, delegation("tuphap3", today, today, "SIGN")).statusCode(201)
                .body("signAs", equalTo("KT"));
        post(LEAD, "/api/delegations", null, delegation("tuphap3", today, today, "ASSIGN")).statusCode(201)
                .body("signAs", nullValue());

        String task = awaitingSignature(90);
        post(TUPHAP1, "/api/tasks/{id}/sign", task, "").statusCode(200).body("work.signedBy", equalTo("tuphap1"))
                .body("work.signature", equalTo("TL.")).body("work.signedFor", equalTo("tuphap-lead1"));
        // The event and Form 06 carry the mark the delegation gave, not a fixed "KT."
        JsonNode signed = kit.awaitEvents(code(90), list -> list.stream()
                        .anyMatch(e -> e.type().equals("vn.motcua.task.signed.v1"))).stream()
                .filter(e -> e.type().equals("vn.motcua.task.signed.v1")).findFirst().orElseThrow().data();
        assertEquals("TL.", signed.get("signature").asText());
        given().auth().oauth2(TUPHAP1).when().get("/api/dossiers/{code}/control-sheet", code(90)).then()
                .statusCode(200).body("rows[0].activities.find { it.action == 'SIGNED' }.signature", equalTo("TL."))
                .body("rows[0].activities.find { it.action == 'SIGNED' }.onBehalfOf", equalTo("tuphap-lead1"));
    }

    /** The agency topic's events about one delegation, in order. */
    List<CloudEvent<JsonNode>> agencyEvents(String delegationId) {
        return vn.motcua.testsupport.TopicReader.read(bootstrap, vn.motcua.shared.events.Topics.AGENCY, 1,
                        java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(5)).stream()
                .map(r -> EventJson.read(r.value()))
                .filter(e -> delegationId.equals(e.data().get("delegationId").asText())).toList();
    }

    static String delegation(String delegate, LocalDate from, LocalDate to, String scope) {
        return """
                {"delegate":"%s","from":"%s","to":"%s","scope":"%s","reason":"Lãnh đạo đi công tác"}"""
                .formatted(delegate, from, to, scope);
    }
}
