package vn.motcua.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 against the real stack: in each of the four services, one audit row changed with SQL and one deleted are
 * named by the service's own verification and by the auditor's command-line verifier on the export; a receipt's
 * signed token verifies online and offline and a changed byte does not; an officer's reading of a dossier is in the
 * access log and a citizen's public lookup is not. Every row touched is put back, so the chains hold again after.
 */
class AuditTrailIT {
    static final Map<String, String> SERVICES = Map.of("intake", Stack.INTAKE, "routing", Stack.ROUTING,
            "result", Stack.RESULT, "notification", Stack.NOTIFICATION);
    /** Where the build put platform's classes: the verifier runs from them with nothing but the JDK. */
    static final Path PLATFORM_CLASSES = Path.of("..", "platform", "target", "classes").toAbsolutePath().normalize();

    static JsonPath verified(String base) {
        return Stack.as("admin1").get(base + "/api/admin/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    /** The service's chain holds and everything committed so far is sealed. */
    static JsonPath holdsAndSealed(String service, String base) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            last[0] = verified(base);
            assertTrue(last[0].getBoolean("ok"), () -> service + ": " + last[0].prettify());
            assertEquals(0L, last[0].getLong("pending"), service + ": everything sealed");
        });
        return last[0];
    }

    static String publicKey(String base) {
        return RestAssured.get(base + "/.well-known/jwks.json").then().statusCode(200).extract().path("keys[0].x");
    }

    static final String PROCEDURE = "TN-KIEMTOAN-" + Journeys.run();

    /**
     * A dossier that goes the whole way on a one-step procedure, returned and rated, so that every service (result
     * too) has published events, whatever ran on this stack before.
     */
    @BeforeAll
    static void everyServiceHasEvents() {
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: kiểm toán", 3, null,
                Journeys.single(Journeys.step("xac-minh", Journeys.JUSTICE, "Xác minh", 2)));
        JsonPath receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", Journeys.mailbox("kiemtoan")).jsonPath();
        String code = receipt.getString("code");
        Journeys.approve("tuphap1", code);
        Journeys.citizenSees(code, receipt.getString("lookupPin"), 9);
        await().atMost(Journeys.HOP).untilAsserted(() -> Stack.as("counter1").contentType(ContentType.JSON)
                .body("{\"channel\":\"COUNTER\",\"receivedBy\":\"Lê Văn Kiểm\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(200));
        Journeys.citizenSees(code, receipt.getString("lookupPin"), 10);
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", receipt.getString("lookupPin")).body("""
                        {"onTime":true,"contactCount":1,"agenciesContacted":1,"staffAttitude":"SATISFIED",
                         "openness":"SATISFIED","overall":"SATISFIED","comment":"Kiểm toán"}""")
                .post(Stack.RESULT + "/api/public/dossiers/" + code + "/rating").then().statusCode(201);
    }

    @Test
    void inEachServiceAnAlteredAndADeletedRowAreNamedOnlineAndOffline() throws Exception {
        Path dir = Files.createTempDirectory("kiem-toan");
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String name = service.getKey();
            String base = service.getValue();
            JsonPath before = holdsAndSealed(name, base);
            assertTrue(before.getLong("entries") >= 2, name + " has entries");
            assertTrue(before.getInt("checkpoints") > 0, name + " has signed checkpoints");
            String key = publicKey(base);
            assertTrue(offline(dir, name, base, key).out().startsWith("ok:"), name + ": the export verifies");

            try (Connection db = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua")) {
                db.setSchema(name);
                // the last sealed entry but one: it has a successor to name when it is deleted
                long victim = number(db, "select id from audit_entry where seq = (select max(seq) - 1 from audit_entry)");
                String payload = text(db, "select payload from audit_entry where id = " + victim);
                try (PreparedStatement alter = db.prepareStatement("update audit_entry set payload = ? where id = ?")) {
                    alter.setString(1, payload.replaceFirst("\\d", "9").replace("\"", "'"));
                    alter.setLong(2, victim);
                    assertEquals(1, alter.executeUpdate());
                }
                try {
                    JsonPath altered = verified(base);
                    assertFalse(altered.getBoolean("ok"), name);
                    assertEquals(victim, altered.getLong("firstBroken"), name + ": the altered row is named");
                    Journeys.Ran cli = offline(dir, name, base, key);
                    assertEquals(1, cli.exit(), name + ": " + cli.out());
                    assertTrue(cli.out().contains("first broken entry " + victim + " "), cli.out());
                } finally {
                    try (PreparedStatement restore = db.prepareStatement("update audit_entry set payload = ? where id = ?")) {
                        restore.setString(1, payload);
                        restore.setLong(2, victim);
                        restore.executeUpdate();
                    }
                }
                assertTrue(verified(base).getBoolean("ok"), name + ": restored");

                long next = number(db, "select id from audit_entry where seq = (select seq + 1 from audit_entry where id = "
                        + victim + ")");
                try (Statement sql = db.createStatement()) {
                    sql.execute("create temporary table audit_saved as select * from audit_entry where id = " + victim);
                    sql.execute("delete from audit_entry where id = " + victim);
                    try {
                        JsonPath gap = verified(base);
                        assertFalse(gap.getBoolean("ok"), name);
                        assertEquals(next, gap.getLong("firstBroken"), name + ": the row after the deleted one is named");
                        Journeys.Ran cli = offline(dir, name, base, key);
                        assertEquals(1, cli.exit(), name + ": " + cli.out());
                    } finally {
                        sql.execute("insert into audit_entry select * from audit_saved");
                        sql.execute("drop table audit_saved");
                    }
                }
                assertTrue(verified(base).getBoolean("ok"), name + ": restored");
            }
        }
    }

    /** The documented offline check: the export saved to a file, verified with the published key by the JDK alone. */
    static Journeys.Ran offline(Path dir, String service, String base, String key) throws IOException, InterruptedException {
        Path export = dir.resolve("audit-" + service + ".tsv");
        Files.write(export, Stack.as("admin1").accept("text/tab-separated-values").get(base + "/api/admin/audit/export").then().statusCode(200)
                .extract().asByteArray());
        return Journeys.exec(dir, java(), "-cp", PLATFORM_CLASSES.toString(), "vn.motcua.platform.audit.AuditVerifier",
                "chain", export.toString(), key);
    }

    /** A receipt's QR token: intake says what it certifies, the offline verifier agrees; one changed byte, neither. */
    static void receiptTokenHolds(String token, String code, Path dir) throws IOException, InterruptedException {
        RestAssured.given().queryParam("token", token).get(Stack.INTAKE + "/api/public/receipts/verify").then()
                .statusCode(200).body("code", equalTo(code)).body("unit", equalTo("000.00.31.H29"));
        int at = token.lastIndexOf('.') + 5;
        String flipped = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        RestAssured.given().queryParam("token", flipped).get(Stack.INTAKE + "/api/public/receipts/verify").then()
                .statusCode(400).contentType("application/problem+json");
        String payloadFlipped = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        RestAssured.given().queryParam("token", payloadFlipped).get(Stack.INTAKE + "/api/public/receipts/verify").then()
                .statusCode(400);
        String key = publicKey(Stack.INTAKE);
        Journeys.Ran good = Journeys.exec(dir, java(), "-cp", PLATFORM_CLASSES.toString(),
                "vn.motcua.platform.audit.AuditVerifier", "receipt", token, key);
        assertEquals(0, good.exit(), good.out() + good.err());
        assertTrue(good.out().contains("\"c\":\"" + code + "\""), good.out());
        assertEquals(1, Journeys.exec(dir, java(), "-cp", PLATFORM_CLASSES.toString(),
                "vn.motcua.platform.audit.AuditVerifier", "receipt", flipped, key).exit());
    }

    @Test
    void anOfficersReadingIsLoggedAndACitizensLookupIsNot() {
        var received = receiveNewborn("truycap");
        String code = received.path("code");
        String pin = received.path("lookupPin");
        Stack.awaitProjected(code);
        RestAssured.given().queryParam("pin", pin).get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200);
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200);
        Stack.as("supervisor1").queryParam("dossier", code).get(Stack.INTAKE + "/api/admin/access-log").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("counter1"))
                .body("items[0].endpoint", equalTo("GET /api/dossiers/" + code));
        Stack.as("supervisor1").queryParam("dossier", code).get(Stack.RESULT + "/api/admin/access-log").then()
                .statusCode(200).body("total", equalTo(0));
        Stack.as("supervisor1").queryParam("officer", "counter1").queryParam("size", 500)
                .get(Stack.INTAKE + "/api/admin/access-log").then().statusCode(200)
                .body("items.dossierCode", hasItem(code)).body("items.actor", not(hasItem("citizen1")));
        Stack.as("counter1").queryParam("dossier", code).get(Stack.INTAKE + "/api/admin/access-log").then()
                .statusCode(403);
    }

    /** The demo newborn dossier received by counter1 (events in every service once it travels). */
    static io.restassured.response.Response receiveNewborn(String tag) {
        io.restassured.response.Response receipt = Stack.as("counter1").contentType(io.restassured.http.ContentType.JSON)
                .body(WalkingSkeletonIT.NEWBORN.replace("binh.tran@example.vn", Journeys.mailbox(tag)))
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201);
        return receipt;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long number(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    static {
        // the offline verifier reads what the build compiled: say so plainly when it is missing
        if (!Files.isDirectory(PLATFORM_CLASSES)) {
            throw new IllegalStateException("build platform first: " + PLATFORM_CLASSES + " is missing");
        }
    }
}
