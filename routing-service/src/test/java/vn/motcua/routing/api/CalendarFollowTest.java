package vn.motcua.routing.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.calendar.CalendarEntry;
import vn.motcua.shared.calendar.DayKind;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.CalendarYearPublished;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Routing applies the official calendar tables that intake publishes on the catalogue topic. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CalendarFollowTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;

    boolean stored(int year) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from calendar_year where year = " + year)) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @Test
    void aPublishedYearTableMovesStepDueDates() throws Exception {
        // By the rules Monday 29 April 2030 is a working day; the published table swaps it off.
        CalendarYearPublished table = new CalendarYearPublished(2030, List.of(
                new CalendarEntry(LocalDate.parse("2030-01-01"), DayKind.HOLIDAY, "Tết Dương lịch"),
                new CalendarEntry(LocalDate.parse("2030-04-29"), DayKind.DAY_OFF, "Nghỉ hoán đổi"),
                new CalendarEntry(LocalDate.parse("2030-04-30"), DayKind.HOLIDAY, "Ngày Chiến thắng"),
                new CalendarEntry(LocalDate.parse("2030-05-01"), DayKind.HOLIDAY, "Ngày Quốc tế Lao động"),
                new CalendarEntry(LocalDate.parse("2030-05-04"), DayKind.MAKEUP_WORKDAY, "Làm bù cho ngày 29/4")),
                List.of("Thông báo lịch nghỉ năm 2030 (thử nghiệm)"), OffsetDateTime.now(EventJson.VIETNAM), "admin1");
        CloudEvent<CalendarYearPublished> event = EventTypes.envelope("intake-service", table);
        TopicReader.send(bootstrap, Topics.CATALOG, List.of(Map.entry("2030", EventJson.write(event))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(2030));

        String code = "000.00.31.H29-300426-0001";
        DossierReceived received = new DossierReceived(code, "LT-KS-TT-BHYT", 1, "Liên thông khai sinh",
                ReceptionChannel.COUNTER, "000.00.31.H29", "counter1", OffsetDateTime.parse("2030-04-26T09:00:00+07:00"),
                OffsetDateTime.parse("2030-05-07T17:00:00+07:00"), StatutoryTime.workingDays(3),
                new Applicant("Nguyễn Thị Hoa", null, null, null), null, "482913",
                new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(PlanStage.single(TaskFlowTest.khaiSinh()))));
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(Map.entry(code, EventJson.write(
                EventTypes.envelope("intake-service", received)))));
        String token = TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH");
        String due = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .queryParam("dossier", code).get("/api/tasks").then().statusCode(200)
                .extract().<String>path("items[0].dueAt"), d -> d != null);
        // One working day from Friday 26/4: Monday 29 off, 30/4 and 1/5 holidays → Thursday 2 May.
        org.junit.jupiter.api.Assertions.assertEquals("2030-05-02T17:00:00+07:00", due);
    }
}
