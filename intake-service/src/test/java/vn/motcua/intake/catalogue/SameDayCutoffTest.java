package vn.motcua.intake.catalogue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.receive;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;

/**
 * Issue 20, item 5: a same-day procedure received after the unit's cut-off is due the next working day. The profile
 * puts the cut-off at midnight, so this reception is after it at any hour (the rule's hours and days themselves are
 * DeadlineCalculatorTest's); without the rule, a reception before 13:30 on a working day would be due that same day.
 */
@QuarkusTest
@TestProfile(CatalogueProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SameDayCutoffTest {
    @Inject
    Calendars calendars;

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

        Response receipt = receive("TEST-TRONG-NGAY");
        receipt.then().statusCode(201);
        OffsetDateTime receivedAt = OffsetDateTime.parse(receipt.path("receivedAt"));
        OffsetDateTime appointment = OffsetDateTime.parse(receipt.path("appointmentAt"));
        LocalDate day = receivedAt.atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        LocalDate next = calendars.calculator().calendar().nextWorkingDay(day);
        // Four working hours from the next working day's opening (07:30): 11:30 that day.
        assertEquals(OffsetDateTime.of(next, LocalTime.of(11, 30), EventJson.VIETNAM), appointment,
                "received " + receivedAt);
    }
}
