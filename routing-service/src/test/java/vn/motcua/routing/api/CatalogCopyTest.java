package vn.motcua.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.routing.TestClock;
import vn.motcua.routing.messaging.CatalogEventsConsumer;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.routing.api.FormsTest.assertContains;
import static vn.motcua.routing.api.FormsTest.pdf;
import static vn.motcua.routing.api.FormsTest.text;
import static vn.motcua.routing.api.StepActionsTest.at;
import static vn.motcua.routing.api.StepActionsTest.post;
import static vn.motcua.routing.api.TaskFlowTest.JUSTICE;
import static vn.motcua.routing.api.TaskFlowTest.SUPERVISOR1;
import static vn.motcua.routing.api.TaskFlowTest.TUPHAP1;
import static vn.motcua.routing.api.TaskFlowTest.UNIT;

/**
 * Routing's copies of intake's catalogue (agencies and one-stop units from motcua.catalog.events): the latest
 * state wins whatever order the events come in; transfers and reassignments only reach a known, active
 * agency and take its name; the control sheet names the unit. Same test resources and profile as the other
 * routing tests (one boot).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CatalogCopyTest {
    static final String DONG_DA = "TUPHAP-DONGDA";
    static final String DONG_DA_NAME = "UBND phường Đống Đa — Tư pháp, hộ tịch";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    RoutingKit kit;

    @BeforeEach
    void kit() {
        kit = new RoutingKit(bootstrap);
        kit.catalogue(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    static String code(int sequence) {
        return String.format("%s-251203-%04d", UNIT, sequence);
    }

    String receive(String code) {
        clock.set(at("2025-11-24T09:20:00"));
        kit.receive(code, TaskFlowTest.sequentialPlan(), "LT-KS-TT-BHYT", TaskFlowTest.RECEIVED,
                OffsetDateTime.parse("2025-11-27T17:00:00+07:00"), 3);
        return kit.awaitTask(code, TUPHAP1);
    }

    /** Sends the agency's state and waits until the copy holds exactly that state. */
    void agency(String code, String name, boolean active, OffsetDateTime updatedAt) {
        kit.sendCatalog(code, new AgencyUpserted(code, name, null, List.of(), active, updatedAt), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> row("select name, active, updated_at from agency where code = ?", code),
                        r -> r.equals(new Row(name, active, updatedAt.toInstant())));
    }

    record Row(String name, boolean active, java.time.Instant updatedAt) {
    }

    /** The copy's row of an agency or unit, or a row of nulls. */
    Row row(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getBoolean(2), rs.getObject(3, OffsetDateTime.class)
                        .toInstant()) : new Row(null, false, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> RoutingKit.count(
                dataSource, "select count(*) from processed_event where consumer = '" + CatalogEventsConsumer.CONSUMER
                        + "' and event_id = ?::uuid", eventId.toString()) == 1);
    }

    @Test
    void aTransferReachesOnlyAKnownActiveAgencyAndTakesItsCatalogueName() {
        String code = code(1);
        String justiceTask = receive(code);

        // Unknown to the catalogue: 422, and the task stays as it was (not even implicitly claimed).
        post(TUPHAP1, "/api/tasks/{id}/transfer", justiceTask,
                "{\"toAgency\": \"TUPHAP-KHONGCO\", \"toAgencyName\": \"Không có\", \"reason\": \"Sai địa bàn\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:unknown-agency"));
        // Known but no longer active: 422 as well, for officers and for a supervisor's reassignment.
        agency(DONG_DA, DONG_DA_NAME, false, OffsetDateTime.parse("2025-06-01T08:00:00+07:00"));
        post(TUPHAP1, "/api/tasks/{id}/transfer", justiceTask,
                "{\"toAgency\": \"" + DONG_DA + "\", \"reason\": \"Sai địa bàn\"}")
                .statusCode(422).body("type", equalTo("urn:motcua:problem:unknown-agency"))
                .body("detail", equalTo("Cơ quan " + DONG_DA + " đã ngừng hoạt động; không thể chuyển nhiệm vụ"
                        + " đến cơ quan này."));
        post(SUPERVISOR1, "/api/tasks/{id}/reassign", justiceTask,
                "{\"agency\": \"" + DONG_DA + "\", \"officer\": \"tpdd1\"}").statusCode(422)
                .body("type", equalTo("urn:motcua:problem:unknown-agency"));
        given().auth().oauth2(TUPHAP1).when().get("/api/tasks/{id}", justiceTask).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("agency", equalTo(JUSTICE))
                .body("claimedBy", nullValue());
        given().auth().oauth2(SUPERVISOR1).when().get("/api/dossiers/{code}/control-sheet", code).then()
                .statusCode(200).body("rows.to", contains(JUSTICE));

        // Active again (a later state): the transfer goes through, named from the copy.
        agency(DONG_DA, DONG_DA_NAME, true, OffsetDateTime.parse("2025-07-01T08:00:00+07:00"));
        clock.set(at("2025-11-24T10:00:00"));
        String moved = post(TUPHAP1, "/api/tasks/{id}/transfer", justiceTask,
                "{\"toAgency\": \"" + DONG_DA + "\", \"reason\": \"Nơi cư trú thuộc phường Đống Đa\"}")
                .statusCode(200).body("agency", equalTo(DONG_DA)).body("agencyName", equalTo(DONG_DA_NAME))
                .extract().path("id");
        given().auth().oauth2(TestTokens.agencyOfficer("tpdd1", DONG_DA)).when().get("/api/tasks/{id}", moved)
                .then().statusCode(200).body("agencyName", equalTo(DONG_DA_NAME));
        List<CloudEvent<JsonNode>> events = kit.awaitEvents(code, e -> e.stream()
                .anyMatch(x -> x.type().equals(EventTypes.TASK_TRANSFERRED.type())));
        JsonNode transferred = events.stream().filter(e -> e.type().equals(EventTypes.TASK_TRANSFERRED.type()))
                .findFirst().orElseThrow().data();
        assertEquals(DONG_DA_NAME, transferred.path("toAgencyName").asText());

        // The control sheet names the unit (issuer and first giver) and the new agency from the copies.
        String text = text(pdf(SUPERVISOR1, "/api/dossiers/{code}/control-sheet", code));
        assertContains(text, RoutingKit.UNIT_NAME.toUpperCase(java.util.Locale.ROOT));
        assertContains(text, "Hà Nội, ngày 24 tháng 11 năm 2025");
        assertContains(text, "1 Giao: " + RoutingKit.UNIT_NAME + " Nhận: ");
        assertContains(text, "2 Giao: " + FormsTest.NAMES.get(JUSTICE) + " Nhận: " + DONG_DA_NAME + " ");
    }

    @Test
    void anOlderOrRedeliveredUpsertDoesNotOverwriteANewerOne() {
        String thue = "THUE-BADINH";
        OffsetDateTime newer = OffsetDateTime.parse("2025-09-01T08:00:00+07:00");
        UUID newerId = UUID.randomUUID();
        AgencyUpserted current = new AgencyUpserted(thue, "Thuế cơ sở 1 thành phố Hà Nội", null, List.of(), true, newer);
        kit.sendCatalog(thue, current, newerId);
        awaitProcessed(newerId);

        // intake's first-start announcement or a replay brings an older state after the newer one; the
        // newer event itself is redelivered: the copy keeps the newer state.
        UUID olderId = UUID.randomUUID();
        kit.sendCatalog(thue, new AgencyUpserted(thue, "Chi cục Thuế quận Ba Đình", null, List.of(), false,
                OffsetDateTime.parse("2025-03-01T08:00:00+07:00")), olderId);
        kit.sendCatalog(thue, current, newerId);
        UUID sameTimeId = UUID.randomUUID();
        kit.sendCatalog(thue, new AgencyUpserted(thue, "Tên khác cùng thời điểm", null, List.of(), false, newer),
                sameTimeId);
        awaitProcessed(olderId);
        awaitProcessed(sameTimeId);
        assertEquals(new Row("Thuế cơ sở 1 thành phố Hà Nội", true, newer.toInstant()),
                row("select name, active, updated_at from agency where code = ?", thue));

        // A later state still wins.
        agency(thue, "Thuế cơ sở 1 Hà Nội", true, OffsetDateTime.parse("2025-10-01T08:00:00+07:00"));

        // The same for one-stop units.
        String unit = "000.00.32.H29";
        UUID unitNewer = UUID.randomUUID();
        UUID unitOlder = UUID.randomUUID();
        kit.sendCatalog(unit, new OneStopUnitUpserted(unit, "Bộ phận Một cửa phường Hoàn Kiếm",
                "1 Hàng Trống, phường Hoàn Kiếm, Hà Nội", List.of(), true, newer), unitNewer);
        kit.sendCatalog(unit, new OneStopUnitUpserted(unit, "Bộ phận Một cửa quận Hoàn Kiếm", null, List.of(), false,
                OffsetDateTime.parse("2025-03-01T08:00:00+07:00")), unitOlder);
        awaitProcessed(unitOlder);
        assertEquals(new Row("Bộ phận Một cửa phường Hoàn Kiếm", true, newer.toInstant()),
                row("select name, active, updated_at from one_stop_unit where code = ?", unit));
        assertEquals(new Row("1 Hàng Trống, phường Hoàn Kiếm, Hà Nội", true, newer.toInstant()),
                row("select address, active, updated_at from one_stop_unit where code = ?", unit));
    }
}
