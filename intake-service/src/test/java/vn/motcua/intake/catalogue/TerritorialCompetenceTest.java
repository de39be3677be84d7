package vn.motcua.intake.catalogue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.COUNTER;
import static vn.motcua.intake.catalogue.CatalogueFixtures.SUPERVISOR;
import static vn.motcua.intake.catalogue.CatalogueFixtures.UNIT;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.newProcedure;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;

/**
 * Issue 20, item 6: territorial competence. The catalogue names, per procedure and commune, the agency competent
 * there; a dossier received at any unit for an applicant of that commune is routed with that agency in place of the
 * procedure's competent agency (its steps and the lead), one of another commune or without a commune with the
 * published plan. Administrators set it; bad communes, unknown agencies and procedures are refused.
 */
@QuarkusTest
@TestProfile(CatalogueProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TerritorialCompetenceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String reception(String procedure, String commune) {
        return """
                {"procedureCode":"%s","channel":"COUNTER","commune":%s,
                 "applicant":{"fullName":"Trần Thị Bình","idNumber":"001190012345","phone":"0912345678"},
                 "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1}]}""".formatted(procedure,
                commune == null ? "null" : "\"" + commune + "\"");
    }

    DossierReceived received(String code) {
        DossierReceived[] found = new DossierReceived[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = TopicReader.read(bootstrap, Topics.INTAKE, 1, Duration.ofMillis(300), Duration.ofSeconds(10))
                    .stream().filter(r -> code.equals(r.key())).map(r -> EventJson.read(r.value()))
                    .filter(e -> e.type().equals(DossierReceived.TYPE)).map(EventTypes.DOSSIER_RECEIVED::payload)
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    static List<String> agencies(DossierReceived received) {
        return received.routingPlan().stages().stream().flatMap(s -> s.steps().stream()).map(PlanStep::agencyCode).toList();
    }

    @Test
    void aDossierFromACommuneGoesToTheAgencyCompetentThere() {
        // The fixture's procedure: the justice office first (the competent agency), then police and insurance.
        as(ADMIN).body(newProcedure("TEST-DIA-BAN", today())).post("/api/procedures").then().statusCode(201);
        // In commune 00007 the police office does what the justice office does elsewhere.
        as(ADMIN).body("{\"agency\":\"CONGAN-BADINH\"}").put("/api/procedures/TEST-DIA-BAN/areas/00007").then()
                .statusCode(200).body("agency", equalTo("CONGAN-BADINH")).body("updatedBy", equalTo("admin1"));
        as(ADMIN).body("{\"agency\":\"BHXH-KV1\"}").put("/api/procedures/TEST-DIA-BAN/areas/00008").then().statusCode(200);
        as(ADMIN).body("{\"agency\":\"CONGAN-BADINH\"}").put("/api/procedures/TEST-DIA-BAN/areas/00008").then()
                .statusCode(200);
        as(SUPERVISOR).get("/api/procedures/TEST-DIA-BAN/areas").then().statusCode(200)
                .body("total", equalTo(2)).body("items.commune", equalTo(List.of("00007", "00008")))
                .body("items[1].agency", equalTo("CONGAN-BADINH"))
                .body("items[0].agencyName", equalTo("Công an phường Ba Đình"));

        String there = as(COUNTER).body(reception("TEST-DIA-BAN", "00007")).post("/api/dossiers").then().statusCode(201)
                .extract().path("code");
        DossierReceived routed = received(there);
        assertEquals(List.of("CONGAN-BADINH", "CONGAN-BADINH", "BHXH-KV1"), agencies(routed));
        assertEquals("CONGAN-BADINH", routed.routingPlan().leadAgencyCode());
        assertEquals("Công an phường Ba Đình", routed.routingPlan().stages().get(0).steps().get(0).agencyName());

        String elsewhere = as(COUNTER).body(reception("TEST-DIA-BAN", "00009")).post("/api/dossiers").then()
                .statusCode(201).extract().path("code");
        assertEquals(List.of("TUPHAP-BADINH", "CONGAN-BADINH", "BHXH-KV1"), agencies(received(elsewhere)));
        String unstated = as(COUNTER).body(reception("TEST-DIA-BAN", null)).post("/api/dossiers").then()
                .statusCode(201).extract().path("code");
        assertEquals(List.of("TUPHAP-BADINH", "CONGAN-BADINH", "BHXH-KV1"), agencies(received(unstated)));

        // Online: the commune given with the submission routes it once the counter has accepted it.
        String online = as(TestTokens.citizen("citizen1", "001090012345")).body("""
                        {"procedureCode":"TEST-DIA-BAN","unitCode":"%s","commune":"00007",
                         "applicant":{"fullName":"Trần Thị Bình","idNumber":"001090012345","phone":"0912345678"},
                         "documents":[{"name":"Tờ khai thử nghiệm","form":"ORIGINAL","copies":1}]}""".formatted(UNIT))
                .post("/api/public/submissions").then().statusCode(201).extract().path("code");
        as(COUNTER).post("/api/dossiers/" + online + "/accept").then().statusCode(200);
        assertEquals(List.of("CONGAN-BADINH", "CONGAN-BADINH", "BHXH-KV1"), agencies(received(online)));
    }

    @Test
    void badCommunesUnknownAgenciesAndOtherRolesAreRefused() {
        as(ADMIN).body(newProcedure("TEST-DIA-BAN-2", today())).post("/api/procedures").then().statusCode(201);
        as(ADMIN).body("{\"agency\":\"CONGAN-BADINH\"}").put("/api/procedures/TEST-DIA-BAN-2/areas/7").then()
                .statusCode(400).contentType("application/problem+json");
        as(ADMIN).body("{\"agency\":\"KHONG-CO\"}").put("/api/procedures/TEST-DIA-BAN-2/areas/00007").then()
                .statusCode(422).body("type", equalTo("urn:motcua:problem:unknown-agency"));
        as(ADMIN).body("{}").put("/api/procedures/TEST-DIA-BAN-2/areas/00007").then().statusCode(422);
        as(ADMIN).body("{\"agency\":\"CONGAN-BADINH\"}").put("/api/procedures/KHONG-CO/areas/00007").then()
                .statusCode(404);
        as(COUNTER).body("{\"agency\":\"CONGAN-BADINH\"}").put("/api/procedures/TEST-DIA-BAN-2/areas/00007").then()
                .statusCode(403);
        given().contentType("application/json").body("{\"agency\":\"CONGAN-BADINH\"}")
                .put("/api/procedures/TEST-DIA-BAN-2/areas/00007").then().statusCode(401);
        as(ADMIN).get("/api/procedures/TEST-DIA-BAN-2/areas").then().statusCode(200).body("total", equalTo(0));
        as(ADMIN).get("/api/procedures/KHONG-CO/areas").then().statusCode(404);
        as(COUNTER).body(reception("TEST-DIA-BAN-2", "7")).post("/api/dossiers").then().statusCode(400);
    }
}
