package vn.motcua.intake.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import static io.restassured.RestAssured.given;

/**
 * By default (production) intake's clock test hook does not exist: every caller, an administrator included, gets
 * 404 and intake's clock is not moved. Shares the boot of the reception tests.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ClockHookOffTest {
    @Test
    void theClockHookIsAbsentUnlessSwitchedOn() {
        String admin = TestTokens.admin("admin1");
        given().auth().oauth2(admin).get("/api/admin/clock").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"offset\":\"P3D\"}")
                .put("/api/admin/clock").then().statusCode(404);
        given().auth().oauth2(admin).delete("/api/admin/clock").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"offset\":\"P3D\"}").put("/api/admin/clock").then().statusCode(404);
    }
}
