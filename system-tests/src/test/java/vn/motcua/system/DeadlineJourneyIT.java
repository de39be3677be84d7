package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.JUSTICE;
import static vn.motcua.system.Journeys.POLICE;

/**
 * A late step, without waiting days: routing's clock is moved through its test hook (PUT /api/admin/clock,
 * on only when the stack was started with MOTCUA_TEST_HOOKS=1, as test.sh does) → the agency is warned a
 * working day ahead → the step becomes overdue (the agency and the supervisors are told) → the agency at
 * fault apologises with a new date (Form 04; the citizen sees the new appointment and gets the letter) → a
 * second extension is refused (409). The clock is put back afterwards: the other system tests share the stack.
 */
class DeadlineJourneyIT {
    static final String RUN = Journeys.run();
    static final String PROCEDURE = "TN-HAN-" + RUN;
    static final Duration SWEPT = Duration.ofSeconds(60);

    @BeforeAll
    static void hookAndProcedure() {
        Journeys.requireClockHook();
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: thời hạn ngắn", 4, null,
                Journeys.single(Journeys.step("xac-minh", JUSTICE, "Xác minh", 3)),
                Journeys.single(Journeys.step("ket-luan", POLICE, "Kết luận", 1)));
    }

    @AfterAll
    static void realTime() {
        Journeys.realTime();
    }

    static void routingTimeIs(OffsetDateTime at) {
        Journeys.routingTimeIs(at);
    }

    static JsonPath inbox(String code) {
        return Stack.as("tuphap1").queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aLateStepIsWarnedThenOverdueThenApologisedForOnceOnly() {
        String email = Journeys.mailbox("tre");
        Response receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", email);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        Stack.awaitProjected(code);
        String task = Journeys.taskOf("tuphap1", code);
        OffsetDateTime stepDue = OffsetDateTime.parse(Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + task)
                .then().statusCode(200).extract().path("dueAt"));
        OffsetDateTime dossierDue = OffsetDateTime.parse(Journeys.routing(code).getString("dueAt"));
        assertTrue(stepDue.isBefore(dossierDue), stepDue + " / " + dossierDue);
        assertEquals(0, inbox(code).getInt("overdue"));
        List<Map<String, Object>> before = Journeys.deliveries(code);
        assertTrue(before.stream().noneMatch(d -> String.valueOf(d.get("eventType")).contains("deadline-warning")),
                "no warning while the step is days away: " + before);

        // Four hours before the step is due (17:00 of a working day): within the last working day → warning.
        routingTimeIs(stepDue.minusHours(4));
        Journeys.mailArrives("tuphap.badinh@example.vn", "[Một cửa] Sắp đến hạn: hồ sơ " + code);
        Journeys.delivered(code, "vn.motcua.dossier.deadline-warning.v1", "AGENCY", "DELIVERED");
        JsonPath warned = inbox(code);
        assertEquals(1, warned.getInt("dueSoon"));
        assertEquals(0, warned.getInt("overdue"));

        // An hour past it: the step is overdue; the agency and the supervisors are told.
        routingTimeIs(stepDue.plusHours(1));
        await().atMost(SWEPT).pollInterval(Journeys.POLL).untilAsserted(() ->
                assertTrue(Journeys.mail("tuphap.badinh@example.vn").contains("[Một cửa] Quá hạn: hồ sơ " + code)));
        Journeys.delivered(code, "vn.motcua.dossier.overdue.v1", "AGENCY", "DELIVERED");
        assertTrue(Journeys.deliveries(code).stream().anyMatch(d -> "vn.motcua.dossier.overdue.v1".equals(d.get("eventType"))
                && "SUPERVISOR".equals(d.get("audience"))), "the supervisors' rule ran");
        assertEquals(1, inbox(code).getInt("overdue"));

        // The agency at fault apologises with a new date (Form 04): the one new appointment.
        OffsetDateTime newDue = dossierDue.plusDays(7);
        Stack.as("tuphap1").contentType(ContentType.JSON).body("""
                        {"newDueAt":"%s","reason":"Phải xác minh thêm tại nơi cư trú cũ","apologyRef":"04/%s",
                         "signedBy":"Nguyễn Văn An","signerTitle":"Chủ tịch UBND phường"}""".formatted(newDue, RUN))
                .post(Stack.ROUTING + "/api/dossiers/" + code + "/extension").then().statusCode(200);
        JsonPath clock = Journeys.routing(code);
        assertTrue(OffsetDateTime.parse(clock.getString("extension.previousDueAt")).isEqual(dossierDue));
        assertTrue(OffsetDateTime.parse(clock.getString("dueAt")).isEqual(newDue));
        assertEquals(JUSTICE, clock.getString("extension.agency"));
        Journeys.pdf(Stack.as("tuphap1"), Stack.ROUTING + "/api/dossiers/" + code + "/apology");
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> assertTrue(OffsetDateTime.parse(
                Journeys.lookup(code, pin).getString("appointmentAt")).isEqual(newDue), "the citizen sees the new date"));
        Journeys.mailArrives(email, "Hồ sơ " + code + ": thư xin lỗi và hẹn lại ngày trả kết quả");

        // A new appointment may be given only once.
        Stack.as("tuphap1").contentType(ContentType.JSON).body("""
                        {"newDueAt":"%s","reason":"Lại chậm","signedBy":"Nguyễn Văn An"}""".formatted(newDue.plusDays(7)))
                .post(Stack.ROUTING + "/api/dossiers/" + code + "/extension").then().statusCode(409)
                .body("type", containsString("extension-already-granted"));
        assertTrue(OffsetDateTime.parse(Journeys.routing(code).getString("dueAt")).isEqual(newDue));
        // The police hold no task of it: to them the dossier is absent.
        Stack.as("congan1").contentType(ContentType.JSON).body("""
                        {"newDueAt":"%s","reason":"Lại chậm","signedBy":"Nguyễn Văn An"}""".formatted(newDue.plusDays(7)))
                .post(Stack.ROUTING + "/api/dossiers/" + code + "/extension").then().statusCode(404);
    }
}
