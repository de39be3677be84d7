package vn.motcua.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.demo.DemoService;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log with a real PostgreSQL: an event and an administrative change are recorded with the change and only
 * with it, the sealer chains them, SQL tampering is named by the verification, and the access log records officers.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AuditLogTest {
    @Inject
    DemoService demo;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSealer sealer;
    @Inject
    AuditStore store;

    static String admin() {
        return TestTokens.token("admin-audit", Set.of("admin"), Map.of());
    }

    @Test
    void anEventIsRecordedWithItsChangeAndOnlyWithIt() throws SQLException {
        String committed = "AUDIT-" + UUID.randomUUID();
        String rolledBack = "AUDIT-RB-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> demo.create(rolledBack, "rolled back", 1, true));
        demo.create(committed, "committed", 1, false);
        assertEquals(1, count("select count(*) from audit_entry where subject = ? and kind = 'event'"
                + " and type = '" + DemoService.CREATED + "' and payload like '%\"committed\"%'", committed));
        assertEquals(0, count("select count(*) from audit_entry where subject = ?", rolledBack));
        assertEquals("system:platformtest", text("select actor from audit_entry where subject = ?", committed),
                "no request: the service itself");
        sealer.sealOnce();
        assertEquals(0, count("select count(*) from audit_entry where subject = ? and seq is null", committed));
        AuditStore.Report report = store.verify();
        assertTrue(report.ok(), report::reason);
        assertTrue(report.entries() >= 1);
        assertTrue(report.checkpoints() >= 1, "the first seal is checkpointed (none before)");
    }

    @Test
    void anAdministrativeChangeIsRecordedWithItsCallerAndAFailedOneIsNot() throws SQLException {
        String name = "limit-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"value\":\"Giờ làm việc\",\"quantity\":3}")
                .put("/demo/items/settings/" + name).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_entry where kind = 'admin' and type = 'demo.setting.set'"
                + " and subject = ? and actor = 'admin-audit' and payload like '%Giờ làm việc%'", name));
        String failed = "failed-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"value\":\"x\",\"quantity\":0}")
                .put("/demo/items/settings/" + failed).then().statusCode(500);
        assertEquals(0, count("select count(*) from audit_entry where subject = ?", failed), "rolled back with it");
        assertEquals(0, count("select count(*) from audit_entry where subject = ?", "setting x"));
    }

    @Test
    void tamperingWithSqlIsNamedAndTheExportSaysTheSame() throws Exception {
        for (int i = 0; i < 3; i++) {
            demo.create("TAMPER-" + UUID.randomUUID(), "tamper " + i, 1, false);
        }
        sealer.sealOnce();
        long victim = number("select id from audit_entry where seq is not null order by seq desc offset 1 limit 1");
        String payload = text("select payload from audit_entry where id = ?", victim);
        try {
            execute("update audit_entry set payload = replace(payload, 'tamper', 'forged') where id = ?", victim);
            AuditStore.Report altered = store.verify();
            assertFalse(altered.ok());
            assertEquals(victim, altered.firstBroken());
            StringBuilder export = new StringBuilder();
            store.export(new java.io.Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    export.append(buf, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            AuditChain.Verdict offline = AuditVerifier.verify(new BufferedReader(new StringReader(export.toString())),
                    SigningKey.publicKeyOf(sealer.key().publicKeyBase64Url()));
            assertFalse(offline.ok());
            assertEquals(victim, offline.firstBroken());
        } finally {
            execute("update audit_entry set payload = ? where id = ?", payload, victim);
        }
        assertTrue(store.verify().ok(), "restored");

        // a deleted row: the next one is named; put back as it was
        long deleted = victim;
        long next = number("select id from audit_entry where seq = (select seq + 1 from audit_entry where id = ?)", deleted);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create temporary table saved as select * from audit_entry where id = " + deleted);
            c.createStatement().execute("delete from audit_entry where id = " + deleted);
            AuditStore.Report gap = store.verify();
            assertFalse(gap.ok());
            assertEquals(next, gap.firstBroken());
            assertTrue(gap.reason().contains("bị xoá"), gap.reason());
            c.createStatement().execute("insert into audit_entry select * from saved");
            c.createStatement().execute("drop table saved");
        }
        assertTrue(store.verify().ok(), "restored");
    }

    @Test
    void theVerifyAndExportEndpointsAreForAdministratorsAndTheKeyIsPublic() {
        demo.create("ENDPOINT-" + UUID.randomUUID(), "endpoint", 1, false);
        given().auth().oauth2(admin()).get("/api/admin/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("firstBroken", nullValue()).body("keyId", equalTo(sealer.key().keyId()));
        String officer = TestTokens.token("officer-audit", Set.of("counter-officer"), Map.of());
        given().auth().oauth2(officer).get("/api/admin/audit/verify").then().statusCode(403);
        given().get("/api/admin/audit/verify").then().statusCode(401);
        String export = given().auth().oauth2(admin()).get("/api/admin/audit/export").then().statusCode(200)
                .contentType(containsStringMatcher("text/tab-separated-values")).extract().asString();
        assertTrue(export.startsWith("motcua-audit-export\tv1\t"), export.substring(0, 40));
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("OKP")).body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].x", equalTo(sealer.key().publicKeyBase64Url()))
                .body("keys[0].kid", equalTo(sealer.key().keyId()));
    }

    @Test
    void anOfficersReadingIsInTheAccessLogAndSupervisorsListItByDossierOrOfficer() {
        String dossier = "H29.99-" + UUID.randomUUID().toString().substring(0, 8);
        String officer = TestTokens.token("reader-" + dossier, Set.of("counter-officer"), Map.of());
        given().auth().oauth2(officer).get("/demo/items/personal/" + dossier).then().statusCode(200);
        String supervisor = TestTokens.token("supervisor-audit", Set.of("supervisor"), Map.of());
        given().auth().oauth2(supervisor).get("/api/admin/access-log?dossier=" + dossier).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].actor", equalTo("reader-" + dossier))
                .body("items[0].endpoint", equalTo("GET /demo/items/personal/{key}"));
        given().auth().oauth2(supervisor).get("/api/admin/access-log?officer=reader-" + dossier).then().statusCode(200)
                .body("items.dossierCode", hasItem(dossier));
        given().auth().oauth2(supervisor).get("/api/admin/access-log").then().statusCode(400);
        given().auth().oauth2(officer).get("/api/admin/access-log?dossier=" + dossier).then().statusCode(403);
        given().auth().oauth2(supervisor).get("/api/admin/access-log?officer=supervisor-audit").then().statusCode(200)
                .body("items.dossierCode", not(hasItem(dossier)));
    }

    private static org.hamcrest.Matcher<String> containsStringMatcher(String text) {
        return org.hamcrest.Matchers.containsString(text);
    }

    private long count(String sql, Object... args) throws SQLException {
        return number(sql, args);
    }

    private long number(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
