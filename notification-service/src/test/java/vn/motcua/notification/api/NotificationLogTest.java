package vn.motcua.notification.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events on the real topics → the delivery log in PostgreSQL → the admin API. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class NotificationLogTest {
    private static final String UNIT = "000.00.31.H29";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final OffsetDateTime NOW = OffsetDateTime.now(EventJson.VIETNAM).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void receivedEventShowsInTheLogForASupervisorWithMaskedRecipients() {
        String code = newCode();
        send(Topics.INTAKE, received(code));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(code) >= 2);

        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items.dossierCode", everyItem(equalTo(code)))
                .body("items.eventType", everyItem(equalTo("vn.motcua.dossier.received.v1")))
                .body("items.channel", everyItem(equalTo("LOG")))
                .body("items.outcome", everyItem(equalTo("SEEN")))
                .body("items.recipient", containsInAnyOrder("09******78", "a***@example.com"))
                .body("items[0].at", endsWith("+07:00"))
                .body(not(containsString("0912345678")))
                .body(not(containsString("an.nguyen@example.com")));

        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().get("/api/notifications?dossier={code}&page=1&size=1", code)
                .then().statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1)).body("total", equalTo(2));
    }

    @Test
    void onlyAdminsAndSupervisorsMayRead() {
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT))
                .when().get("/api/notifications?dossier={code}", newCode())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH"))
                .when().get("/api/notifications").then().statusCode(403);
        given().when().get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?size=501").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void redeliveryAddsNothing() throws SQLException {
        String code = newCode();
        String receivedJson = EventJson.write(EventTypes.envelope("intake", received(code)));
        String withdrawnJson = EventJson.write(EventTypes.envelope("intake",
                new DossierWithdrawn(code, NOW.plusMinutes(5), "counter1", null)));
        // same key, same partition: the duplicate is consumed before the withdrawal
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(
                Map.entry(code, receivedJson), Map.entry(code, receivedJson), Map.entry(code, withdrawnJson)));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(code) >= 3);

        assertEquals(3, entries(code));
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.eventType", containsInAnyOrder("vn.motcua.dossier.received.v1",
                        "vn.motcua.dossier.received.v1", "vn.motcua.dossier.withdrawn.v1"));
    }

    private static String newCode() {
        return DossierCode.format(UNIT, NOW, SEQUENCE.incrementAndGet());
    }

    private static DossierReceived received(String code) {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(PlanStage.single(
                new PlanStep("khai-sinh", "TUPHAP-BADINH", "Tư pháp phường Ba Đình", null, StatutoryTime.workingDays(3)))));
        return new DossierReceived(code, "LT-KS-TT-BHYT", 1, "Liên thông khai sinh", ReceptionChannel.COUNTER, UNIT,
                "counter1", NOW, NOW.plusDays(14), StatutoryTime.workingDays(10),
                new Applicant("Nguyễn Văn An", "0912345678", "an.nguyen@example.com", null), null, "123456", plan);
    }

    private void send(String topic, EventPayload payload) {
        TopicReader.send(bootstrap, topic,
                List.of(Map.entry(payload.subject(), EventJson.write(EventTypes.envelope("test", payload)))));
    }

    private int entries(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from notification_log where dossier_code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
