package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.dossier.DossierCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton through the real stack: a counter officer's Keycloak token receives the
 * newborn dossier → the outbox publishes {@code received} → routing queues the justice task →
 * result answers the citizen's lookup → notification logs the event. Each hop is asserted.
 */
class WalkingSkeletonIT {
    static final String NEWBORN = Newborn.atCounter("Trần Thị Bình", "001090012345", "0987654321",
            "binh.tran@example.vn", "8 Quán Thánh, Ba Đình, Hà Nội");

    static final Duration HOP = Duration.ofSeconds(30);

    @Test
    void newbornDossierFlowsFromTheCounterToEveryService() {
        // 1. intake: reception with a real counter-officer token (unit claim from the realm).
        Response receipt = Stack.as("counter1").contentType(ContentType.JSON).body(NEWBORN)
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201)
                .body("code", matchesPattern("000\\.00\\.31\\.H29-[0-9]{6}-[0-9]{4}"))
                .body("status", equalTo("RECEIVED"))
                .body("lookupPin", matchesPattern("[0-9]{6}"));
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        assertTrue(DossierCode.isValid(code));

        // 2. routing: the justice office's inbox gets the first step's task.
        await().atMost(HOP).untilAsserted(() -> Stack.as("tuphap1").queryParam("dossier", code)
                .get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].agency", equalTo("TUPHAP-BADINH"))
                .body("items[0].dossierCode", equalTo(code)));
        String taskId = Stack.as("tuphap1").queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks")
                .path("items[0].id");
        // The police officer sees nothing of it: not in the inbox, and the task itself is "absent".
        Stack.as("congan1").queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").then()
                .statusCode(200).body("total", equalTo(0));
        Stack.as("congan1").get(Stack.ROUTING + "/api/tasks/" + taskId).then().statusCode(404);
        Stack.as("tuphap2").get(Stack.ROUTING + "/api/tasks/" + taskId).then().statusCode(200);

        // 3. result: the citizen's lookup by code + PIN, no token.
        Stack.awaitProjected(code);
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("code", equalTo(code))
                .body("procedureName", equalTo(
                        "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi")));
        String wrongPin = pin.equals("000000") ? "111111" : "000000";
        Response miss = Stack.anonymous().queryParam("pin", wrongPin).get(Stack.RESULT + "/api/public/dossiers/" + code);
        Response unknown = Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code.substring(0, code.length() - 4) + "9999");
        assertEquals(404, miss.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(miss.<String>path("type"), unknown.path("type"), "a wrong PIN looks like an unknown code");

        // 4. notification: it saw the reception (and logs no personal data in the entry).
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items.eventType", hasItem("vn.motcua.dossier.received.v1")));
        String log = Stack.as("supervisor1").queryParam("dossier", code).get(Stack.NOTIFICATION + "/api/notifications").asString();
        assertFalse(log.contains("001190054321"), "no citizen ID in the delivery log");
        assertFalse(log.contains("0987654321"), "phone numbers are masked");
    }

    @Test
    void realTokensCarryTheRealmClaimsAndRolesAreEnforced() {
        // No token, a citizen's token, and an agency officer's token may not receive dossiers.
        Stack.anonymous().contentType(ContentType.JSON).body(NEWBORN).post(Stack.INTAKE + "/api/dossiers")
                .then().statusCode(401);
        Stack.as("citizen1").contentType(ContentType.JSON).body(NEWBORN).post(Stack.INTAKE + "/api/dossiers")
                .then().statusCode(403);
        Stack.as("tuphap1").contentType(ContentType.JSON).body(NEWBORN).post(Stack.INTAKE + "/api/dossiers")
                .then().statusCode(403);
        // A forged token (right shape, wrong signature) is refused.
        String real = Stack.token("counter1");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
        io.restassured.RestAssured.given().auth().oauth2(forged).contentType(ContentType.JSON).body(NEWBORN)
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(401);
        // The public catalogue and calendar answer without a token.
        Stack.anonymous().get(Stack.INTAKE + "/api/procedures").then().statusCode(200)
                .body("items.code", hasItem("LT-KS-TT-BHYT"));
        List<Map<String, String>> holidays = Stack.anonymous().queryParam("year", 2026)
                .get(Stack.INTAKE + "/api/calendar/holidays").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(holidays.stream().anyMatch(h -> h.get("date").equals("2026-02-17") && h.get("kind").equals("HOLIDAY")),
                "Tết 2026 (mùng 1) is 17 February");
    }
}
