package vn.motcua.intake.catalogue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.ReceiptTokens;
import vn.motcua.platform.audit.AuditSealer;
import vn.motcua.platform.audit.AuditStore;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.intake.catalogue.CatalogueFixtures.ADMIN;
import static vn.motcua.intake.catalogue.CatalogueFixtures.COUNTER;
import static vn.motcua.intake.catalogue.CatalogueFixtures.SUPERVISOR;
import static vn.motcua.intake.catalogue.CatalogueFixtures.as;
import static vn.motcua.intake.catalogue.CatalogueFixtures.newProcedure;
import static vn.motcua.intake.catalogue.CatalogueFixtures.receive;

/**
 * Issue 23 in intake: the receipt's signed token verifies and one changed character does not; a reception and an
 * administrator's change are in the audit chain with who made them; an officer's reading is in the access log.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TrustTest {
    @Inject
    ReceiptTokens receipts;
    @Inject
    AuditSealer sealer;
    @Inject
    AuditStore store;
    @Inject
    AgroalDataSource dataSource;

    private String receivedDossier() {
        String procedure = "TEST-TRUST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        as(ADMIN).body(newProcedure(procedure, CatalogueFixtures.today())).post("/api/procedures").then().statusCode(201);
        return receive(procedure).then().statusCode(201).extract().path("code");
    }

    @Test
    void theReceiptTokenCertifiesTheReceiptAndNothingElse() {
        String code = receivedDossier();
        String token = QuarkusTransaction.requiringNew().call(() -> receipts.sign(Dossier.byCode(code).orElseThrow()));
        given().queryParam("token", token).get("/api/public/receipts/verify").then().statusCode(200)
                .body("code", equalTo(code)).body("unit", equalTo(CatalogueFixtures.UNIT))
                .body("keyId", equalTo(sealer.key().keyId()));
        int middle = token.indexOf('.') + 10;
        String flipped = token.substring(0, middle) + (token.charAt(middle) == 'x' ? 'y' : 'x') + token.substring(middle + 1);
        given().queryParam("token", flipped).get("/api/public/receipts/verify").then().statusCode(400)
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("không hợp lệ"));
        given().get("/api/public/receipts/verify").then().statusCode(400);
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].x", equalTo(sealer.key().publicKeyBase64Url()));
    }

    @Test
    void aReceptionAndAnAdministratorsChangeAreChainedWithWhoMadeThem() throws SQLException {
        String code = receivedDossier();
        as(ADMIN).body("{\"code\":\"000.00.93.H29\",\"name\":\"Bộ phận Một cửa kiểm toán\",\"level\":\"COMMUNE\"}")
                .put("/api/units/000.00.93.H29").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        assertEquals("counter1", text("select actor from audit_entry where subject = ? and type like '%received%'", code));
        assertEquals("admin1", text("select actor from audit_entry where kind = 'admin' and type = 'unit.update'"
                + " and subject = ?", "000.00.93.H29"));
        sealer.sealOnce();
        AuditStore.Report report = store.verify();
        assertTrue(report.ok(), report::reason);
        given().auth().oauth2(ADMIN).get("/api/admin/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void anOfficersReadingOfADossierIsLoggedAndListedForSupervisors() {
        String code = receivedDossier();
        as(COUNTER).get("/api/dossiers/" + code).then().statusCode(200);
        as(COUNTER).get("/api/dossiers/" + code + "/receipt").then().statusCode(200);
        as(SUPERVISOR).get("/api/admin/access-log?dossier=" + code).then().statusCode(200)
                .body("total", equalTo(2)).body("items.actor", hasItem("counter1"))
                .body("items.endpoint", hasItem("GET /api/dossiers/" + code + "/receipt"));
        as(COUNTER).get("/api/dossiers?q=" + code).then().statusCode(200);
        as(SUPERVISOR).get("/api/admin/access-log?dossier=" + code).then().statusCode(200).body("total", equalTo(3));
    }

    private String text(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }
}
