package vn.motcua.routing.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clock test hook switched on ({@code motcua.routing.clock.adjustable=true}, as the local stack does
 * under {@code MOTCUA_TEST_HOOKS=1}): an administrator shifts routing's clock and every rule follows — a
 * task due in a few working days counts as overdue in the inbox — and resets it. Only administrators.
 * Its own boot (the profile); {@link ClockHookOffTest} shows the default: no such endpoint.
 */
@QuarkusTest
@TestProfile(ClockHookTest.Adjustable.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ClockHookTest {
    public static class Adjustable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.routing.clock.adjustable", "true");
        }
    }

    static final String ADMIN = TestTokens.admin("admin1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void reset() {
        given().auth().oauth2(ADMIN).delete("/api/admin/clock").then().statusCode(200);
    }

    @Test
    void anAdministratorMovesRoutingsClockAndTheRulesFollow() {
        String code = TaskFlowTest.UNIT + "-261231-0001";
        OffsetDateTime now = OffsetDateTime.now();
        new RoutingKit(bootstrap).receive(code, TaskFlowTest.sequentialPlan(), "LT-KS-TT-BHYT", now, now.plusDays(10), 3);
        new RoutingKit(bootstrap).awaitTask(code, TaskFlowTest.TUPHAP1);
        inbox().body("overdue", equalTo(0));

        OffsetDateTime realNow = OffsetDateTime.parse(given().auth().oauth2(ADMIN).get("/api/admin/clock").then()
                .statusCode(200).body("offset", equalTo("PT0S")).extract().path("now"));
        OffsetDateTime moved = OffsetDateTime.parse(given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"offset\":\"P30DT2H\"}").put("/api/admin/clock").then().statusCode(200)
                .body("offset", equalTo("PT722H")).extract().path("now"));
        Duration shift = Duration.between(realNow, moved);
        assertTrue(shift.compareTo(Duration.ofHours(722)) >= 0 && shift.compareTo(Duration.ofHours(723)) < 0,
                "now moved by the offset: " + realNow + " → " + moved);
        inbox().body("overdue", equalTo(1));

        given().auth().oauth2(ADMIN).delete("/api/admin/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
        inbox().body("overdue", equalTo(0));
    }

    @Test
    void onlyAnAdministratorMovesItAndOnlyByADuration() {
        given().contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}").put("/api/admin/clock").then().statusCode(401);
        given().auth().oauth2(TaskFlowTest.SUPERVISOR1).contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}")
                .put("/api/admin/clock").then().statusCode(403);
        given().auth().oauth2(TaskFlowTest.TUPHAP1).get("/api/admin/clock").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"offset\":\"three days\"}")
                .put("/api/admin/clock").then().statusCode(400).contentType(containsString("problem+json"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"offset\":\"P400D\"}")
                .put("/api/admin/clock").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .put("/api/admin/clock").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/api/admin/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    }

    private static io.restassured.response.ValidatableResponse inbox() {
        return given().auth().oauth2(TaskFlowTest.TUPHAP1).queryParam("dossier", TaskFlowTest.UNIT + "-261231-0001")
                .get("/api/tasks").then().statusCode(200);
    }
}
