package vn.motcua.intake.catalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.COUNTER;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.newProcedure;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;
import static vn.motcua.intake.catalogue.SameDayCutoffTest.intakeTimeIs;
import static vn.motcua.intake.catalogue.SameDayCutoffTest.minutes;

/**
 * Issue 20, item 5: a unit's reception hours per weekday and its cut-off are data. A unit that closes at 16:00
 * counts a 16:30 reception from the next working day; a Saturday-morning reception counts from Monday; after the
 * cut-off a multi-day dossier is handed to the agencies the next morning while the citizen's appointment stays; hours
 * that do not make a week are refused and change nothing. Same boot as {@link SameDayCutoffTest} (intake's clock
 * hook on).
 */
@QuarkusTest
@TestProfile(SameDayCutoffTest.Adjustable.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class UnitOfficeHoursTest {
    private static final String UNIT = "000.00.77.H29";
    private static final String OFFICER = TestTokens.counterOfficer("counter77", UNIT);
    private static final String HOURS = """
            {"days":[
              {"day":"MONDAY","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"16:00"}]},
              {"day":"TUESDAY","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"16:00"}]},
              {"day":"WEDNESDAY","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"16:00"}]},
              {"day":"THURSDAY","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"16:00"}]},
              {"day":"FRIDAY","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"16:00"}]},
              {"day":"SATURDAY","sessions":[{"opens":"07:30","closes":"11:30"}]}],
             "cutoff":"14:00"}""";

    @Inject
    Calendars calendars;

    @AfterEach
    void realTime() {
        as(ADMIN).delete("/api/admin/clock").then().statusCode(200);
    }

    private void unitWithHours() {
        as(ADMIN).body("{\"code\":\"" + UNIT + "\",\"name\":\"Bộ phận Một cửa phường thử nghiệm\",\"level\":\"COMMUNE\"}")
                .put("/api/units/" + UNIT).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        as(ADMIN).body(HOURS).put("/api/units/" + UNIT + "/office-hours").then().statusCode(200)
                .body("own", equalTo(true)).body("cutoff", equalTo("14:00")).body("effectiveCutoff", equalTo("14:00"))
                .body("description", equalTo("Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–16:00; Thứ Bảy: 07:30–11:30"));
    }

    @Test
    void aUnitWithoutHoursShowsTheDeploymentsAndBadHoursAreRefused() {
        as(COUNTER).get("/api/units/000.00.31.H29/office-hours").then().statusCode(200)
                .body("own", equalTo(false)).body("cutoff", equalTo(null)).body("effectiveCutoff", equalTo("15:00"))
                .body("description", equalTo("Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–17:00"));
        unitWithHours();
        String before = as(ADMIN).get("/api/units/" + UNIT + "/office-hours").then().statusCode(200).extract().asString();

        // Friday missing; a time not HH:mm; sessions overlapping; an unknown weekday; a bad cut-off: 400, nothing changed.
        String noFriday = HOURS.lines().filter(line -> !line.contains("FRIDAY")).collect(java.util.stream.Collectors.joining("\n"));
        as(ADMIN).body(noFriday).put("/api/units/" + UNIT + "/office-hours")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("days")).body("errors.message", hasItem(
                        "thiếu giờ làm việc của thứ Sáu (từ thứ Hai đến thứ Sáu là ngày làm việc)"));
        as(ADMIN).body(HOURS.replace("\"FRIDAY\"", "\"SATURDAY\"")).put("/api/units/" + UNIT + "/office-hours")
                .then().statusCode(400).body("errors.field", hasItem("days[5].day"));
        as(ADMIN).body(HOURS.replace("\"day\":\"SATURDAY\",\"sessions\":[{\"opens\":\"07:30\"", "\"day\":\"SATURDAY\",\"sessions\":[{\"opens\":\"7h30\""))
                .put("/api/units/" + UNIT + "/office-hours").then().statusCode(400)
                .body("errors.field", hasItem("days[5].sessions[0].opens"));
        as(ADMIN).body(HOURS.replaceFirst("\\{\"opens\":\"13:00\"", "{\"opens\":\"11:00\""))
                .put("/api/units/" + UNIT + "/office-hours").then().statusCode(400)
                .body("errors.field", hasItem("days[0].sessions[1]"));
        as(ADMIN).body("{\"days\":[{\"day\":\"THỨ HAI\",\"sessions\":[]}]}").put("/api/units/" + UNIT + "/office-hours")
                .then().statusCode(400).body("errors.field", hasItem("days[0].day"));
        as(ADMIN).body(HOURS.replace("\"14:00\"", "\"25:00\"")).put("/api/units/" + UNIT + "/office-hours")
                .then().statusCode(400).body("errors.field", hasItem("cutoff"));
        as(ADMIN).get("/api/units/" + UNIT + "/office-hours").then().statusCode(200).body(equalTo(before));

        // Back on the deployment's hours: its own are forgotten (only by an administrator).
        as(OFFICER).delete("/api/units/" + UNIT + "/office-hours").then().statusCode(403);
        as(ADMIN).delete("/api/units/" + UNIT + "/office-hours").then().statusCode(200)
                .body("own", equalTo(false)).body("cutoff", equalTo(null)).body("effectiveCutoff", equalTo("15:00"))
                .body("description", equalTo("Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–17:00"));
        as(ADMIN).delete("/api/units/000.00.78.H29/office-hours").then().statusCode(404);
        unitWithHours();

        // Only administrators set hours; an unknown unit is 404.
        as(OFFICER).body(HOURS).put("/api/units/" + UNIT + "/office-hours").then().statusCode(403);
        as(ADMIN).body(HOURS).put("/api/units/000.00.78.H29/office-hours").then().statusCode(404);
        as(ADMIN).get("/api/units/000.00.78.H29/office-hours").then().statusCode(404);
    }

    @Test
    void receptionsFollowTheUnitsCloseItsSaturdayAndItsCutOff() {
        unitWithHours();
        as(ADMIN).body(newProcedure("TEST-GIO-DON-VI", today())).post("/api/procedures").then().statusCode(201);
        LocalDate day = calendars.calculator().calendar().nextWorkingDay(today());
        LocalDate next = calendars.calculator().calendar().nextWorkingDay(day);
        LocalDate dayAfter = calendars.calculator().calendar().plusWorkingDays(day, 3);
        LocalDate nextAfter = calendars.calculator().calendar().plusWorkingDays(next, 3);

        // 13:30, before the unit's cut-off (14:00): counted from the receipt, due 3 working days after its day.
        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(13, 30), EventJson.VIETNAM));
        Response early = receive();
        assertEquals(OffsetDateTime.of(dayAfter, LocalTime.of(17, 0), EventJson.VIETNAM), minutes(early.path("appointmentAt")));
        assertEquals(OffsetDateTime.of(day, LocalTime.of(13, 30), EventJson.VIETNAM), handedOver(early.path("code")));

        // 14:30, after the cut-off, before the close: handed to the agency at 07:30 the next working day; the
        // citizen's appointment is the same day as the 13:30 one (the day of receipt is not counted).
        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(14, 30), EventJson.VIETNAM));
        Response handedOver = receive();
        assertEquals(OffsetDateTime.of(dayAfter, LocalTime.of(17, 0), EventJson.VIETNAM),
                minutes(handedOver.path("appointmentAt")));
        assertEquals(OffsetDateTime.of(next, LocalTime.of(7, 30), EventJson.VIETNAM), handedOver(handedOver.path("code")));

        // 16:30, after the unit's close (16:00; the deployment's is 17:00): received for the next working day, so the
        // appointment is a day later.
        intakeTimeIs(OffsetDateTime.of(day, LocalTime.of(16, 30), EventJson.VIETNAM));
        Response late = receive();
        assertEquals(OffsetDateTime.of(nextAfter, LocalTime.of(17, 0), EventJson.VIETNAM), minutes(late.path("appointmentAt")));

        // Saturday 09:00, inside the unit's Saturday session: counted from the following working day.
        LocalDate saturday = today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        LocalDate monday = calendars.calculator().calendar().nextWorkingDay(saturday);
        intakeTimeIs(OffsetDateTime.of(saturday, LocalTime.of(9, 0), EventJson.VIETNAM));
        Response weekend = receive();
        assertEquals(saturday, OffsetDateTime.parse(weekend.path("receivedAt")).toLocalDate());
        assertEquals(OffsetDateTime.of(calendars.calculator().calendar().plusWorkingDays(monday, 3), LocalTime.of(17, 0),
                EventJson.VIETNAM), minutes(weekend.path("appointmentAt")));
    }

    private static Response receive() {
        Response response = as(OFFICER).body("""
                {"procedureCode":"TEST-GIO-DON-VI","channel":"COUNTER",
                 "applicant":{"fullName":"Trần Thị Bình","idNumber":"001190012345","phone":"0912345678"},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1}]}""").post("/api/dossiers");
        response.then().statusCode(201);
        return response;
    }

    /** When the dossier reaches the agencies ({@code handedOverAt} of dossier.received). */
    private static OffsetDateTime handedOver(String code) {
        return QuarkusTransaction.requiringNew().call(() -> minutes(Dossier.<Dossier>find("code", code).firstResult()
                .handedOverAt.withOffsetSameInstant(EventJson.VIETNAM).toString()));
    }
}
