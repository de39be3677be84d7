package vn.motcua.intake.catalogue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.receive;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;

/**
 * Issue 20, item 5: a same-day procedure received after the unit's cut-off (15:00, the default) is due the next
 * working day, one received before it the same day. Intake's clock test hook is on in this boot
 * ({@code motcua.intake.clock.adjustable}, as under MOTCUA_TEST_HOOKS=1), so the receptions happen at 09:00 and 15:30
 * of the next working day whatever the hour the tests run; the hook itself: administrators only, 400 for bad
 * offsets, and {@code ClockHookOffTest} shows it absent by default.
 */
@QuarkusTest
@TestProfile(SameDayCutoffTest.Adjustable.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SameDayCutoffTest {
    public static class Adjustable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.intake.clock.adjustable", "true");
        }
    }

    @Inject
    Calendars calendars;

    @AfterEach
    void realTime() {
        as(ADMIN).delete("/api/admin/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    }

    /**
     * An appointment to the minute: the hook sets whole seconds from the real time, so a reception happens a moment
     * after the instant asked for, and working time counted from it keeps that moment.
     */
    static OffsetDateTime minutes(String time) {
        return OffsetDateTime.parse(time).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Moves intake's clock so that its now is {@code at}. */
    static void intakeTimeIs(OffsetDateTime at) {
        JsonPath clock = as(ADMIN).get("/api/admin/clock").then().statusCode(200).extract().jsonPath();
        OffsetDateTime real = OffsetDateTime.parse(clock.getString("now")).minus(Duration.parse(clock.getString("offset")));
        // Whole seconds (the hook's unit), rounded up: intake's now is at or just after {@code at}, never before.
        Duration offset = Duration.between(real, at).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        as(ADMIN).body("{\"offset\":\"" + offset + "\"}").put("/api/admin/clock").then().statusCode(200)
                .body("offset", equalTo(offset.toString()));
    }

    @Test
    void aSameDayProcedureReceivedAfterTheCutOffIsDueTheNextWorkingDay() {
        as(ADMIN).body("""
                {"code":"TEST-TRONG-NGAY","effectiveFrom":"%s",
                 "name":"Thủ tục giải quyết trong ngày","field":"Thử nghiệm","competentAgency":"TUPHAP-BADINH",
                 "statutoryTime":{"value":4,"unit":"WORKING_HOURS"},
                 "plan":{"stages":[{"kind":"SINGLE","steps":[{"stepId":"giai-quyet","agencyCode":"TUPHAP-BADINH",
                   "name":"Giải quyết","share":{"value":4,"unit":"WORKING_HOURS"}}]}]},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1,"mandatory":true}],
                 "fees":[],"onlineLevel":null,"resultForm":"Giấy xác nhận","legalBasis":"Văn bản thử nghiệm",
                 "suspensionAllowed":true,"extensionAllowed":true}""".formatted(today()))
                .post("/api/procedures").then().statusCode(201);
        LocalDate day = calendars.calculator().calendar().nextWorkingDay(today());
        LocalDate next = calendars.calculator().calendar().nextWorkingDay(day);

        // 09:00, before the cut-off: four working hours end at 14:30 the same day.
        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(9, 0), EventJson.VIETNAM));
        Response morning = receive("TEST-TRONG-NGAY");
        morning.then().statusCode(201);
        assertEquals(day, OffsetDateTime.parse(morning.path("receivedAt")).toLocalDate());
        assertEquals(OffsetDateTime.of(day, LocalTime.of(14, 30), EventJson.VIETNAM),
                minutes(morning.path("appointmentAt")));

        // 15:30, after it: counted from the next working day's opening (07:30), so 11:30 that day (without the
        // cut-off it would be 10:00).
        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(15, 30), EventJson.VIETNAM));
        Response afternoon = receive("TEST-TRONG-NGAY");
        afternoon.then().statusCode(201);
        assertEquals(OffsetDateTime.of(next, LocalTime.of(11, 30), EventJson.VIETNAM),
                minutes(afternoon.path("appointmentAt")), "received " + afternoon.path("receivedAt"));
    }

    /**
     * Issue 20, item 5: a procedure version may set its own cut-off: received at 10:30, a same-day procedure with
     * cut-off 10:00 counts from the next working day, one with the default (15:00) is due at 16:00 the same day. A
     * cut-off that is not a time of day is refused (400) and creates nothing.
     */
    @Test
    void aProceduresOwnCutOffMovesItsSameDayReceptionsToTheNextWorkingDay() {
        String body = """
                {"code":"%s","effectiveFrom":"%s",
                 "name":"Thủ tục trong ngày, tiếp nhận đến 10 giờ","field":"Thử nghiệm","competentAgency":"TUPHAP-BADINH",
                 "statutoryTime":{"value":4,"unit":"WORKING_HOURS"},
                 "plan":{"stages":[{"kind":"SINGLE","steps":[{"stepId":"giai-quyet","agencyCode":"TUPHAP-BADINH",
                   "name":"Giải quyết","share":{"value":4,"unit":"WORKING_HOURS"}}]}]},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1,"mandatory":true}],
                 "fees":[],"sameDayCutoff":%s}""";
        as(ADMIN).body(body.formatted("TEST-SANG", today(), "\"25:00\"")).post("/api/procedures").then().statusCode(400)
                .body("type", equalTo("urn:motcua:problem:validation-failed"));
        as(ADMIN).get("/api/procedures/TEST-SANG").then().statusCode(404);
        as(ADMIN).body(body.formatted("TEST-SANG", today(), "\"10:00\"")).post("/api/procedures").then().statusCode(201)
                .body("sameDayCutoff", equalTo("10:00"));
        as(ADMIN).body(body.formatted("TEST-CHIEU", today(), "null")).post("/api/procedures").then().statusCode(201);
        given().queryParam("q", "TEST-SANG").get("/api/procedures").then().statusCode(200)
                .body("items[0].sameDayCutoff", equalTo("10:00"));
        LocalDate day = calendars.calculator().calendar().nextWorkingDay(today());
        LocalDate next = calendars.calculator().calendar().nextWorkingDay(day);

        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(10, 30), EventJson.VIETNAM));
        assertEquals(OffsetDateTime.of(next, LocalTime.of(11, 30), EventJson.VIETNAM),
                minutes(receive("TEST-SANG").then().statusCode(201).extract().path("appointmentAt")));
        assertEquals(OffsetDateTime.of(day, LocalTime.of(16, 0), EventJson.VIETNAM),
                minutes(receive("TEST-CHIEU").then().statusCode(201).extract().path("appointmentAt")));
    }

    @Test
    void theClockHookIsForAdministratorsAndRefusesBadOffsets() {
        String counter = TestTokens.counterOfficer("counter1", "000.00.31.H29");
        given().contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}").put("/api/admin/clock").then().statusCode(401);
        given().auth().oauth2(counter).contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}")
                .put("/api/admin/clock").then().statusCode(403);
        as(ADMIN).body("{\"offset\":\"P400D\"}").put("/api/admin/clock").then().statusCode(400)
                .contentType("application/problem+json");
        as(ADMIN).body("{\"offset\":\"ngày mai\"}").put("/api/admin/clock").then().statusCode(400);
        as(ADMIN).body("{}").put("/api/admin/clock").then().statusCode(400);
        as(ADMIN).get("/api/admin/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
        as(ADMIN).body("{\"offset\":\"P2DT3H\"}").put("/api/admin/clock").then().statusCode(200)
                .body("offset", equalTo("PT51H"));
        OffsetDateTime moved = OffsetDateTime.parse(as(ADMIN).get("/api/admin/clock").path("now"));
        long ahead = Duration.between(OffsetDateTime.now(), moved).toSeconds();
        assertTrue(Math.abs(ahead - Duration.ofHours(51).toSeconds()) <= 5, "intake's now is 51 hours ahead: " + moved);
    }
}
