package vn.motcua.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.TopicReader;

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

/** What the routing tests do over and over: feed intake events, wait for tasks, read routing's events. */
final class RoutingKit {
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

    /** The same with the procedure's name and the applicant given. */
    void receive(String code, RoutingPlanSnapshot plan, String procedureCode, OffsetDateTime at, OffsetDateTime due,
                 int statutoryDays, String procedureName, Applicant applicant) {
        DossierReceived payload = new DossierReceived(code, procedureCode, 1, procedureName,
                ReceptionChannel.COUNTER, TaskFlowTest.UNIT, "counter1", at, due, StatutoryTime.workingDays(statutoryDays),
                applicant, null, "482913", plan);
        sendIntake(code, payload, UUID.randomUUID());
    }

    void sendIntake(String code, EventPayload payload, UUID eventId) {
        String type = typeOf(payload);
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(Map.entry(code, EventJson.write(new CloudEvent<>(null,
                eventId, "intake-service", type, code, OffsetDateTime.now(EventJson.VIETNAM), null, payload)))));
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
