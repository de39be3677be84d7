package vn.motcua.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.COUNTER;
import static vn.motcua.intake.catalogue.CatalogueFixtures.SUPERVISOR;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.catalogRecords;
import static vn.motcua.intake.catalogue.CatalogueFixtures.today;

/** Agencies and units, and the catalogue as one JSON document: export, import, idempotency, all-or-nothing. */
@QuarkusTest
@TestProfile(CatalogueProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CatalogueTransferTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final AtomicInteger MARKERS = new AtomicInteger();

    /**
     * The catalogue events published since {@code since}: a marker change is published after them and,
     * once it has arrived on the topic, a little more time lets the other outbox lanes catch up.
     */
    List<CloudEvent<JsonNode>> catalogEventsSince(Instant since) {
        String marker = "TEST-MARK-" + MARKERS.incrementAndGet();
        as(ADMIN).body("{\"name\":\"Mốc kiểm tra\",\"level\":\"COMMUNE\"}").put("/api/agencies/" + marker)
                .then().statusCode(201);
        catalogRecords(bootstrap, marker, 1);
        return TopicReader.read(bootstrap, Topics.CATALOG, 1, Duration.ofSeconds(2), Duration.ofSeconds(10)).stream()
                .filter(r -> !marker.equals(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> !e.time().toInstant().isBefore(since)).toList();
    }

    static ObjectNode export() throws Exception {
        String json = given().auth().oauth2(ADMIN).get("/api/catalogue/export").then().statusCode(200).extract().asString();
        return (ObjectNode) EventJson.mapper().readTree(json);
    }

    static JsonNode importing(JsonNode document, int status) {
        String json = as(ADMIN).body(document.toString()).post("/api/catalogue/import").then().statusCode(status)
                .extract().asString();
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    static ObjectNode withoutTime(ObjectNode export) {
        ObjectNode copy = export.deepCopy();
        copy.remove("exportedAt");
        return copy;
    }

    @Test
    void unitsAndAgenciesAreUpsertedAndPublishedOnlyWhenTheyChange() throws Exception {
        String unit = """
                {"name":"Bộ phận Một cửa thử nghiệm","level":"COMMUNE","parentCode":"000.00.00.H29",
                 "address":"1 Tràng Tiền, Hà Nội","phone":"02439999999","email":"motcua.thu@example.vn"}""";
        as(ADMIN).body(unit).put("/api/units/000.99.31.H29").then().statusCode(201)
                .header("Location", endsWith("/api/units/000.99.31.H29")).body("active", equalTo(true));
        Instant since = Instant.now();
        as(ADMIN).body(unit).put("/api/units/000.99.31.H29").then().statusCode(200);
        as(ADMIN).body(unit.replace("02439999999", "02438888888").replace("\"COMMUNE\"", "\"COMMUNE\",\"active\":false"))
                .put("/api/units/000.99.31.H29").then().statusCode(200).body("phone", equalTo("02438888888"))
                .body("active", equalTo(false));
        assertEquals(1, catalogEventsSince(since).size(), "the same record again publishes nothing; a change once");
        as(ADMIN).body("{\"code\":\"000.99.31.H29\"," + unit.substring(1)).post("/api/units").then().statusCode(409)
                .body("type", equalTo("urn:motcua:problem:unit-exists"));
        as(ADMIN).body(unit).put("/api/units/H29-000").then().statusCode(400)
                .body("errors.field", equalTo(List.of("code")));
        as(ADMIN).body(unit.replace("000.00.00.H29", "000.98.00.H29")).put("/api/units/000.97.31.H29").then()
                .statusCode(422).body("type", equalTo("urn:motcua:problem:unknown-parent"));
        given().auth().oauth2(COUNTER).queryParam("active", "false").get("/api/units").then().statusCode(200)
                .body("items.code", equalTo(List.of("000.99.31.H29")));
        given().auth().oauth2(COUNTER).queryParam("parent", "000.00.00.H29").queryParam("size", "5").get("/api/units")
                .then().body("total", equalTo(1)).body("size", equalTo(5));
        given().auth().oauth2(COUNTER).queryParam("active", "maybe").get("/api/units").then().statusCode(400);

        as(ADMIN).body("{\"code\":\"TEST-SO\",\"name\":\"Sở thử nghiệm\",\"level\":\"PROVINCE\",\"email\":\"so@example.vn\"}")
                .post("/api/agencies").then().statusCode(201);
        as(ADMIN).body("{\"name\":\"Phòng thử nghiệm\",\"level\":\"COMMUNE\",\"parentCode\":\"TEST-SO\"}")
                .put("/api/agencies/TEST-PHONG").then().statusCode(201);
        as(ADMIN).body("{\"name\":\"Sở thử nghiệm\",\"level\":\"PROVINCE\",\"parentCode\":\"TEST-PHONG\"}")
                .put("/api/agencies/TEST-SO").then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:office-parent-cycle"));
        as(ADMIN).body("{\"code\":\"OTHER\",\"name\":\"X\",\"level\":\"CITY\",\"email\":\"not-mail\"}")
                .put("/api/agencies/TEST-SO").then().statusCode(400)
                .body("errors.field", equalTo(List.of("code", "level", "email")));
        given().auth().oauth2(SUPERVISOR).queryParam("q", "thử nghiệm").get("/api/agencies").then()
                .body("items.code", equalTo(List.of("TEST-PHONG", "TEST-SO")));

        OneStopUnitUpserted unitEvent = catalogRecords(bootstrap, "000.99.31.H29", 2).stream()
                .map(r -> EventJson.read(r.value())).map(EventTypes.UNIT_UPSERTED::payload).toList().get(1);
        assertFalse(unitEvent.active());
        assertTrue(unitEvent.contacts().stream().anyMatch(c -> c.channel() == NotificationChannel.SMS
                && c.address().equals("02438888888")));
        CloudEvent<JsonNode> agencyEvent = EventJson.read(catalogRecords(bootstrap, "TEST-PHONG", 1).get(0).value());
        AgencyUpserted agency = EventTypes.AGENCY_UPSERTED.payload(agencyEvent);
        assertEquals("TEST-SO", agency.parentCode());
        assertTrue(agency.active());
    }

    @Test
    void theExportRoundTripsAndImportingTwiceChangesNothingTheSecondTime() throws Exception {
        ObjectNode first = export();
        assertTrue(first.get("units").size() >= 52, "the demo units");
        JsonNode newborn = null;
        for (JsonNode p : first.get("procedures")) {
            if (p.get("code").asText().equals("LT-KS-TT-BHYT")) {
                newborn = p;
            }
        }
        assertEquals("Tờ khai đăng ký khai sinh", newborn.at("/versions/0/documents/0/name").asText());

        Instant since = Instant.now();
        JsonNode report = importing(first, 200);
        assertEquals(0, report.at("/units/created").asInt() + report.at("/units/updated").asInt());
        assertEquals(first.get("units").size(), report.at("/units/unchanged").asInt());
        assertEquals(first.get("agencies").size(), report.at("/agencies/unchanged").asInt());
        assertEquals(0, report.at("/procedureVersions/created").asInt() + report.at("/procedureVersions/updated").asInt());
        assertEquals(0, report.get("eventsPublished").asInt());
        assertEquals(withoutTime(first), withoutTime(export()), "export → import → export is the same document");
        assertEquals(List.of(), catalogEventsSince(since), "an import of what is already there publishes nothing");

        // Another environment's additions: a unit, an agency under a new parent, a procedure with history.
        ObjectNode changed = first.deepCopy();
        ((ArrayNode) changed.get("units")).addObject().put("code", "000.88.31.H29").put("name", "Một cửa nhập khẩu")
                .put("level", "COMMUNE");
        ((ArrayNode) changed.get("agencies")).addObject().put("code", "IMP-PHONG").put("name", "Phòng nhập khẩu")
                .put("level", "COMMUNE").put("parentCode", "IMP-SO");
        ((ArrayNode) changed.get("agencies")).addObject().put("code", "IMP-SO").put("name", "Sở nhập khẩu")
                .put("level", "PROVINCE");
        ObjectNode v1 = EventJson.mapper().createObjectNode().put("version", 1).put("effectiveFrom", "2020-01-01")
                .put("effectiveTo", "2021-01-01").put("name", "Thủ tục nhập khẩu").put("competentAgency", "IMP-PHONG");
        v1.putObject("statutoryTime").put("value", 2).put("unit", "WORKING_DAYS");
        v1.putObject("plan").putArray("stages").addObject().put("kind", "SINGLE").putArray("steps").addObject()
                .put("stepId", "xu-ly").put("agencyCode", "IMP-PHONG")
                .putObject("share").put("value", 2).put("unit", "WORKING_DAYS");
        v1.putArray("documents").addObject().put("name", "Đơn").put("form", "ORIGINAL");
        ObjectNode v2 = v1.deepCopy().put("version", 2).put("effectiveFrom", "2021-01-01").put("name", "Thủ tục nhập khẩu (sửa)");
        v2.remove("effectiveTo");
        ObjectNode imported = ((ArrayNode) changed.get("procedures")).addObject().put("code", "IMP-TT");
        imported.putArray("versions").add(v1).add(v2);

        since = Instant.now();
        report = importing(changed, 200);
        assertEquals(1, report.at("/units/created").asInt());
        assertEquals(2, report.at("/agencies/created").asInt());
        assertEquals(2, report.at("/procedureVersions/created").asInt());
        assertEquals(5, report.get("eventsPublished").asInt());
        assertEquals(5, catalogEventsSince(since).size());
        given().queryParam("q", "IMP-TT").get("/api/procedures").then().body("items[0].version", equalTo(2))
                .body("items[0].steps[0].agencyName", equalTo("Phòng nhập khẩu"));
        given().queryParam("q", "IMP-TT").queryParam("at", "2020-06-01").get("/api/procedures").then()
                .body("items[0].version", equalTo(1));

        ObjectNode second = export();
        since = Instant.now();
        report = importing(second, 200);
        assertEquals(0, report.get("eventsPublished").asInt());
        assertEquals(withoutTime(second), withoutTime(export()));
        assertEquals(List.of(), catalogEventsSince(since), "importing the same export twice publishes nothing the second time");
    }

    @Test
    void anImportIsAllOrNothing() throws Exception {
        ObjectNode doc = export();
        Instant since = Instant.now();
        ((ArrayNode) doc.get("units")).addObject().put("code", "000.77.31.H29").put("name", "Không được tạo")
                .put("level", "COMMUNE");
        ObjectNode broken = (ObjectNode) doc.get("procedures").get(0).get("versions").get(0).deepCopy();
        broken.remove("code");
        ((ObjectNode) broken.get("plan").get("stages").get(0).get("steps").get(0)).put("agencyCode", "NOWHERE");
        ((ArrayNode) doc.get("procedures")).addObject().put("code", "IMP-BROKEN").putArray("versions").add(broken);
        JsonNode problem = importing(doc, 422);
        assertEquals("urn:motcua:problem:unknown-agency", problem.get("type").asText());
        assertTrue(problem.get("errors").toString().contains("versions[0].plan.stages[0].steps[0].agencyCode"));
        given().auth().oauth2(ADMIN).get("/api/units/000.77.31.H29").then().statusCode(404);

        ObjectNode edited = export();
        ((ObjectNode) findProcedure(edited, "LT-KS-TT-BHYT").get("versions").get(0)).put("name", "Tên khác");
        assertEquals("urn:motcua:problem:version-immutable", importing(edited, 409).get("type").asText());

        ObjectNode future = export();
        ((ObjectNode) findProcedure(future, "LLTP-CAP-PHIEU").get("versions").get(0))
                .put("effectiveTo", today().minusDays(1).toString());
        assertEquals("urn:motcua:problem:effective-date-rejected", importing(future, 422).get("type").asText());

        ObjectNode wrongFormat = export().put("formatVersion", 2);
        ((ObjectNode) wrongFormat.get("agencies").get(0)).put("level", "GALAXY");
        JsonNode invalid = importing(wrongFormat, 400);
        assertEquals("urn:motcua:problem:validation-failed", invalid.get("type").asText());
        assertEquals(List.of("formatVersion", "agencies[0].level"),
                EventJson.mapper().convertValue(invalid.findValues("field"), List.class).stream().map(Object::toString).toList());
        assertEquals(List.of(), catalogEventsSince(since), "a refused import publishes nothing");
        as(ADMIN).body("[]").post("/api/catalogue/import").then().statusCode(400);
    }

    static JsonNode findProcedure(JsonNode export, String code) {
        for (JsonNode p : export.get("procedures")) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no " + code);
    }
}
