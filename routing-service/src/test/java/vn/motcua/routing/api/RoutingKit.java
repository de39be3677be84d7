package vn.motcua.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.ProcedureRules;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.TopicReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the routing tests do over and over: feed intake and catalogue events, wait for tasks and for the
 * catalogue copy, read routing's events.
 */
final class RoutingKit {
    /** The demo unit as intake's catalogue announces it: its name heads Form 06, its place dates the forms. */
    static final String UNIT_NAME = "Bộ phận Tiếp nhận và Trả kết quả phường Ba Đình";
    static final String UNIT_ADDRESS = "25 Đội Cấn, phường Ba Đình, Hà Nội";
    /** The agencies the tests transfer and reassign to (a transfer needs a known, active agency). */
    static final Map<String, String> AGENCIES = Map.of(
            "TUPHAP-HOANKIEM", "UBND phường Hoàn Kiếm — Tư pháp",
            "CONGAN-HOANKIEM", "Công an phường Hoàn Kiếm");
    static final OffsetDateTime CATALOGUED = OffsetDateTime.parse("2025-01-02T08:00:00+07:00");

    private final String bootstrap;

    RoutingKit(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A received dossier on intake's topic, received at {@code at} with the appointment {@code due}. */
    void receive(String code, RoutingPlanSnapshot plan, String procedureCode, OffsetDateTime at, OffsetDateTime due,
                 int statutoryDays) {
        receive(code, plan, procedureCode, at, due, statutoryDays, "Thủ tục thử nghiệm",
                new Applicant("Nguyễn Thị Hoa", "0912345678", null, null));
    }

    /** The same with the catalogue's rules of the procedure version (issue 20). */
    void receive(String code, RoutingPlanSnapshot plan, String procedureCode, OffsetDateTime at, OffsetDateTime due,
                 int statutoryDays, ProcedureRules rules) {
        sendIntake(code, new DossierReceived(code, procedureCode, 1, "Thủ tục thử nghiệm", ReceptionChannel.COUNTER,
                TaskFlowTest.UNIT, "counter1", at, due, StatutoryTime.workingDays(statutoryDays),
                new Applicant("Nguyễn Thị Hoa", "0912345678", null, null), null, "482913", plan, rules),
                UUID.randomUUID());
    }

    /** The same with the procedure's name and the applicant given. */
    void receive(String code, RoutingPlanSnapshot plan, String procedureCode, OffsetDateTime at, OffsetDateTime due,
                 int statutoryDays, String procedureName, Applicant applicant) {
        DossierReceived payload = new DossierReceived(code, procedureCode, 1, procedureName,
                ReceptionChannel.COUNTER, TaskFlowTest.UNIT, "counter1", at, due, StatutoryTime.workingDays(statutoryDays),
                applicant, null, "482913", plan);
        sendIntake(code, payload, UUID.randomUUID());
    }

    void sendIntake(String code, EventPayload payload, UUID eventId) {
        send(Topics.INTAKE, code, payload, eventId);
    }

    /**
     * The demo unit and {@link #AGENCIES} in routing's catalogue copy, as intake announces its seeded
     * catalogue: sent unless the copy has them already (every test class of the boot asks), then awaited.
     */
    void catalogue(DataSource dataSource) {
        if (catalogued(dataSource)) {
            return;
        }
        sendCatalog(TaskFlowTest.UNIT, new OneStopUnitUpserted(TaskFlowTest.UNIT, UNIT_NAME, UNIT_ADDRESS, List.of(),
                true, CATALOGUED), UUID.randomUUID());
        AGENCIES.forEach((code, name) -> sendCatalog(code,
                new AgencyUpserted(code, name, null, List.of(), true, CATALOGUED), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> catalogued(dataSource));
    }

    private static boolean catalogued(DataSource dataSource) {
        return count(dataSource, "select count(*) from one_stop_unit where code = ?", TaskFlowTest.UNIT) == 1
                && count(dataSource, "select count(*) from agency where code = any(?)",
                AGENCIES.keySet().toArray(String[]::new)) == AGENCIES.size();
    }

    /** A catalogue event on intake's catalogue topic, keyed by the item's code. */
    void sendCatalog(String key, EventPayload payload, UUID eventId) {
        send(Topics.CATALOG, key, payload, eventId);
    }

    private void send(String topic, String key, EventPayload payload, UUID eventId) {
        TopicReader.send(bootstrap, topic, List.of(Map.entry(key, EventJson.write(new CloudEvent<>(null,
                eventId, "intake-service", typeOf(payload), key, OffsetDateTime.now(EventJson.VIETNAM), null, payload, null)))));
    }

    /** The single number a counting query answers (an array parameter becomes a text[]). */
    static int count(DataSource dataSource, String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter instanceof String[] array ? c.createArrayOf("text", array) : parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeOf(EventPayload payload) {
        try {
            return (String) payload.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(payload.getClass() + " has no TYPE", e);
        }
    }

    /** Waits until the agency's inbox shows an assigned task of the dossier (of that step, if given). */
    String awaitTask(String code, String token) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token).queryParam("dossier", code).queryParam("status", "ASSIGNED")
                        .when().get("/api/tasks")
                        .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }

    /** Routing's events about one dossier, waiting until {@code done} holds for them. */
    List<CloudEvent<JsonNode>> awaitEvents(String code, Predicate<List<CloudEvent<JsonNode>>> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> all().getOrDefault(code, List.of()), done);
    }

    /** Every routing event on the topic, by dossier code, in topic order. */
    Map<String, List<CloudEvent<JsonNode>>> all() {
        Map<String, List<CloudEvent<JsonNode>>> byCode = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.read(bootstrap, Topics.ROUTING, 1,
                Duration.ofMillis(500), Duration.ofSeconds(5))) {
            byCode.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(EventJson.read(record.value()));
        }
        return byCode;
    }
}
