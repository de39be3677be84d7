package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newborn inter-agency journey through the four services with real Keycloak tokens: received at
 * the counter → justice asks for a supplement (routing pauses its clock, intake issues Form 02) → the
 * applicant supplies at the counter (routing resumes, the due date moves) → justice, police and social
 * insurance approve in turn → processed → the counter returns the result → the citizen rates it by
 * code and PIN → the supervisor's progress report counts it. The citizen's lookup follows each step.
 */
class NewbornJourneyIT {
    static final Duration HOP = Duration.ofSeconds(30);

    static final String OPEN = "items.find { it.status == 'ASSIGNED' || it.status == 'CLAIMED' }.id";

    /** The open task of the user's agency on the dossier, once it has reached their queue. */
    static String taskOf(String user, String code) {
        await().atMost(HOP).untilAsserted(() -> Stack.as(user).queryParam("dossier", code)
                .get(Stack.ROUTING + "/api/tasks").then().statusCode(200).body(OPEN, notNullValue()));
        return Stack.as(user).queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").path(OPEN);
    }

    static void approve(String user, String code) {
        String task = taskOf(user, code);
        Stack.as(user).contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\",\"note\":\"Đã giải quyết\"}")
                .post(Stack.ROUTING + "/api/tasks/" + task + "/complete").then().statusCode(200);
    }

    @Test
    void aNewbornDossierGoesFromTheCounterThroughThreeAgenciesBackToTheCitizen() {
        Response receipt = Stack.as("counter1").contentType(ContentType.JSON).body(WalkingSkeletonIT.NEWBORN)
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        Stack.as("counter1").accept("application/pdf").get(Stack.INTAKE + "/api/dossiers/" + code + "/receipt").then()
                .statusCode(200).contentType("application/pdf");

        // Justice asks the applicant for a supplement: the clock pauses, intake tells the applicant (Form 02).
        String justice = taskOf("tuphap1", code);
        Stack.as("tuphap1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1,"note":"Bản chụp bị mờ"}],
                         "note":"Giấy chứng sinh không đọc được"}""")
                .post(Stack.ROUTING + "/api/tasks/" + justice + "/supplement-request").then().statusCode(200);
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then()
                .statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED"))
                .body("supplements[0].agencyCode", equalTo("TUPHAP-BADINH")));
        Stack.as("counter1").accept("application/pdf").get(Stack.INTAKE + "/api/dossiers/" + code + "/supplement-request")
                .then().statusCode(200).contentType("application/pdf");
        Stack.awaitProjected(code);
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", equalTo(5)));
        OffsetDateTime dueBefore = OffsetDateTime.parse(Stack.as("supervisor1")
                .get(Stack.ROUTING + "/api/dossiers/" + code).then().statusCode(200)
                .body("pausedAt", notNullValue()).extract().path("dueAt"));

        // The applicant brings it to the counter: routing resumes the clock on intake's event.
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/supplements").then().statusCode(200)
                .body("status", equalTo("IN_PROCESS"));
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + code)
                .then().statusCode(200).body("pausedAt", nullValue()));
        OffsetDateTime dueAfter = OffsetDateTime.parse(Stack.as("supervisor1")
                .get(Stack.ROUTING + "/api/dossiers/" + code).path("dueAt"));
        assertTrue(!dueAfter.isBefore(dueBefore), "the paused time moves the due date: " + dueBefore + " → " + dueAfter);

        // Justice → police → social insurance, each in its own queue.
        approve("tuphap1", code);
        approve("congan1", code);
        approve("bhxh1", code);
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", equalTo(9)));
        Stack.as("tuphap1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then().statusCode(200)
                .body("rows.size()", greaterThanOrEqualTo(3));

        // The counter returns the result; the citizen rates it once.
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").queryParam("size", 500)
                .get(Stack.RESULT + "/api/results/ready").then().statusCode(200).body("items.code", hasItem(code)));
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"channel":"COUNTER","receivedBy":"Trần Thị Bình"}""")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(200);
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"channel":"COUNTER","receivedBy":"Trần Thị Bình"}""")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(409);
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", equalTo(10)));
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then()
                .body("status", equalTo("RESULT_RETURNED")));
        String rating = """
                {"onTime":true,"contactCount":1,"agenciesContacted":1,"staffAttitude":"VERY_SATISFIED",
                 "openness":"SATISFIED","overall":"VERY_SATISFIED","comment":"Nhanh, chu đáo"}""";
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", pin).body(rating)
                .post(Stack.RESULT + "/api/public/dossiers/" + code + "/rating").then().statusCode(201);
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", pin).body(rating)
                .post(Stack.RESULT + "/api/public/dossiers/" + code + "/rating").then().statusCode(409);

        // The supervisor's report counts it as returned today; the notifications reached the applicant.
        String today = LocalDate.now(ZoneOffset.ofHours(7)).toString();
        Response report = Stack.as("supervisor1").queryParam("from", today).queryParam("to", today)
                .get(Stack.RESULT + "/api/reports/progress");
        report.then().statusCode(200);
        assertTrue(report.asString().contains("\"returned\""), report.asString());
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items.eventType", hasItem("vn.motcua.dossier.supplement-requested.v1")));
        // The justice office was told of its new task by e-mail: its contact came with the catalogue intake
        // announced on its first start.
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code).queryParam("size", 500)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items.findAll { it.eventType == 'vn.motcua.task.assigned.v1' && it.audience == 'AGENCY' }.outcome",
                        hasItem("DELIVERED")));
        assertEquals(code, Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").path("items[0].dossierCode"));
        Stack.as("congan1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then()
                .statusCode(200).body("code", containsString(code));
    }
}
