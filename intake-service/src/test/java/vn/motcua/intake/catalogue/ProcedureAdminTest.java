package vn.motcua.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.StageKind;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.ProcedureVersionPublished;
import vn.motcua.shared.events.catalog.ProcedureVersionRetired;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN2;
import static vn.motcua.intake.catalogue.CatalogueFixtures.COUNTER;
import static vn.motcua.intake.catalogue.CatalogueFixtures.SUPERVISOR;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.catalogRecords;
import static vn.motcua.intake.catalogue.CatalogueFixtures.newProcedure;
import static vn.motcua.intake.catalogue.CatalogueFixtures.procedure;
import static vn.motcua.intake.catalogue.CatalogueFixtures.receive;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;

/** Procedure administration: versions by effective date, races between administrators, retirement, roles, bad input. */
@QuarkusTest
@TestProfile(CatalogueProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProcedureAdminTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aDossierKeepsTheVersionItWasReceivedUnderAndEachVersionIsPublished() {
        LocalDate today = today();
        LocalDate tomorrow = today.plusDays(1);
        as(ADMIN).body(newProcedure("TEST-VER", today)).post("/api/procedures").then().statusCode(201)
                .header("Location", endsWith("/api/procedures/TEST-VER"))
                .body("version", equalTo(1)).body("publishedBy", equalTo("admin1"))
                .body("plan.leadAgencyCode", equalTo("TUPHAP-BADINH"))
                .body("plan.stages[1].steps[0].agencyName", equalTo("Công an phường Ba Đình"));

        Response dossier = receive("TEST-VER");
        dossier.then().statusCode(201);
        String code = dossier.path("code");

        as(ADMIN).body(procedure("\"basedOnVersion\":1,\"effectiveFrom\":\"" + tomorrow + "\"", 5, 4, "Thủ tục sửa đổi"))
                .post("/api/procedures/TEST-VER/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("effectiveFrom", equalTo(tomorrow.toString()));
        // Version 2 starts tomorrow: today's dossiers, before and after the edit, are under version 1.
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200)
                .body("procedureVersion", equalTo(1));
        String later = receive("TEST-VER").then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + later).then().body("procedureVersion", equalTo(1));

        given().auth().oauth2(COUNTER).get("/api/procedures/TEST-VER").then().statusCode(200)
                .body("current.version", equalTo(1))
                .body("versions.version", equalTo(List.of(1, 2)))
                .body("versions[0].effectiveTo", equalTo(tomorrow.toString()))
                .body("versions[1].effectiveTo", nullValue())
                .body("versions[1].statutoryTime.value", equalTo(5));
        given().queryParam("q", "test-ver").get("/api/procedures").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].version", equalTo(1))
                .body("items[0].fees[0].amountVnd", equalTo(50000)).body("items[0].extensionAllowed", equalTo(false))
                .body("items[0].supplementLapse", equalTo("STOP"));
        // The rule for a lapsed supplement travels with the dossier, for routing to apply (issue 20, item 4).
        DossierReceived received = TopicReader.read(bootstrap, Topics.INTAKE, 1, java.time.Duration.ofMillis(500),
                        java.time.Duration.ofSeconds(10)).stream().filter(r -> code.equals(r.key()))
                .map(r -> EventJson.read(r.value())).filter(e -> e.type().equals(DossierReceived.TYPE))
                .map(EventTypes.DOSSIER_RECEIVED::payload).findFirst().orElseThrow();
        assertEquals(SupplementLapse.STOP, received.rules().supplementLapse());
        given().queryParam("q", "TEST-VER").queryParam("at", tomorrow.toString()).get("/api/procedures").then()
                .body("items[0].version", equalTo(2)).body("items[0].statutoryWorkingDays", equalTo(5));

        // An edit made from version 1 after version 2 exists is stale.
        as(ADMIN2).body(procedure("\"basedOnVersion\":1,\"effectiveFrom\":\"" + tomorrow.plusDays(1) + "\"", 3, 2, "Cũ"))
                .post("/api/procedures/TEST-VER/versions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:procedure-version-conflict"));

        List<ConsumerRecord<String, String>> records = catalogRecords(bootstrap, "TEST-VER", 3);
        List<CloudEvent<JsonNode>> events = records.stream().map(r -> EventJson.read(r.value())).toList();
        List<ProcedureVersionPublished> published = events.stream()
                .filter(e -> e.type().equals(ProcedureVersionPublished.TYPE))
                .map(EventTypes.PROCEDURE_VERSION_PUBLISHED::payload).toList();
        assertEquals(List.of(1, 2), published.stream().map(ProcedureVersionPublished::version).toList());
        ProcedureVersionPublished first = published.get(0);
        assertEquals(Long.valueOf(50000), first.feeVnd());
        assertEquals(StageKind.PARALLEL, first.routingPlan().stages().get(1).kind());
        assertEquals(false, first.extensionAllowed());
        assertNull(first.effectiveTo(), "published before version 2 existed");
        List<ProcedureVersionRetired> retired = events.stream()
                .filter(e -> e.type().equals(ProcedureVersionRetired.TYPE))
                .map(EventTypes.PROCEDURE_VERSION_RETIRED::payload).toList();
        assertEquals(1, retired.size(), "version 1 stops where version 2 starts");
        assertEquals(tomorrow, retired.get(0).effectiveTo());
    }

    @Test
    void administratorsVersioningTheSameProcedureAtOnceExactlyOneWins() throws Exception {
        as(ADMIN).body(newProcedure("TEST-RACE", today())).post("/api/procedures").then().statusCode(201);
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = procedure("\"basedOnVersion\":1,\"effectiveFrom\":\"" + today().plusDays(2 + i) + "\"",
                        3, 2, "Sửa đổi " + i);
                String token = i % 2 == 0 ? ADMIN : ADMIN2;
                Callable<Integer> edit = () -> {
                    start.await();
                    return as(token).body(body).post("/api/procedures/TEST-RACE/versions").statusCode();
                };
                outcomes.add(pool.submit(edit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).get("/api/procedures/TEST-RACE").then()
                .body("versions.version", equalTo(List.of(1, 2)));
    }

    @Test
    void aRetiredProcedureTakesNoNewDossiersFromItsEndDate() {
        LocalDate today = today();
        as(ADMIN).body(newProcedure("TEST-RET", today)).post("/api/procedures").then().statusCode(201);
        String before = receive("TEST-RET").then().statusCode(201).extract().path("code");
        as(ADMIN).body("{\"effectiveTo\":\"" + today + "\"}").post("/api/procedures/TEST-RET/retire").then()
                .statusCode(422).body("type", equalTo("urn:motcua:problem:effective-date-rejected"));
        as(ADMIN).body("{\"effectiveTo\":\"" + today.plusDays(1) + "\",\"basedOnVersion\":1}")
                .post("/api/procedures/TEST-RET/retire").then().statusCode(200)
                .body("version", equalTo(1)).body("effectiveTo", equalTo(today.plusDays(1).toString()));
        as(ADMIN).body("{\"effectiveTo\":\"" + today.plusDays(5) + "\"}").post("/api/procedures/TEST-RET/retire").then()
                .statusCode(409).body("type", equalTo("urn:motcua:problem:procedure-already-retired"));
        as(ADMIN).body("{\"effectiveTo\":\"" + today.plusDays(5) + "\"}").post("/api/procedures/NO-SUCH/retire").then()
                .statusCode(404);

        given().queryParam("q", "TEST-RET").get("/api/procedures").then().body("total", equalTo(1));
        given().queryParam("q", "TEST-RET").queryParam("at", today.plusDays(1).toString()).get("/api/procedures")
                .then().body("total", equalTo(0));
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + before).then().statusCode(200)
                .body("procedureVersion", equalTo(1));

        ProcedureVersionRetired retired = catalogRecords(bootstrap, "TEST-RET", 2).stream()
                .map(r -> EventJson.read(r.value())).filter(e -> e.type().equals(ProcedureVersionRetired.TYPE))
                .map(EventTypes.PROCEDURE_VERSION_RETIRED::payload).findFirst().orElseThrow();
        assertEquals(today.plusDays(1), retired.effectiveTo());
        assertEquals(1, retired.version());
    }

    @Test
    void onlyAdministratorsChangeTheCatalogueAndOfficersReadIt() {
        String body = newProcedure("TEST-ROLE", today());
        as(COUNTER).body(body).post("/api/procedures").then().statusCode(403)
                .body("type", equalTo("urn:motcua:problem:forbidden"));
        given().contentType("application/json").body(body).post("/api/procedures").then().statusCode(401);
        as(SUPERVISOR).body("{\"effectiveTo\":\"2099-01-01\"}").post("/api/procedures/LT-KS-TT-BHYT/retire")
                .then().statusCode(403);
        as(COUNTER).body("{\"name\":\"X\",\"level\":\"COMMUNE\"}").put("/api/agencies/TEST-X").then().statusCode(403);
        as(COUNTER).body("{}").post("/api/catalogue/import").then().statusCode(403);
        given().auth().oauth2(COUNTER).get("/api/catalogue/export").then().statusCode(403);
        given().get("/api/agencies").then().statusCode(401);
        given().auth().oauth2(TestTokens.citizen("dan1", "001090012345")).get("/api/procedures/LT-KS-TT-BHYT")
                .then().statusCode(403);

        given().get("/api/procedures").then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).get("/api/procedures/LT-KS-TT-BHYT").then().statusCode(200)
                .body("current.code", equalTo("LT-KS-TT-BHYT")).body("versions.size()", equalTo(1));
        given().auth().oauth2(TestTokens.agencyOfficer("congan1", "CONGAN-BADINH")).get("/api/agencies/CONGAN-BADINH")
                .then().statusCode(200).body("level", equalTo("COMMUNE")).body("active", equalTo(true));
        given().auth().oauth2(COUNTER).get("/api/procedures/NO-SUCH").then().statusCode(404);
    }

    @Test
    void badInputIsAProblemWithAStableTypeNeverA500() {
        as(ADMIN).body("{}").post("/api/procedures").then().statusCode(400)
                .body("type", equalTo("urn:motcua:problem:validation-failed"))
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("effectiveFrom")).body("errors.field", hasItem("statutoryTime"))
                .body("errors.field", hasItem("plan.stages"));
        as(ADMIN).body("{").post("/api/procedures").then().statusCode(400)
                .body("type", equalTo("urn:motcua:problem:malformed-request"));
        as(ADMIN).body(newProcedure("bad code", today())).post("/api/procedures").then().statusCode(400)
                .body("errors.field", equalTo(List.of("code")));
        as(ADMIN).body(newProcedure("TEST-BAD", today()).replace("\"effectiveFrom\":\"" + today(), "\"effectiveFrom\":\"2025-13-45"))
                .post("/api/procedures").then().statusCode(400);
        as(ADMIN).body(newProcedure("TEST-BAD", today().minusDays(1))).post("/api/procedures").then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:effective-date-rejected"));
        as(ADMIN).body(newProcedure("TEST-BAD", today()).replace("\"CONGAN-BADINH\"", "\"CONGAN-NOWHERE\""))
                .post("/api/procedures").then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:unknown-agency"))
                .body("errors.field", equalTo(List.of("plan.stages[1].steps[0].agencyCode")));
        as(ADMIN).body(procedure("\"code\":\"TEST-BAD\",\"effectiveFrom\":\"" + today() + "\"", 3, 3, "Quá hạn"))
                .post("/api/procedures").then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:plan-exceeds-statutory-time"));
        as(ADMIN).body(newProcedure("TEST-BAD", today()).replace("\"value\":4,\"unit\":\"WORKING_HOURS\"",
                        "\"value\":1,\"unit\":\"CALENDAR_DAYS\"")).post("/api/procedures").then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:plan-unit-mismatch"));
        as(ADMIN).body(newProcedure("TEST-BAD", today()).replace("\"kind\":\"PARALLEL\"", "\"kind\":\"SINGLE\""))
                .post("/api/procedures").then().statusCode(400)
                .body("errors.field", equalTo(List.of("plan.stages[1].steps")));
        as(ADMIN).body(newProcedure("TEST-BAD", today()).replace("\"kind\":\"PARALLEL\"", "\"kind\":\"SIDEWAYS\""))
                .post("/api/procedures").then().statusCode(400);
        as(ADMIN).body(newProcedure("LT-KS-TT-BHYT", today())).post("/api/procedures").then().statusCode(409)
                .body("type", equalTo("urn:motcua:problem:procedure-exists"));
        as(ADMIN).body(procedure("\"effectiveFrom\":\"" + today().plusDays(1) + "\"", 3, 2, "Thiếu gốc"))
                .post("/api/procedures/LT-KS-TT-BHYT/versions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOnVersion")));
        as(ADMIN).body(procedure("\"basedOnVersion\":1,\"effectiveFrom\":\"" + today().plusDays(1) + "\"", 3, 2, "X"))
                .post("/api/procedures/NO-SUCH/versions").then().statusCode(404);
        as(ADMIN).body("").post("/api/procedures/LT-KS-TT-BHYT/retire").then().statusCode(400);
        given().queryParam("at", "not-a-date").get("/api/procedures").then().statusCode(400)
                .body("errors.field", equalTo(List.of("at")));
        given().queryParam("at", "1999-12-31").get("/api/procedures").then().statusCode(400);
        given().queryParam("q", "100%_").get("/api/procedures").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listFiltersByFieldAgencyAndWords() {
        given().queryParam("agency", "BHXH-KV1").get("/api/procedures").then().statusCode(200)
                .body("items.code", hasItem("LT-KT-XTT-MTP")).body("items.code", hasItem("LT-KS-TT-BHYT"))
                .body("items.findAll { it.code.startsWith('DD-') }.size()", equalTo(0));
        given().queryParam("field", "Đất đai").get("/api/procedures").then()
                .body("items.code", equalTo(List.of("DD-CGCN-LAN-DAU")));
        given().queryParam("q", "lý lịch").get("/api/procedures").then()
                .body("items.code", equalTo(List.of("LLTP-CAP-PHIEU")));
        given().queryParam("at", "2024-07-15").queryParam("agency", "THUE-HN").get("/api/procedures").then()
                .body("total", equalTo(0));
        given().queryParam("at", "2024-08-15").queryParam("agency", "THUE-HN").get("/api/procedures").then()
                .body("items.code", equalTo(List.of("DD-CGCN-LAN-DAU")));
    }
}
