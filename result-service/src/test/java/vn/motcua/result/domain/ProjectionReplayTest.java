package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.result.support.Events;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The documented replay: the read model rebuilt from the topics alone equals the one the live consumers
 * built, whatever other tests of this JVM left in it (the replay reads every topic from its first offset).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProjectionReplayTest {
    private static final String UNIT = "000.00.71.H29";
    private static final List<String> TABLES = List.of(
            "select code, procedure_code, procedure_name, unit_code, channel, status, national_status_code, received_at,"
                    + " appointment_at, current_agency, current_agency_name, pin_hmac, citizen_id_hmac, last_event_time,"
                    + " submitted_at, lead_agency, appointment_time, paused, pause_time, processed_at, processed_due_at,"
                    + " processed_on_time, outcome, stopped_at, withdrawn_at, returned_at, apology_ref,"
                    + " lawful_due_at, lawful_due_time"
                    + " from dossier_status order by code",
            "select code, at, status, agency, note, event_id from dossier_timeline order by event_id",
            "select * from dossier_pause order by code, paused_at",
            "select * from agency_name order by code",
            "select * from log_book_entry order by code",
            "select * from step_verdict order by task_id");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildingFromKafkaGivesTheSameReadModel() throws SQLException {
        Events events = new Events(bootstrap, dataSource);
        OffsetDateTime t0 = OffsetDateTime.now(EventJson.VIETNAM).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        String code = DossierCode.format(UNIT, t0, 1);
        // a dossier whose events went out of order across topics, returned through the API
        events.sendAndAwait(new TaskAssigned(code, UUID.randomUUID(), "buoc-1", "RPL-A", Events.agencyName("RPL-A"),
                        UNIT, t0.plusMinutes(5), t0.plusDays(2)),
                new DossierPaused(code, t0.plusHours(1), PauseReason.SUPPLEMENT_REQUESTED, t0.plusDays(3), null,
                        "RPL-A", "tuphap1", List.of()),
                new DossierResumed(code, t0.plusHours(2), t0.plusHours(1), t0.plusDays(3), t0.plusDays(4)),
                new DossierProcessed(code, t0.plusHours(3), Outcome.APPROVED, "RPL-A", null, t0.plusDays(4), true),
                Events.received(code, "808080", ReceptionChannel.COUNTER, "RPL-P", "RPL-A", t0, t0.plusDays(3), null));
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT)).contentType("application/json")
                .body("{\"channel\":\"ONLINE\"}").when().post("/api/dossiers/{code}/return", code)
                .then().statusCode(200);
        // everything this service published has reached the topic (and come back through its consumer)
        await().atMost(Duration.ofSeconds(30)).until(() -> events.count("select count(*) from outbox_event") == 0);

        List<List<String>> before = snapshot(events);
        assertFalse(before.get(0).isEmpty());

        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().post("/api/admin/read-model/replay").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().post("/api/admin/read-model/replay")
                .then().statusCode(200)
                .body("skipped", equalTo(0))
                .body("records", greaterThan(5))
                .body("dossiers", equalTo(before.get(0).size()));

        List<List<String>> after = snapshot(events);
        for (int i = 0; i < TABLES.size(); i++) {
            assertEquals(before.get(i), after.get(i), TABLES.get(i));
        }
        given().when().get("/api/public/dossiers/{code}?pin=808080", code)
                .then().statusCode(200).body("nationalStatusCode", equalTo(10))
                .body("appointmentAt", equalTo(t0.plusDays(4).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    private static List<List<String>> snapshot(Events events) throws SQLException {
        List<List<String>> tables = new ArrayList<>();
        for (String sql : TABLES) {
            tables.add(events.rows(sql));
        }
        return tables;
    }
}
